/**
 * Text measurement, word wrapping with ellipsis, and drawing from a glyph-mask cache.
 */

import type { IndexedCanvas, Ramp } from './canvas.ts';
import type { TrueTypeFont } from './font.ts';
import { rasterizeGlyph, type Mask } from './raster.ts';

/** Horizontal sub-pixel positions cached per glyph and size. */
const SUBPIXEL = 4;

export class Face {
  readonly font: TrueTypeFont;
  private readonly masks = new Map<number, Mask>();
  private readonly curve: Uint8Array | undefined;

  constructor(font: TrueTypeFont, gamma = 1) {
    this.font = font;
    if (gamma !== 1) {
      this.curve = new Uint8Array(256);
      for (let i = 0; i < 256; i++) this.curve[i] = Math.round(255 * Math.pow(i / 255, gamma));
    }
  }

  mask(glyph: number, sizePx: number, sub: number): Mask {
    const key = (glyph * 512 + sizePx) * SUBPIXEL + sub;
    let m = this.masks.get(key);
    if (!m) {
      m = rasterizeGlyph(this.font, glyph, sizePx, sub / SUBPIXEL, this.curve);
      this.masks.set(key, m);
    }
    return m;
  }

  /** `text` without the characters this font cannot draw at all (e.g. emoji), spaces tidied. */
  dropUnsupported(text: string): string {
    let out = '';
    let dropped = false;
    for (const ch of text) {
      if (this.font.glyphIndex(ch.codePointAt(0)!) || ch === ' ') {
        out += ch;
        continue;
      }
      const base = [...ch.normalize('NFKD')].filter((p) => !/\p{M}/u.test(p) && this.font.glyphIndex(p.codePointAt(0)!));
      if (base.length) out += ch;
      else dropped = true;
    }
    return dropped ? out.replace(/ {2,}/g, ' ').trim() : out;
  }

  /** Glyph indices for a string, falling back to the unaccented letter for code points the font lacks. */
  glyphs(text: string): number[] {
    const out: number[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const g = this.font.glyphIndex(cp);
      if (g) {
        out.push(g);
        continue;
      }
      // e.g. a rare precomposed letter: draw its base letter(s) rather than a tofu box.
      for (const part of ch.normalize('NFKD')) {
        const pg = this.font.glyphIndex(part.codePointAt(0)!);
        if (pg && !/\p{M}/u.test(part)) out.push(pg);
      }
    }
    return out;
  }
}

export interface Run {
  face: Face;
  sizePx: number;
  /** Extra space after each glyph, in px (letter-spacing). */
  tracking: number;
  glyphs: number[];
  /** Pen x of each glyph relative to the run start, in px. */
  xs: number[];
  width: number;
}

export function shape(face: Face, text: string, sizePx: number, tracking = 0): Run {
  const glyphs = face.glyphs(text);
  const scale = sizePx / face.font.unitsPerEm;
  const xs: number[] = [];
  let pen = 0;
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i]!;
    if (i > 0) pen += face.font.kerning(glyphs[i - 1]!, g) * scale;
    xs.push(pen);
    pen += face.font.advance(g) * scale + tracking;
  }
  if (glyphs.length) pen -= tracking;
  return { face, sizePx, tracking, glyphs, xs, width: pen };
}

export function measure(face: Face, text: string, sizePx: number, tracking = 0): number {
  return shape(face, text, sizePx, tracking).width;
}

/** Draw a run with its pen origin at (x, baseline). */
export function drawRun(canvas: IndexedCanvas, run: Run, x: number, baseline: number, ramp: Ramp): void {
  for (let i = 0; i < run.glyphs.length; i++) {
    const gx = x + run.xs[i]!;
    let ix = Math.floor(gx);
    let sub = Math.round((gx - ix) * SUBPIXEL);
    if (sub === SUBPIXEL) {
      ix += 1;
      sub = 0;
    }
    const m = run.face.mask(run.glyphs[i]!, run.sizePx, sub);
    if (m.width) canvas.drawMask(m, ix + m.left, baseline + m.top, ramp);
  }
}

/**
 * Far more characters than any card line can show (a 4-line title holds under 300), so longer
 * input is cut first: it would be ellipsised anyway, and this bounds the work per card.
 */
const MAX_INPUT = 1000;

