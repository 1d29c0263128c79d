/**
 * Social-card (Open Graph) images: 1200x630 PNGs with a type badge, a large title, an optional
 * subtitle and detail line, and the site name, drawn with the Inter font shipped in assets/fonts.
 *
 * No SVG or browser in the loop: glyphs are rasterised once per (glyph, size, sub-pixel offset)
 * into coverage masks and blitted into an 8-bit palette canvas, which is deflated into a PNG.
 * A card takes a few milliseconds; the output is byte-for-byte deterministic.
 */

import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { IndexedCanvas } from './canvas.ts';
import { TrueTypeFont } from './font.ts';
import { encodeIndexedPng } from './png.ts';
import { rasterizeRoundedRect } from './raster.ts';
import { Face, cleanText, drawRun, fitLine, measure, shape, wrap } from './text.ts';

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

/** The font files the renderer reads, for cache keys. */
export const CARD_FONT_FILES = ['Inter-Regular.ttf', 'Inter-Bold.ttf'] as const;

// Palette (light), matching src/styles/site.css.
const BG = 0xfbfbfa;
const INK = 0x1b1c1e; // 16.4:1 on BG
const SUBTLE_INK = 0x3b3f45; // 10.2:1
const MUTED = 0x53585f; // 6.8:1
const RULE = 0xdcdee1;
const DEFAULT_ACCENT = 0x0a56c2;

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

interface Fonts {
  regular: Face;
  bold: Face;
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
    if (existsSync(path.join(dir, CARD_FONT_FILES[0]))) return dir;
  }
  throw new Error(`cards: cannot find ${CARD_FONT_FILES[0]} in ${candidates.join(' or ')}`);
}

/** Use fonts from another directory (e.g. when bundled code cannot find assets/fonts). */
export function setCardFontDir(dir: string | null): void {
  fontDirOverride = dir;
  fonts = null;
}

