/**
 * Cards for every name and title: Japanese, Arabic (joined, right to left), Devanagari
 * (reordered, with conjuncts), emoji, and mixtures of them with Latin; and the warning for
 * characters no card font draws. Checked on the shaped glyphs and on the pixels.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, inkedPixels } from './card-png.ts';
import { fontFingerprintFiles, FontStack } from '../../../src/lib/cards/fonts.ts';
import { cardGaps, formatCardGaps } from '../../../src/lib/cards/gaps.ts';
import { renderCards } from '../../../src/lib/cards/pool.ts';
import { renderCard, stackLines, type CardInput } from '../../../src/lib/cards/render.ts';
import { Paragraph, type Line } from '../../../src/lib/cards/text.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fontDir = path.join(root, 'assets/fonts');
const bold = new FontStack('bold', fontDir);
const base: CardInput = { kind: 'Talk', title: '', site: 'MLOps Community Knowledge Base', accent: '#0b6bcb' };
/** The title's band: below the badge, above where a subtitle would start. */
const title = (d: ReturnType<typeof decode>, x0 = 80, x1 = 1120) => inkedPixels(d, x0, 130, x1, 420);
const card = (t: string, more: Partial<CardInput> = {}) => renderCard({ ...base, title: t, ...more });

const para = (text: string) => new Paragraph(bold, text);
const oneLine = (p: Paragraph): Line => p.wrap(100_000, 100, 1).lines[0]!;
/** Glyph ids of a text, in visual order. */
const glyphs = (text: string) => {
  const p = para(text);
  return p.place(oneLine(p), 100).map((g) => g.glyph);
};
/** Clusters (text indices) of a line's glyphs from left to right, each once. */
function visualClusters(p: Paragraph, line = oneLine(p)): number[] {
  const out: number[] = [];
  for (const g of p.place(line, 100)) if (out.at(-1) !== g.cluster) out.push(g.cluster);
  return out;
}
const fontsOf = (p: Paragraph) => [...new Set(p.runs.map((r) => r.face.font.name.replace(/(-\d+)?-wght-normal\.woff2$/, '')))];

test('a Japanese title is drawn, with Noto Sans JP, and is not "Untitled"', () => {
  const jp = '機械学習システムの技術的負債';
  const p = para(jp);
  assert.equal(p.text, jp, 'nothing is left out');
  assert.deepEqual(p.missing, []);
  assert.deepEqual(fontsOf(p), ['noto-sans-jp']);
  assert.ok(p.runs.every((r) => r.glyphs.every((g) => g > 0)), 'no missing-glyph boxes');
  const png = card(jp);
  assert.ok(title(decode(png)) > 20_000, 'the title band is inked');
  assert.ok(!png.equals(card('本番運用で学んだこと')), 'another title, another card');
  for (const standIn of ['Untitled', 'Talk']) assert.ok(!png.equals(card(standIn)), `not "${standIn}"`);
});

test('Arabic letters join: a word is shaped and drawn unlike the same letters kept apart', () => {
  const word = 'سلام';
  const apart = [...word].join('\u200c'); // zero-width non-joiners: same letters, same places, no joining
  const shaped = para(word);
  assert.deepEqual(fontsOf(shaped), ['noto-sans-arabic-arabic']);
  assert.equal(para('مرحبا بالعالم').runs.length, 1, 'the space between Arabic words comes from the Arabic font too');
  const glyphOf = (p: Paragraph, cluster: number) => p.runs.flatMap((r) => r.glyphs.filter((_, i) => r.clusters[i] === cluster));
  const loose = para(apart);
  // Initial seen vs isolated seen, medial lam vs isolated lam.
  assert.notDeepEqual(glyphOf(shaped, 0), glyphOf(loose, 0));
  assert.notDeepEqual(glyphOf(shaped, 1), glyphOf(loose, 2));
  assert.ok(!card(word).equals(card(apart)), 'the joined word looks different');
  // Right to left: the first letter is the rightmost.
  assert.deepEqual(visualClusters(shaped), [3, 2, 1, 0]);
});

