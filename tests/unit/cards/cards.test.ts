import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, inkedPixels } from './card-png.ts';
import { contrastRatio, renderCard, type CardInput } from '../../../src/lib/cards/render.ts';
import { cardCacheKey, renderCardCached, renderCardCachedSync } from '../../../src/lib/cards/cache.ts';
import { Paragraph } from '../../../src/lib/cards/text.ts';
import { loadFont } from '../../../src/lib/cards/font.ts';
import { FontStack } from '../../../src/lib/cards/fonts.ts';
import { PALETTE } from '../../../src/lib/rendering/design-tokens.ts';

const BG = parseInt(PALETTE.light.bg.slice(1), 16);
const site = 'MLOps Community Knowledge Base';
const talk: CardInput = {
  kind: 'Talk',
  title: 'Hidden Technical Debt in Machine Learning Systems',
  subtitle: 'D. Sculley · Demetrios Brinkmann',
  detail: '35 chapters · 52:10',
  site,
  accent: '#0b6bcb',
};

test('renders a valid 1200x630 palette PNG with no time or text chunks', () => {
  const d = decode(renderCard(talk));
  assert.equal(d.width, 1200);
  assert.equal(d.height, 630);
  assert.equal(d.bitDepth, 8);
  assert.equal(d.colorType, 3);
  assert.deepEqual(d.chunkTypes, ['IHDR', 'PLTE', 'IDAT', 'IEND']);
});

test('draws the layout: light background, accent bar, title ink, footer', () => {
  const d = decode(renderCard(talk));
  const at = (x: number, y: number) => d.palette[d.pixels[y * d.width + x]!]!;
  assert.equal(at(600, 620), parseInt(PALETTE.light.bg.slice(1), 16), 'background: the site\'s');
  assert.equal(at(600, 4), 0x0b6bcb, 'accent bar in the accent colour');
  assert.ok(inkedPixels(d, 80, 150, 1120, 360) > 5000, 'title text is drawn');
  assert.ok(inkedPixels(d, 80, 550, 700, 600) > 1000, 'site name is drawn');
  // The darkest colour used (title ink) must be far above WCAG AA on the background.
  const darkest = [...new Set(d.pixels)].map((i) => d.palette[i]!).sort((a, b) => contrastRatio(b, BG) - contrastRatio(a, BG))[0]!;
  assert.ok(contrastRatio(darkest, BG) >= 7, `title contrast ${contrastRatio(darkest, BG)}`);
});

test('the same input gives byte-identical output', () => {
  const a = renderCard(talk);
  renderCard({ ...talk, title: 'Something else in between, to dirty any shared state', accent: '#a4262c' });
  const b = renderCard({ ...talk });
  assert.ok(a.equals(b));
});

test('different titles, subtitles and accents give different images', () => {
  const base = renderCard(talk);
  assert.ok(!base.equals(renderCard({ ...talk, title: 'Hidden Technical Debt in Machine Learning Systems!' })));
  assert.ok(!base.equals(renderCard({ ...talk, subtitle: 'Someone else' })));
  assert.ok(!base.equals(renderCard({ ...talk, accent: '#107c41' })));
});

test('accented letters, curly quotes, dashes and the middle dot are in the fonts', () => {
  const chars = 'éüñçøåßœŁ“”‘’–—·…';
  for (const file of ['Inter-Regular.ttf', 'Inter-Bold.ttf']) {
    const font = loadFont(fileURLToPath(new URL(`../../../assets/fonts/${file}`, import.meta.url)));
    for (const ch of chars) {
      const g = font.glyphIndex(ch.codePointAt(0)!);
      assert.ok(g > 0, `${file} has a glyph for ${ch}`);
      assert.ok(font.outline(g).length > 0, `${file} draws ${ch}`);
    }
  }
  // And the accents reach the image: "é" is not drawn like "e".
  const plain = renderCard({ ...talk, title: 'Cafe resume' });
  const accented = renderCard({ ...talk, title: 'Café résumé' });
  assert.ok(!plain.equals(accented));
});

const bold = new FontStack('bold', fileURLToPath(new URL('../../../assets/fonts/', import.meta.url)));

