/**
 * Social-card (Open Graph) images: 1200x630 PNGs with a type badge, a large title, an optional
 * subtitle and detail line, and the site name.
 *
 * The renderer is our own rather than a browser or an SVG library: glyphs are rasterised once
 * per (glyph, size, sub-pixel offset) into coverage masks and blitted into an 8-bit palette
 * canvas, which is deflated into a PNG. That keeps a card under two milliseconds and its bytes
 * the same on every machine. HarfBuzz does what is hard to get right by hand: it reads the fonts
 * and shapes the text (text.ts), so titles in any script the fonts cover (fonts.ts) come out
 * joined, reordered and kerned as a browser would draw them. Shaping costs about 0.13 ms of CPU
 * a card (three fields of 30 to 100 characters); reusing the pixel buffer (0.07 ms) and
 * measuring candidate lines from summed advances rather than shaping each win it back: the
 * site's 89 cards take 1.67 ms of CPU each, against 1.69 ms with the Latin-only renderer this
 * replaced (own TrueType reader and kerning), best of 25 rounds in one process
 * (npm run bench:cards). Japanese, Arabic, Devanagari and emoji titles take 1.5 to 2 ms.
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { BRAND, PALETTE } from '../rendering/design-tokens.ts';
import { IndexedCanvas } from './canvas.ts';
import { FontStack, INTER_FILES } from './fonts.ts';
import { encodeIndexedPng } from './png.ts';
import { rasterizeRoundedRect, type Mask } from './raster.ts';
import { paragraph, cleanText, type Paragraph, type Line, type Wrapped } from './text.ts';

export interface CardInput {
  /** Badge text, e.g. "Talk", "Myth", "Pattern", "Moment". */
  kind: string;
  /** Main text; wrapped to at most 4 lines, with an ellipsis when longer. */
  title: string;
  /** e.g. people "D. Sculley · Demetrios Brinkmann" or "MLOps Coffee Sessions #32". */
  subtitle?: string;
  /** A small line, e.g. "35 chapters · 52:10". */
  detail?: string;
  /** Footer, e.g. "MLOps Community Knowledge Base". */
  site: string;
  /** Hex colour (#rgb or #rrggbb) of the badge and accent bar; defaults to the site's link blue. */
  accent?: string;
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const hex = (colour: string) => parseInt(colour.slice(1), 16);

// The site's light palette (src/lib/rendering/design-tokens.ts), so a card looks like the page it stands for.
const BG = hex(PALETTE.light.bg);
const INK = hex(PALETTE.light.text); // 16.8:1 on BG
const MUTED = hex(PALETTE.light.muted); // 7.0:1
const RULE = hex(PALETTE.light.border);
const DEFAULT_ACCENT = hex(BRAND);
// The subtitle sits between the title and the details; only cards have that third level.
const SUBTLE_INK = 0x3b3f45; // 10.4:1

// Geometry.
const MARGIN_X = 80;
const BAR_HEIGHT = 12;
const BADGE_TOP = 64;
const BADGE_HEIGHT = 48;
const BADGE_PAD_X = 20;
const BADGE_SIZE = 24;
const BADGE_TRACKING = 1.6;
const TITLE_TOP = 156; // top of the first line's capitals
const RULE_Y = 532;
const FOOTER_BASELINE = 584;
const FOOTER_SIZE = 26;
const SUBTITLE_SIZE = 34;
const DETAIL_SIZE = 28;
const CONTENT_WIDTH = CARD_WIDTH - 2 * MARGIN_X;
const CONTENT_BOTTOM = RULE_Y - 36; // lowest descender allowed above the rule

/** Title sizes tried in turn: fewer, larger lines first. */
const TITLE_STEPS = [
  { size: 72, maxLines: 2 },
  { size: 64, maxLines: 3 },
  { size: 56, maxLines: 4 },
] as const;

export interface Fonts {
  regular: FontStack;
  bold: FontStack;
}

const FONT_DIR_FROM_MODULE = '../../../assets/fonts/';
let fonts: Fonts | null = null;
let fontDirOverride: string | null = null;

/** Directory holding the font files: next to the project root (assets/fonts). */
export function cardFontDir(): string {
  if (fontDirOverride) return fontDirOverride;
  const candidates: string[] = [];
  try {
    // A variable, not a literal, so bundlers leave this URL alone.
    candidates.push(fileURLToPath(new URL(FONT_DIR_FROM_MODULE, import.meta.url)));
  } catch {
    // import.meta.url is not a file: URL (bundled); fall through to the working directory.
  }
  candidates.push(path.resolve(process.cwd(), 'assets/fonts'));
  for (const dir of candidates) {
    if (existsSync(path.join(dir, INTER_FILES[0]))) return dir;
  }
  throw new Error(`cards: cannot find ${INTER_FILES[0]} in ${candidates.join(' or ')}`);
}