test('an Arabic title runs right to left and is set flush right; Latin inside it keeps its order', () => {
  const p = para('مرحبا MLOps عالم');
  assert.equal(p.level, 1, 'a right-to-left paragraph');
  const order = visualClusters(p);
  const latin = order.filter((c) => c >= 6 && c <= 10);
  assert.deepEqual(latin, [6, 7, 8, 9, 10], 'MLOps reads left to right');
  const at = (c: number) => order.indexOf(c);
  assert.ok(at(12) < at(6) && at(10) < at(0), 'عالم on the left, then MLOps, then مرحبا on the right');
  const d = decode(card('مرحبا بالعالم'));
  assert.equal(title(d, 80, 600), 0, 'nothing on the left half');
  assert.ok(title(d, 600, 1120) > 5000, 'the title is on the right');
});

test('Arabic inside a Latin title is reversed in place, between the Latin words around it', () => {
  const text = 'MLOps في الإنتاج: feature';
  const p = para(text);
  assert.equal(p.level, 0);
  const order = visualClusters(p);
  const arabic = order.filter((c) => c >= 6 && c <= 15);
  assert.deepEqual(arabic, [...arabic].sort((a, b) => b - a), 'Arabic clusters run right to left');
  assert.equal(arabic.at(-1), 6, 'في, the first Arabic word, is nearest the colon');
  const first = order.indexOf(arabic[0]!);
  assert.deepEqual(order.slice(0, first), [0, 1, 2, 3, 4, 5], '"MLOps " comes first');
  assert.deepEqual(order.slice(first + arabic.length), [16, 17, 18, 19, 20, 21, 22, 23, 24], '": feature" comes last');
});

test('Devanagari: a vowel sign written before its consonant is moved there, and conjuncts form', () => {
  const [ka] = glyphs('क');
  const ki = glyphs('कि');
  assert.equal(ki.length, 2);
  assert.notEqual(ki[0], ka, 'the i sign comes first');
  assert.equal(ki[1], ka, 'then the consonant');
  // क्ष (ka, virama, ssa) is one conjunct glyph; a non-joiner after the virama keeps three.
  assert.equal(glyphs('क्ष').length, 1);
  assert.ok(glyphs('क्\u200cष').length >= 3);
  assert.ok(!card('क्षत्रिय').equals(card('क्\u200cषत्\u200cरिय')), 'the conjuncts are drawn');
  assert.deepEqual(fontsOf(para('क्षत्रिय श्रीवास्तव')), ['noto-sans-devanagari-devanagari']);
});

test('emoji are drawn from Noto Emoji, sequences joined, and asked-for emoji style honoured', () => {
  assert.deepEqual(fontsOf(para('🚀🤖')), ['noto-emoji']);
  assert.equal(glyphs('👨\u200d👩\u200d👧').length, 1, 'a family is one glyph');
  assert.ok(!card('👨\u200d👩\u200d👧').equals(card('👨 👩 👧')), 'the card keeps the joiners');
  assert.equal(glyphs('🇯🇵').length, 1, 'a flag is one glyph');
  assert.deepEqual(fontsOf(para('©')), ['Inter-Bold.ttf']);
  assert.deepEqual(fontsOf(para('©\ufe0f')), ['noto-emoji'], 'U+FE0F asks for the emoji');
  const d = decode(card('🚀🤖'));
  assert.ok(title(d) > 3000, 'the emoji are inked');
  assert.ok(!card('🚀🤖').equals(card('🤖🚀')));
  assert.ok(!card('Ship it 🚀').equals(card('Ship it')), 'an emoji after words is kept');
});

test('Chinese, Korean, Hebrew and Thai are drawn too; Chinese characters take the forms of the text around them', () => {
  assert.deepEqual(fontsOf(para('张伟 数据')), ['noto-sans-sc']);
  assert.deepEqual(fontsOf(para('김민준')), ['noto-sans-kr']);
  const hebrew = para('שלום');
  assert.deepEqual([fontsOf(hebrew), hebrew.level], [['noto-sans-hebrew-hebrew'], 1]);
  assert.deepEqual(fontsOf(para('สวัสดี')), ['noto-sans-thai-thai']);
  // 骨 differs between Japan and China: beside kana it is the Japanese form, beside Hangul the Korean, else the Chinese.
  const faceOf = (text: string) => fontsOf(para(text)).filter((f) => /jp|kr|sc/.test(f));
  assert.deepEqual(faceOf('骨'), ['noto-sans-sc']);
  assert.deepEqual(faceOf('骨です'), ['noto-sans-jp']);
  assert.deepEqual(faceOf('骨 뼈'), ['noto-sans-kr']);
});