test('kerning is applied (HarfBuzz reads the GPOS table, extension lookups included)', () => {
  // A kerned pair is narrower than its two letters set apart.
  const width = (s: string) => new Paragraph(bold, s).width(0, s.length, 1000);
  assert.ok(width('AV') < width('A') + width('V') - 10, 'AV is kerned');
  assert.ok(width('To') < width('T') + width('o') - 10, 'To is kerned');
  assert.equal(Math.round(width('ab')), Math.round(width('a') + width('b')));
});

test('long titles wrap to at most four lines with an ellipsis, and never throw', () => {
  const long = 'Why “just retrain it” isn’t a strategy — '.repeat(20);
  const d = decode(renderCard({ ...talk, title: long, subtitle: long, detail: long, kind: long, site: long }));
  assert.equal(d.width, 1200);
  // Nothing spills below the rule into the footer band except the footer itself.
  assert.equal(inkedPixels(d, 0, 500, 1200, 530), 0, 'text stays above the footer rule');
  renderCard({ ...talk, title: 'x'.repeat(5000) });
  renderCard({ ...talk, title: 'https://example.com/' + 'a/very/long/path/'.repeat(40) });
  renderCard({ ...talk, title: '', subtitle: '', detail: '', kind: '', site: '' });
  renderCard({ ...talk, title: '🚀 Emoji, 漢字 and \u0000control\tcharacters\n' });

  const para = new Paragraph(bold, long.trim());
  const w = para.wrap(300, 20, 4);
  assert.equal(w.lines.length, 4);
  assert.ok(w.truncated);
  assert.deepEqual(w.lines.map((l) => l.ellipsis), [false, false, false, true]);
  for (const line of w.lines) assert.ok(para.lineWidth(line, 20) <= 300, `"${para.text.slice(line.start, line.end)}" fits`);
  // Lines follow each other without a gap or an overlap, and start after a space.
  for (let i = 1; i < w.lines.length; i++) assert.equal(para.text.slice(w.lines[i - 1]!.end, w.lines[i]!.start), ' ');
  const short = new Paragraph(bold, 'a short title');
  assert.deepEqual(short.wrap(300, 20, 4), { lines: [{ start: 0, end: 13, ellipsis: false }], truncated: false });
  // A word wider than the line is split, not dropped.
  const word = new Paragraph(bold, 'Supercalifragilisticexpialidocious');
  const split = word.wrap(100, 20, 4);
  assert.ok(split.lines.length > 1 && split.lines.every((l) => word.lineWidth(l, 20) <= 100));
});

test('cache: miss, then hit without rendering, then miss when the input changes', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-cards-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  let renders = 0;
  const render = (input: CardInput) => {
    renders++;
    return renderCard(input);
  };

  const first = await renderCardCached(talk, dir, { render });
  assert.equal(first.hit, false);
  assert.equal(renders, 1);
  assert.ok(first.png.equals(renderCard(talk)));
  assert.deepEqual(readdirSync(dir), [`${first.key}.png`], 'one PNG stored, no temp files left');

  const second = await renderCardCached({ ...talk }, dir, { render });
  assert.equal(second.hit, true);
  assert.equal(renders, 1, 'the second identical call renders nothing');
  assert.ok(second.png.equals(first.png));

  const changed = await renderCardCached({ ...talk, detail: '36 chapters · 52:10' }, dir, { render });
  assert.equal(changed.hit, false);
  assert.equal(renders, 2);
  assert.notEqual(changed.key, first.key);

  // The sync variant shares the same store.
  const sync = renderCardCachedSync(talk, dir, { render });
  assert.equal(sync.hit, true);
  assert.equal(renders, 2);
});

test('cache key: stable, field-order independent, sensitive to every field', () => {
  const key = cardCacheKey(talk);
  assert.match(key, /^[0-9a-f]{64}$/);
  const reordered: CardInput = { site: talk.site, accent: talk.accent, detail: talk.detail, subtitle: talk.subtitle, title: talk.title, kind: talk.kind };
  assert.equal(cardCacheKey(reordered), key);
  for (const field of ['kind', 'title', 'subtitle', 'detail', 'site', 'accent'] as const) {
    assert.notEqual(cardCacheKey({ ...talk, [field]: `${talk[field]}x` }), key, `${field} changes the key`);
  }
});

test('a corrupt cache file is re-rendered, not served', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-cards-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const first = await renderCardCached(talk, dir);
  writeFileSync(first.file, first.png.subarray(0, 100)); // truncated write
  const again = await renderCardCached(talk, dir);
  assert.equal(again.hit, false);
  assert.ok(again.png.equals(first.png));
});