/** Use fonts from another directory (e.g. when bundled code cannot find assets/fonts). */
export function setCardFontDir(dir: string | null): void {
  fontDirOverride = dir;
  fonts = null;
}

/** The font stacks of the card's two styles, loaded once per process. */
export function cardFonts(): Fonts {
  if (!fonts) {
    const dir = cardFontDir();
    fonts = { regular: new FontStack('regular', dir), bold: new FontStack('bold', dir) };
  }
  return fonts;
}

export function parseHexColor(hex: string | undefined, fallback: number): number {
  if (!hex) return fallback;
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return fallback;
  let h = m[1]!;
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  return parseInt(h, 16);
}

function luminance(rgb: number): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin((rgb >> 16) & 255) + 0.7152 * lin((rgb >> 8) & 255) + 0.0722 * lin(rgb & 255);
}

export function contrastRatio(a: number, b: number): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Least room between the ink of two title lines, in em: marks above and below must not touch. */
const LINE_GAP = 0.04;

export interface Stacked {
  /** Baseline of each line below the first one's. */
  offsets: number[];
  /** Room below the last baseline: the usual descent, or more where the ink reaches further. */
  below: number;
}

/**
 * Lines `lineHeight` apart, or further where the ink of one would touch the next: Arabic dots
 * below a line and Devanagari or Japanese glyphs above the next reach beyond Latin's.
 */
export function stackLines(para: Pick<Paragraph, 'inkHeights'>, lines: readonly Line[], size: number, lineHeight: number): Stacked {
  const offsets: number[] = [];
  let below = 0;
  lines.forEach((line, i) => {
    const ink = para.inkHeights(line, size);
    offsets.push(i === 0 ? 0 : offsets[i - 1]! + Math.max(lineHeight, Math.ceil(below + ink.above + LINE_GAP * size)));
    below = ink.below;
  });
  if (!offsets.length) offsets.push(0);
  return { offsets, below: Math.max(Math.round(size * 0.26), Math.ceil(below)) };
}

/** The card's text fields and the style each is drawn in. */
export const CARD_FIELDS = { kind: 'bold', title: 'bold', subtitle: 'regular', detail: 'regular', site: 'bold' } as const;
export type CardField = keyof typeof CARD_FIELDS;

/** The text a field is drawn from: cleaned, and the kind in capitals (it is a badge). */
export function fieldText(input: CardInput, field: CardField): string {
  const text = cleanText(input[field]);
  return field === 'kind' ? text.toUpperCase() : text;
}

/** What a card shows in place of a title none of whose characters a font draws: its kind, e.g. "Talk". */
export function titleStandIn(input: CardInput): string {
  return cleanText(input.kind);
}

/** The badge's rounded rectangle for each width: a build has a few kinds, each on many cards. */
const badges = new Map<number, Mask>();
function badgeShape(width: number): Mask {
  let m = badges.get(width);
  if (!m) badges.set(width, (m = rasterizeRoundedRect(width, BADGE_HEIGHT, 8)));
  return m;
}

let pixels: Uint8Array | undefined;