test('Latin and Japanese wrap together: between Japanese characters, never before 。or 、, within the width', () => {
  const p = para('Feature stores と機械学習の本番運用で学んだ教訓、そして失敗から得たもの in production');
  const { lines, truncated } = p.wrap(420, 56, 8);
  assert.equal(truncated, false);
  assert.ok(lines.length >= 4);
  for (const line of lines) {
    assert.ok(p.lineWidth(line, 56) <= 420, `line ${JSON.stringify(p.text.slice(line.start, line.end))} fits`);
    assert.ok(!/^[、。]/.test(p.text.slice(line.start)), 'no line starts with 、 or 。');
  }
  // Room for four ideographs: the break goes before the third, so that 、 does not start a line.
  const kinsoku = para('機械学習、本番');
  const em = kinsoku.width(0, 1, 56);
  assert.deepEqual(kinsoku.wrap(em * 4 + 1, 56, 3).lines.map((l) => kinsoku.text.slice(l.start, l.end)), ['機械学', '習、本番']);
  // Every character shows up on exactly one line, in order (only the spaces at breaks are dropped).
  const joined = lines.map((l) => p.text.slice(l.start, l.end)).join('');
  assert.equal(joined.replace(/ /g, ''), p.text.replace(/ /g, ''));
});

test('line breaks: Thai between words, Korean at spaces, a middle dot stays with the word before it', () => {
  const thai = para('หนี้ทางเทคนิคในระบบการเรียนรู้ของเครื่องและการปรับใช้โมเดล');
  const wordStarts = new Set(Array.from(new Intl.Segmenter('th', { granularity: 'word' }).segment(thai.text), (w) => w.index));
  const thaiLines = thai.wrap(260, 40, 8).lines;
  assert.ok(thaiLines.length >= 3);
  for (const l of thaiLines.slice(1)) assert.ok(wordStarts.has(l.start), `line starts at a word: ${thai.text.slice(l.start, l.end)}`);
  const korean = para('머신러닝 시스템의 기술 부채와 운영');
  const koreanLines = korean.wrap(220, 40, 8).lines;
  assert.ok(koreanLines.length >= 2);
  for (const l of koreanLines.slice(1)) assert.equal(korean.text[l.start - 1], ' ', 'Korean breaks at spaces');
  const dotted = para('Machine learning · 2024');
  const width = dotted.width(0, 'Machine learning'.length, 40) + 2; // room for the words, not the dot
  const dottedLines = dotted.wrap(width, 40, 3).lines.map((l) => dotted.text.slice(l.start, l.end));
  assert.ok(dottedLines.length > 1 && dottedLines.every((l) => !l.startsWith('·')), dottedLines.join(' / '));
});

test('Latin and Arabic wrap together: each line keeps its own bidi order', () => {
  const p = para('Deploying models في بيئة الإنتاج with feature stores و المراقبة المستمرة at scale');
  const { lines } = p.wrap(500, 56, 8);
  assert.ok(lines.length >= 3);
  for (const line of lines) {
    assert.ok(p.lineWidth(line, 56) <= 500);
    const order = visualClusters(p, line);
    const isArabic = (c: number) => /[\u0600-\u06ff]/.test(p.text[c]!);
    // Within a line, Latin runs go left to right and each Arabic stretch right to left.
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1]!, order[i]!];
      if (isArabic(a) && isArabic(b) && Math.abs(a - b) < 8) assert.ok(a > b, `Arabic ${a} before ${b} on the line`);
      if (!isArabic(a) && !isArabic(b) && p.text[a] !== ' ' && p.text[b] !== ' ' && Math.abs(a - b) < 3) assert.ok(a < b, `Latin ${a} before ${b}`);
    }
  }
});

