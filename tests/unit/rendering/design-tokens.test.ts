/**
 * The design tokens are the one source of the site's colours: the stylesheet
 * gets every one of them, the badge of every entry type has its colour, the
 * site icon is drawn in the brand colour, and every text colour is readable
 * on the backgrounds of its theme.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ENTRY_TYPES } from '../../../src/lib/content-model/entry-types.ts';
import { BRAND, PALETTE, TYPE_COLOURS, tokensCss } from '../../../src/lib/rendering/design-tokens.ts';

const root = path.resolve(import.meta.dirname, '../../..');

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

test('every text colour reads at 4.5:1 or more on both backgrounds of its theme', () => {
  const low: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    const p = PALETTE[theme];
    const texts = { text: p.text, muted: p.muted, link: p.link, 'link-visited': p['link-visited'], ...Object.fromEntries(ENTRY_TYPES.map((t) => [t, TYPE_COLOURS[t][theme]])) };
    for (const [name, colour] of Object.entries(texts)) {
      for (const bg of ['bg', 'surface'] as const) {
        const ratio = contrast(colour, p[bg]);
        if (ratio < 4.5) low.push(`${theme} ${name} on ${bg}: ${ratio.toFixed(2)}`);
      }
    }
  }
  assert.deepEqual(low, []);
});

test('the stylesheet gets every token and a badge colour per type', () => {
  const css = tokensCss();
  for (const [name, value] of Object.entries(PALETTE.light)) assert.match(css, new RegExp(`--${name}: ${value};`));
  for (const t of ENTRY_TYPES) {
    assert.match(css, new RegExp(`--${t}: ${TYPE_COLOURS[t].light};`));
    assert.match(css, new RegExp(`--${t}: ${TYPE_COLOURS[t].dark};`));
    assert.match(css, new RegExp(`\\.badge\\.${t} \\{ color: var\\(--${t}\\); \\}`));
  }
  const siteCss = readFileSync(path.join(root, 'src/styles/site.css'), 'utf8');
  assert.doesNotMatch(siteCss, /#[0-9a-f]{3,6}\b/i, 'site.css names a colour; colours belong in design-tokens.ts');
});

test('the site icon is drawn in the brand colour', () => {
  const svg = readFileSync(path.join(root, 'public/favicon.svg'), 'utf8');
  assert.match(svg, new RegExp(`<rect[^>]*fill="${BRAND}"`));
});