/** Render one card as a PNG. */
export function renderCard(input: CardInput): Buffer {
  const { regular, bold } = cardFonts();
  const accent = parseHexColor(input.accent, DEFAULT_ACCENT);
  // Badge text in white or ink, whichever reads better on the accent.
  const badgeInk = contrastRatio(0xffffff, accent) >= contrastRatio(INK, accent) ? 0xffffff : INK;
  const capHeight = (size: number) => (bold.primary.font.capHeight / bold.primary.font.unitsPerEm) * size;

  // The PNG encoder copies the pixels out, so one buffer serves every card of a thread.
  const canvas = new IndexedCanvas(CARD_WIDTH, CARD_HEIGHT, BG, (pixels ??= new Uint8Array((CARD_WIDTH + 1) * CARD_HEIGHT)));
  const accentRamp = canvas.ramp(accent, BG);

  // Accent bar along the top.
  canvas.fillRect(0, 0, CARD_WIDTH, BAR_HEIGHT, accent);

  /** One line of `para` set flush left, or flush right when the text is right-to-left. */
  const drawLine = (para: Paragraph, line: Line, left: number, width: number, baseline: number, size: number, ramp: ReturnType<IndexedCanvas['ramp']>, tracking = 0) => {
    const x = para.level & 1 ? left + width - para.lineWidth(line, size, tracking) : left;
    para.drawLine(canvas, line, x, baseline, size, ramp, tracking);
  };
  const oneLine = (para: Paragraph, size: number, width: number, tracking = 0): Line | null => para.wrap(width, size, 1, false, tracking).lines[0] ?? null;

  // Type badge.
  const kind = paragraph(bold, fieldText(input, 'kind'));
  const badgeText = CONTENT_WIDTH - 2 * BADGE_PAD_X;
  const label = oneLine(kind, BADGE_SIZE, badgeText, BADGE_TRACKING);
  if (label) {
    const w = Math.round(kind.lineWidth(label, BADGE_SIZE, BADGE_TRACKING)) + 2 * BADGE_PAD_X;
    canvas.drawMask(badgeShape(w), MARGIN_X, BADGE_TOP, accentRamp);
    const baseline = Math.round(BADGE_TOP + (BADGE_HEIGHT + capHeight(BADGE_SIZE)) / 2);
    drawLine(kind, label, MARGIN_X + BADGE_PAD_X, w - 2 * BADGE_PAD_X, baseline, BADGE_SIZE, canvas.ramp(badgeInk, accent), BADGE_TRACKING);
  }

  // Lines under the title: subtitle and detail, one line each.
  const subtitle = paragraph(regular, fieldText(input, 'subtitle'));
  const detail = paragraph(regular, fieldText(input, 'detail'));
  const subtitleLine = oneLine(subtitle, SUBTITLE_SIZE, CONTENT_WIDTH);
  const detailLine = oneLine(detail, DETAIL_SIZE, CONTENT_WIDTH);
  // Height the lines below the title need: gap + line box for each.
  const belowHeight = (subtitleLine ? 30 + SUBTITLE_SIZE * 1.25 : 0) + (detailLine ? (subtitleLine ? 10 : 30) + DETAIL_SIZE * 1.25 : 0);

  // Title: the largest size that fits without truncation, else the smallest with an ellipsis.
  let title = paragraph(bold, fieldText(input, 'title'));
  if (!title.text) title = paragraph(bold, titleStandIn(input));
  let chosen: { size: number; lines: Line[]; offsets: number[]; below: number } | null = null;
  for (let i = 0; i < TITLE_STEPS.length; i++) {
    const { size, maxLines } = TITLE_STEPS[i]!;
    const lineHeight = Math.round(size * 1.16);
    // Room for the lines below the first baseline and the last line's descent.
    const room = CONTENT_BOTTOM - belowHeight - TITLE_TOP - capHeight(size);
    let linesAllowed = Math.max(1, Math.min(maxLines, 1 + Math.floor((room - size * 0.26) / lineHeight)));
    let wrapped: Wrapped;
    let stacked: Stacked;
    for (;;) {
      wrapped = title.wrap(CONTENT_WIDTH, size, linesAllowed, true);
      stacked = stackLines(title, wrapped.lines, size, lineHeight);
      if (stacked.offsets.at(-1)! + stacked.below <= room || linesAllowed === 1) break;
      linesAllowed--;
    }
    if (!wrapped.truncated || i === TITLE_STEPS.length - 1) {
      chosen = { size, lines: wrapped.lines, ...stacked };
      break;
    }
  }
  const { size: titleSize, lines, offsets, below } = chosen!;
  const titleBaseline = Math.round(TITLE_TOP + capHeight(titleSize));
  const inkRamp = canvas.ramp(INK, BG);
  lines.forEach((line, i) => drawLine(title, line, MARGIN_X, CONTENT_WIDTH, titleBaseline + offsets[i]!, titleSize, inkRamp));
  let baseline = titleBaseline + offsets.at(-1)! + below;

  if (subtitleLine) {
    baseline += Math.round(30 + SUBTITLE_SIZE * 0.95);
    drawLine(subtitle, subtitleLine, MARGIN_X, CONTENT_WIDTH, baseline, SUBTITLE_SIZE, canvas.ramp(SUBTLE_INK, BG));
    baseline += Math.max(Math.round(SUBTITLE_SIZE * 0.3), Math.ceil(subtitle.inkHeights(subtitleLine, SUBTITLE_SIZE).below));
  }
  if (detailLine) {
    baseline += Math.round((subtitleLine ? 10 : 30) + DETAIL_SIZE * 0.95);
    drawLine(detail, detailLine, MARGIN_X, CONTENT_WIDTH, baseline, DETAIL_SIZE, canvas.ramp(MUTED, BG));
  }

  // Footer: a hairline rule and the site name, with a small accent mark.
  canvas.fillRect(MARGIN_X, RULE_Y, CONTENT_WIDTH, 2, RULE);
  const site = paragraph(bold, fieldText(input, 'site'));
  const mark = 14;
  const x = MARGIN_X + mark + 14;
  const siteLine = oneLine(site, FOOTER_SIZE, CONTENT_WIDTH - (x - MARGIN_X));
  if (siteLine) {
    canvas.fillRect(MARGIN_X, Math.round(FOOTER_BASELINE - capHeight(FOOTER_SIZE) / 2 - mark / 2), mark, mark, accent);
    drawLine(site, siteLine, x, CONTENT_WIDTH - (x - MARGIN_X), FOOTER_BASELINE, FOOTER_SIZE, inkRamp);
  }

  return encodeIndexedPng(CARD_WIDTH, CARD_HEIGHT, canvas.rows, canvas.palette);
}
