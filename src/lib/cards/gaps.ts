/**
 * What of a card's text no card font draws, and the build warning that says so. The renderer
 * leaves such characters out (it never draws a box or "Untitled"); this names them, so that a
 * card showing less than its entry says is never a silent loss. Both go through the same
 * FontStack.itemize, so the warning and the picture cannot disagree.
 */

import { CARD_FIELDS, cardFonts, fieldText, titleStandIn, type CardField, type CardInput } from './render.ts';

export interface CardGap {
  field: CardField;
  /** Code points no card font draws, in order of first appearance. */
  missing: number[];
  /** The field has text, but none of it can be drawn. */
  nothingDrawn: boolean;
}

/** The fields of `input` with characters no card font draws; empty when the card shows everything. */
export function cardGaps(input: CardInput): CardGap[] {
  const fonts = cardFonts();
  const gaps: CardGap[] = [];
  for (const [field, style] of Object.entries(CARD_FIELDS) as Array<[CardField, keyof typeof fonts]>) {
    const text = fieldText(input, field);
    if (!text) continue;
    const items = fonts[style].itemize(text);
    if (items.missing.length) gaps.push({ field, missing: items.missing, nothingDrawn: !items.text });
  }
  return gaps;
}

/** Code points listed in one warning; a hostile title could hold hundreds. */
const LISTED = 10;

/** `U+0F56 བ`; a mark on a dotted circle; no glyph at all for what a terminal cannot show. */
function describe(cp: number): string {
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const ch = String.fromCodePoint(cp);
  if (/\p{M}/u.test(ch)) return `${code} \u25cc${ch}`;
  if (/[\p{L}\p{N}\p{P}\p{S}]/u.test(ch)) return `${code} ${ch}`;
  return code;
}

/** The build's warning for one card: which entry, which field, which characters, what it shows. */
export function formatCardGaps(source: string, input: CardInput, gaps: readonly CardGap[]): string {
  return gaps
    .map((gap) => {
      const listed = gap.missing.slice(0, LISTED).map(describe).join(', ');
      const more = gap.missing.length > LISTED ? ` and ${gap.missing.length - LISTED} more` : '';
      const shows = gap.field === 'title' && gap.nothingDrawn ? `shows "${titleStandIn(input)}" in place of the title` : gap.nothingDrawn ? `leaves the ${gap.field} out` : 'shows the rest';
      return `${source}: the card's ${gap.field} has characters no card font draws: ${listed}${more}; the card ${shows}\n  fix: add a font that covers them to src/lib/cards/fonts.ts`;
    })
    .join('\n');
}