/** Collapse whitespace, normalise to NFC, drop control characters, cap the length. */
export function cleanText(s: string | undefined): string {
  if (!s) return '';
  return (s.length > MAX_INPUT ? s.slice(0, MAX_INPUT) : s)
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ELLIPSIS = '\u2026';

export interface Wrapped {
  lines: string[];
  truncated: boolean;
}

/** Split a word that is wider than the line into pieces that fit (at most `limit` pieces). */
function splitLongWord(word: string, fits: (s: string) => boolean, limit: number): string[] {
  const pieces: string[] = [];
  let cur = '';
  for (const ch of word) {
    if (cur && !fits(cur + ch)) {
      pieces.push(cur);
      if (pieces.length >= limit) return pieces;
      cur = ch;
    } else {
      cur += ch;
    }
  }
  if (cur) pieces.push(cur);
  return pieces;
}

/** Greedy line filling; stops once it has more than `limit` lines. */
function fill(words: string[], fits: (s: string) => boolean, limit: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of words) {
    if (lines.length > limit) return lines;
    const candidate = cur ? `${cur} ${word}` : word;
    if (fits(candidate)) {
      cur = candidate;
      continue;
    }
    if (cur) lines.push(cur);
    if (fits(word)) {
      cur = word;
    } else {
      const pieces = splitLongWord(word, fits, limit + 1);
      lines.push(...pieces.slice(0, -1));
      cur = pieces[pieces.length - 1] ?? '';
    }
  }
  if (cur) lines.push(cur);
  return lines;
}

/** `text` itself when it fits, else shortened with an ellipsis. */
export function fitLine(text: string, fits: (s: string) => boolean): string {
  return fits(text) ? text : ellipsize(text, fits);
}

/** Strip what should not stand before an ellipsis: spaces, commas, dashes, a middle dot. */
function trimForEllipsis(s: string): string {
  return s.replace(/[\s,;:.\u2013\u2014\-\u00b7|/]+$/u, '');
}

/** Largest n in [0, max] with ok(n), assuming ok is monotonic (true then false) and ok(0). */
function largest(max: number, ok: (n: number) => boolean): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The longest start of `text` that fits with an ellipsis appended, cut after a whole word when
 * at least one word fits, else after as many characters as fit. Binary searches, so very long
 * input costs O(n log n), not O(n^2).
 */
export function ellipsize(text: string, fits: (s: string) => boolean): string {
  const words = text.split(' ');
  const withWords = (n: number) => trimForEllipsis(words.slice(0, n).join(' ')) + ELLIPSIS;
  const n = largest(words.length, (k) => k === 0 || fits(withWords(k)));
  if (n > 0 && trimForEllipsis(words.slice(0, n).join(' '))) return withWords(n);
  const chars = [...text];
  const withChars = (k: number) => chars.slice(0, k).join('').trimEnd() + ELLIPSIS;
  return withChars(largest(chars.length, (k) => k === 0 || fits(withChars(k))));
}

/**
 * Wrap `text` into at most `maxLines` lines of at most `maxWidth` px, ending the last line with
 * an ellipsis when it does not all fit. With `balance`, lines of an untruncated paragraph are
 * evened out (like CSS `text-wrap: balance`) without adding lines.
 */
export function wrap(text: string, measureText: (s: string) => number, maxWidth: number, maxLines: number, balance = false): Wrapped {
  const words = text.split(' ').filter(Boolean);
  if (!words.length) return { lines: [], truncated: false };
  const widths = new Map<string, number>();
  const width = (s: string) => {
    let w = widths.get(s);
    if (w === undefined) {
      w = measureText(s);
      widths.set(s, w);
    }
    return w;
  };
  let lines = fill(words, (s) => width(s) <= maxWidth, maxLines);
  if (lines.length > maxLines) {
    // The last line shown was filled greedily; make room on it for the ellipsis.
    const head = lines.slice(0, maxLines - 1);
    return { lines: [...head, ellipsize(lines[maxLines - 1]!, (s) => width(s) <= maxWidth)], truncated: true };
  }
  if (balance && lines.length > 1) {
    // Narrowest width that still gives the same number of lines.
    let lo = 0;
    let hi = maxWidth;
    for (let i = 0; i < 12; i++) {
      const mid = (lo + hi) / 2;
      const trial = fill(words, (s) => width(s) <= mid, lines.length);
      if (trial.length <= lines.length && trial.every((l) => width(l) <= mid)) hi = mid;
      else lo = mid;
    }
    const balanced = fill(words, (s) => width(s) <= hi, lines.length);
    if (balanced.length === lines.length) lines = balanced;
  }
  return { lines, truncated: false };
}