test('title lines move apart where the ink of one would touch the next', () => {
  const line = (start: number): Line => ({ start, end: start + 1, ellipsis: false });
  const lines = [line(0), line(1), line(2)];
  // Ink per line, in em: Latin capitals and descenders, then Arabic dots below over Japanese.
  const stub = (ink: Array<[number, number]>) => ({ inkHeights: (l: Line, size: number) => ({ above: ink[l.start]![0] * size, below: ink[l.start]![1] * size }) });
  assert.deepEqual(stackLines(stub([[0.73, 0.2], [0.73, 0.2], [0.73, 0.2]]), lines, 100, 116), { offsets: [0, 116, 232], below: 26 });
  assert.deepEqual(stackLines(stub([[0.73, 0.5], [0.9, 0.2], [0.73, 0.2]]), lines, 100, 116), { offsets: [0, 144, 260], below: 26 });
  assert.deepEqual(stackLines(stub([[0.73, 0.2], [0.73, 0.2], [0.73, 0.45]]), lines, 100, 116), { offsets: [0, 116, 232], below: 45 });
  // The ink measured is the real one: Arabic dots reach further down than Latin descenders.
  const below = (t: string) => para(t).inkHeights(oneLine(para(t)), 100).below;
  assert.ok(below('في') > below('Typography') + 5, `${below('في')} vs ${below('Typography')}`);
});

test('a multi-script title has nothing to warn about', () => {
  // ≰ is in no font, but ≤ and the combining long solidus are in Inter, and HarfBuzz draws it from them.
  for (const t of ['機械学習', 'سلام', 'क्षत्रिय', '🚀 👨‍👩‍👧', 'MLOps في الإنتاج', 'Kenji 田中 · سارة Smith', 'Ünïcödé — “quotes”', 'x ≰ y', '张伟', '김민준', 'שלום', 'สวัสดี', 'বাংলা', 'தமிழ்']) {
    assert.deepEqual(cardGaps({ ...base, title: t, subtitle: t, detail: t }), [], t);
  }
});

test('the warning names the entry, the field and each character it cannot draw (exact text)', () => {
  const input: CardInput = { ...base, title: 'Tenzin བསྟན་འཛིན Norbu', subtitle: 'ꦗꦮ and more' };
  assert.equal(
    formatCardGaps('content/people/tenzin-norbu.mdx', input, cardGaps(input)),
    [
      "content/people/tenzin-norbu.mdx: the card's title has characters no card font draws: U+0F56 བ, U+0F66 ས, U+0F9F ◌ྟ, U+0F53 ན, U+0F0B ་, U+0F60 འ, U+0F5B ཛ, U+0F72 ◌ི; the card shows the rest",
      '  fix: add a font that covers them to src/lib/cards/fonts.ts',
      "content/people/tenzin-norbu.mdx: the card's subtitle has characters no card font draws: U+A997 ꦗ, U+A9AE ꦮ; the card shows the rest",
      '  fix: add a font that covers them to src/lib/cards/fonts.ts',
    ].join('\n'),
  );
  const none: CardInput = { ...base, kind: 'Person', title: 'བསྟན་འཛིན' };
  assert.equal(
    formatCardGaps('content/people/tenzin.mdx', none, cardGaps(none)),
    "content/people/tenzin.mdx: the card's title has characters no card font draws: U+0F56 བ, U+0F66 ས, U+0F9F ◌ྟ, U+0F53 ན, U+0F0B ་, U+0F60 འ, U+0F5B ཛ, U+0F72 ◌ི; the card shows \"Person\" in place of the title\n  fix: add a font that covers them to src/lib/cards/fonts.ts",
  );
  // A hostile title lists ten, then counts the rest; nothing invisible or controlling is printed.
  const many: CardInput = { ...base, title: String.fromCodePoint(...Array.from({ length: 25 }, (_, i) => 0xa000 + i)) + '\u202e\u0000x' };
  const text = formatCardGaps('content/talks/x.mdx', many, cardGaps(many));
  assert.match(text, /U\+A009 ꀉ and 15 more; the card shows the rest\n/);
  assert.ok(!/[\u0000-\u0008\u000b-\u001f\u202a-\u202e\u2066-\u2069]/.test(text), 'no control characters in the log');
});