function loadFonts(): Fonts {
  if (!fonts) {
    const dir = cardFontDir();
    const load = (file: string) => new TrueTypeFont(new Uint8Array(readFileSync(path.join(dir, file))));
    // A gentle tone curve thickens anti-aliased edges a little, closer to how browsers show text.
    fonts = { regular: new Face(load('Inter-Regular.ttf'), 0.85), bold: new Face(load('Inter-Bold.ttf'), 0.9) };
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

/** Render one card as a PNG. */
export function renderCard(input: CardInput): Buffer {
  const { regular, bold } = loadFonts();
  const accent = parseHexColor(input.accent, DEFAULT_ACCENT);
  // Badge text in white or ink, whichever reads better on the accent.
  const badgeInk = contrastRatio(0xffffff, accent) >= contrastRatio(INK, accent) ? 0xffffff : INK;

  const clean = (s: string | undefined) => regular.dropUnsupported(cleanText(s));

  const canvas = new IndexedCanvas(CARD_WIDTH, CARD_HEIGHT, BG);
  const accentRamp = canvas.ramp(accent, BG);

  // Accent bar along the top.
  canvas.fillRect(0, 0, CARD_WIDTH, BAR_HEIGHT, accent);

  // Type badge.
  const kind = clean(input.kind).toUpperCase();
  if (kind) {
    const label = fitLine(kind, (s) => measure(bold, s, BADGE_SIZE, BADGE_TRACKING) <= CONTENT_WIDTH - 2 * BADGE_PAD_X);
    const run = shape(bold, label, BADGE_SIZE, BADGE_TRACKING);
    const w = Math.round(run.width) + 2 * BADGE_PAD_X;
    canvas.drawMask(rasterizeRoundedRect(w, BADGE_HEIGHT, 8), MARGIN_X, BADGE_TOP, accentRamp);
    const capH = (bold.font.capHeight / bold.font.unitsPerEm) * BADGE_SIZE;
    const baseline = Math.round(BADGE_TOP + (BADGE_HEIGHT + capH) / 2);
    drawRun(canvas, run, MARGIN_X + BADGE_PAD_X, baseline, canvas.ramp(badgeInk, accent));
  }

  // Lines under the title: subtitle and detail, one line each.
  const subtitle = clean(input.subtitle);
  const detail = clean(input.detail);
  const fit = (face: Face, size: number) => (s: string) => measure(face, s, size) <= CONTENT_WIDTH;
  const subtitleText = subtitle ? fitLine(subtitle, fit(regular, SUBTITLE_SIZE)) : '';
  const detailLine = detail ? fitLine(detail, fit(regular, DETAIL_SIZE)) : '';
  // Height the lines below the title need: gap + line box for each.
  const belowHeight = (subtitleText ? 30 + SUBTITLE_SIZE * 1.25 : 0) + (detailLine ? (subtitleText ? 10 : 30) + DETAIL_SIZE * 1.25 : 0);

  // Title: the largest size that fits without truncation, else the smallest with an ellipsis.
  const title = clean(input.title) || 'Untitled';
  let chosen: { size: number; lines: string[]; lineHeight: number } | null = null;
  for (let i = 0; i < TITLE_STEPS.length; i++) {
    const { size, maxLines } = TITLE_STEPS[i]!;
    const lineHeight = Math.round(size * 1.16);
    const capH = (bold.font.capHeight / bold.font.unitsPerEm) * size;
    const descent = size * 0.26;
    const room = CONTENT_BOTTOM - belowHeight - TITLE_TOP - capH - descent;
    const linesAllowed = Math.max(1, Math.min(maxLines, 1 + Math.floor(room / lineHeight)));
    const last = i === TITLE_STEPS.length - 1;
    const wrapped = wrap(title, (s) => measure(bold, s, size), CONTENT_WIDTH, linesAllowed, true);
    if (!wrapped.truncated || last) {
      chosen = { size, lines: wrapped.lines, lineHeight };
      break;
    }
  }
  const { size: titleSize, lines, lineHeight } = chosen!;
  const titleCapH = (bold.font.capHeight / bold.font.unitsPerEm) * titleSize;
  let baseline = Math.round(TITLE_TOP + titleCapH);
  const inkRamp = canvas.ramp(INK, BG);
  lines.forEach((line, i) => {
    if (i > 0) baseline += lineHeight;
    drawRun(canvas, shape(bold, line, titleSize), MARGIN_X, baseline, inkRamp);
  });
  baseline += Math.round(titleSize * 0.26);

  if (subtitleText) {
    baseline += Math.round(30 + SUBTITLE_SIZE * 0.95);
    drawRun(canvas, shape(regular, subtitleText, SUBTITLE_SIZE), MARGIN_X, baseline, canvas.ramp(SUBTLE_INK, BG));
    baseline += Math.round(SUBTITLE_SIZE * 0.3);
  }
  if (detailLine) {
    baseline += Math.round((subtitleText ? 10 : 30) + DETAIL_SIZE * 0.95);
    drawRun(canvas, shape(regular, detailLine, DETAIL_SIZE), MARGIN_X, baseline, canvas.ramp(MUTED, BG));
  }

  // Footer: a hairline rule and the site name, with a small accent mark.
  canvas.fillRect(MARGIN_X, RULE_Y, CONTENT_WIDTH, 2, RULE);
  const site = clean(input.site);
  if (site) {
    const mark = 14;
    const footerCapH = (bold.font.capHeight / bold.font.unitsPerEm) * FOOTER_SIZE;
    canvas.fillRect(MARGIN_X, Math.round(FOOTER_BASELINE - footerCapH / 2 - mark / 2), mark, mark, accent);
    const x = MARGIN_X + mark + 14;
    const siteText = fitLine(site, (s) => measure(bold, s, FOOTER_SIZE) <= CONTENT_WIDTH - (x - MARGIN_X));
    drawRun(canvas, shape(bold, siteText, FOOTER_SIZE), x, FOOTER_BASELINE, inkRamp);
  }

  return encodeIndexedPng(CARD_WIDTH, CARD_HEIGHT, canvas.rows, canvas.palette);
}