test('a card shows what it can: the rest of the title, or its kind where nothing can be drawn', () => {
  assert.ok(card('Tenzin བསྟན་འཛིན Norbu').equals(card('Tenzin Norbu')), 'the undrawable word is left out, spaces tidied');
  assert.ok(card('བསྟན་འཛིན', { kind: 'Person' }).equals(card('Person', { kind: 'Person' })), 'the kind stands in');
  assert.ok(!card('བསྟན་འཛིན', { kind: 'Person' }).equals(card('Untitled', { kind: 'Person' })));
});

test('every script renders to the same bytes twice, and in a fresh process', () => {
  const titles = ['機械学習システムの技術的負債', 'الديون التقنية الخفية في أنظمة التعلم الآلي', 'मशीन लर्निंग प्रणालियों में छिपा तकनीकी ऋण', '🚀 Shipping models 🤖 👨‍👩‍👧', 'MLOps في الإنتاج: feature stores و 機械学習 at scale'];
  const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const first = titles.map((t) => hash(card(t, { subtitle: t })));
  card('Something else in between, to dirty any shared state', { subtitle: 'سلام 🚀' });
  assert.deepEqual(titles.map((t) => hash(card(t, { subtitle: t }))), first);
  // A new process: empty memos and caches, fonts opened in another order.
  const script = `
    import { createHash } from 'node:crypto';
    import { renderCard } from ${JSON.stringify(path.join(root, 'src/lib/cards/render.ts'))};
    const base = ${JSON.stringify(base)};
    const titles = ${JSON.stringify([...titles].reverse())};
    console.log(JSON.stringify(titles.map((t) => createHash('sha256').update(renderCard({ ...base, title: t, subtitle: t })).digest('hex')).reverse()));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  assert.deepEqual(JSON.parse(child.stdout), first);
});

test('the worker pool warns about a card on every build, drawn or from the cache', async (t) => {
  const cacheDir = mkdtempSync(path.join(tmpdir(), 'kb-cards-'));
  t.after(() => rmSync(cacheDir, { recursive: true, force: true }));
  const jobs = [
    { path: '/cards/people/tenzin.png', input: { ...base, kind: 'Person', title: 'Tenzin བསྟན Norbu' }, source: 'content/people/tenzin.mdx' },
    { path: '/cards/talks/jp.png', input: { ...base, title: '機械学習 🚀' }, source: 'content/talks/jp.mdx' },
  ];
  const expected = "content/people/tenzin.mdx: the card's title has characters no card font draws: U+0F56 བ, U+0F66 ས, U+0F9F ◌ྟ, U+0F53 ན; the card shows the rest\n  fix: add a font that covers them to src/lib/cards/fonts.ts";
  for (const hit of [false, true]) {
    const results = await renderCards(jobs, { cacheDir, projectRoot: root, threads: 1 });
    assert.deepEqual(results.map((r) => [r.path, r.hit, r.warning]), [
      ['/cards/people/tenzin.png', hit, expected],
      ['/cards/talks/jp.png', hit, undefined],
    ]);
  }
});

test('the card cache key covers every font package and the shaping libraries', () => {
  const files = fontFingerprintFiles(fontDir).map((f) => path.relative(root, f).split(path.sep).join('/'));
  const packages = ['arabic', 'hebrew', 'devanagari', 'bengali', 'tamil', 'thai', 'jp', 'kr', 'sc'].map((s) => `noto-sans-${s}`).concat('noto-emoji');
  for (const expected of ['assets/fonts/Inter-Regular.ttf', 'assets/fonts/Inter-Bold.ttf', ...packages.map((p) => `node_modules/@fontsource-variable/${p}/package.json`), 'node_modules/harfbuzzjs/package.json', 'node_modules/bidi-js/package.json', 'node_modules/wawoff2/package.json']) {
    assert.ok(files.includes(expected), `${expected} in ${files.join(', ')}`);
  }
  // Each font package carries its licence (the SIL Open Font License), as assets/fonts/OFL.txt does for Inter.
  for (const f of files.filter((f) => f.includes('@fontsource'))) assert.match(readFileSync(path.join(root, path.dirname(f), 'LICENSE'), 'utf8'), /SIL Open Font License/);
});
