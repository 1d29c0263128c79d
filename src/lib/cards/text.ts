/**
 * Text layout for the cards: bidi levels, shaping, line breaking with an ellipsis, and drawing.
 *
 * A field's text is split into runs of one face and one direction (levels from bidi-js, the
 * Unicode Bidirectional Algorithm), and each run is shaped once by HarfBuzz, which applies the
 * font's OpenType rules: Arabic joining forms, Devanagari reordering and conjuncts, ligatures,
 * kerning, mark positioning, emoji sequences. Each glyph's advance is then counted at the
 * position of its cluster, so the width of any stretch of text is a difference of two sums:
 * wrapping tries many widths and sizes without shaping again. A line's runs are put in visual
 * order (rule L2 of the algorithm) only when it is drawn; a right-to-left paragraph is set
 * flush right.
 *
 * One file over 400 lines, on purpose: shaping, measuring, breaking and drawing all work on the
 * same per-cluster arrays of a Paragraph; apart, they would pass those arrays back and forth.
 */

import bidiFactory from 'bidi-js';
import * as hb from 'harfbuzzjs';
import type { IndexedCanvas, Ramp } from './canvas.ts';
import type { Face, FontStack } from './fonts.ts';

/** Horizontal sub-pixel positions cached per glyph and size. */
const SUBPIXEL = 4;

const bidi = bidiFactory();
const buffer = new hb.Buffer();

/** Glyphs of one run in visual order, positions in em (font units / units per em). */
interface Run {
  start: number;
  end: number;
  level: number;
  face: Face;
  glyphs: number[];
  clusters: number[];
  advances: number[];
  dx: number[];
  dy: number[];
}

function shapeRun(text: string, start: number, end: number, level: number, face: Face): Run {
  buffer.reset();
  // The whole text goes in as context, so joining sees the letters on either side of the run.
  buffer.addText(text, start, end - start);
  buffer.setDirection(level & 1 ? hb.Direction.RTL : hb.Direction.LTR);
  buffer.guessSegmentProperties();
  hb.shape(face.font.hb, buffer);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();
  const em = 1 / face.font.unitsPerEm;
  const run: Run = { start, end, level, face, glyphs: [], clusters: [], advances: [], dx: [], dy: [] };
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i]!;
    const pos = positions[i]!;
    run.glyphs.push(info.codepoint);
    run.clusters.push(info.cluster);
    run.advances.push(pos.xAdvance * em);
    run.dx.push(pos.xOffset * em);
    run.dy.push(pos.yOffset * em);
  }
  return run;
}

/** "…" shaped once per face and direction: the end of every cut line. */
const ellipses = new Map<Face, [Run | null, Run | null]>();
function ellipsisRun(face: Face, level: number): Run {
  let pair = ellipses.get(face);
  if (!pair) ellipses.set(face, (pair = [null, null]));
  return (pair[level & 1] ??= shapeRun('\u2026', 0, 1, level & 1, face));
}

/**
 * Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and the other scripts of those
 * blocks, their presentation forms, and the right-to-left planes of the SMP) and the controls
 * that start right-to-left text. Text without any has every bidi level 0.
 */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\u200f\u202b\u202e\u2067\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Characters that should not end a line before an ellipsis: spaces, commas, dashes, a middle dot. */
const BEFORE_ELLIPSIS = /[\s,;:.\u2013\u2014\-\u00b7|/\u3001\u3002\u060c\u061b\uff0c]/u;
/** Chinese and Japanese, written without spaces, break between any two characters (Korean breaks at spaces). */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;
/** Thai, Lao, Khmer and Myanmar are written without spaces too, but break between words, which a dictionary finds. */
const DICTIONARY = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/u;
const words = new Intl.Segmenter('th', { granularity: 'word' });
/** Punctuation that stays with the word before it even across a space, as in "Title · 2024". */
const NO_START_AFTER_SPACE = /[·•|\-–—:;,.!?)\]}»”’]/u;
/** Japanese line-breaking rules (kinsoku): none of these starts a line... */
const NO_LINE_START = /[、。，．,.:;!?！？：；)\]}）］｝〕〉》」』】〙〗〟'"’”»ー々〻ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰ-ㇿ・…‥〜\u3099-\u309e]/u;
/** ...and none of these ends one. */
const NO_LINE_END = /[([{（［｛〔〈《「『【〘〖〝‘“«]/u;

/** One card field, itemised, shaped and ready to be broken into lines. */
export class Paragraph {
  /** The drawable text (see FontStack.itemize). */
  readonly text: string;
  /** Code points no font draws, as FontStack.itemize reports them. */
  readonly missing: readonly number[];
  /** Base direction: 0 left-to-right, 1 right-to-left (from the first strong character). */
  readonly level: number;
  readonly runs: Run[] = [];
  private readonly stack: FontStack;
  /** em[i]: advance in em of the clusters starting before index i. */
  private readonly em: Float64Array;
  /** inked[i]: glyphs with an advance among the clusters starting before i (for tracking). */
  private readonly inked: Uint32Array;
  /** Indices where a line may start, ascending, ending with text.length. */
  private readonly breaks: number[] = [];
  /** Indices a word too long for a line may be split at: grapheme and shaping-cluster starts. */
  private readonly splits: number[] = [];

  constructor(stack: FontStack, input: string) {
    this.stack = stack;
    const items = stack.itemize(input);
    const text = items.text;
    this.text = text;
    this.missing = items.missing;
    const n = text.length;
    this.em = new Float64Array(n + 1);
    this.inked = new Uint32Array(n + 1);
    if (!n) {
      this.level = 0;
      return;
    }
    let levels: Uint8Array;
    if (RIGHT_TO_LEFT.test(text)) {
      const result = bidi.getEmbeddingLevels(text, 'auto');
      levels = result.levels;
      this.level = result.paragraphs[0]!.level;
    } else {
      // Without a right-to-left character or control, every level is 0.
      levels = new Uint8Array(n);
      this.level = 0;
    }

    const adv = new Float64Array(n);
    const glyphsAt = new Uint32Array(n);
    const isClusterStart = new Uint8Array(n + 1);
    let runStart = 0;
    for (let i = 1; i <= items.starts.length; i++) {
      const at = i < items.starts.length ? items.starts[i]! : n;
      if (i < items.starts.length && items.faces[i] === items.faces[runStart] && levels[at] === levels[items.starts[runStart]!]) continue;
      const start = items.starts[runStart]!;
      const run = shapeRun(text, start, at, levels[start]!, items.faces[runStart]!);
      this.runs.push(run);
      for (let g = 0; g < run.glyphs.length; g++) {
        const c = run.clusters[g]!;
        adv[c] = adv[c]! + run.advances[g]!;
        if (run.advances[g]) glyphsAt[c] = glyphsAt[c]! + 1;
        isClusterStart[c] = 1;
      }
      runStart = i;
    }
    for (let i = 0; i < n; i++) {
      this.em[i + 1] = this.em[i]! + adv[i]!;
      this.inked[i + 1] = this.inked[i]! + glyphsAt[i]!;
    }

    // Break and split points: starts of grapheme clusters that HarfBuzz also starts a cluster at.
    const graphemeStart = new Uint8Array(n);
    for (const i of items.starts) graphemeStart[i] = 1;
    const wordStart = DICTIONARY.test(text) ? new Set(Array.from(words.segment(text), (w) => w.index)) : null;
    for (let i = 1; i < n; i++) {
      if (!isClusterStart[i] || !graphemeStart[i]) continue;
      this.splits.push(i);
      const before = text[i - 1]!;
      const here = text[i]!;
      if (here === ' ') continue;
      if (before === ' ') {
        if (!NO_START_AFTER_SPACE.test(here)) this.breaks.push(i);
        continue;
      }
      if (wordStart?.has(i) && (DICTIONARY.test(before) || DICTIONARY.test(here))) {
        this.breaks.push(i);
        continue;
      }
      if (text.charCodeAt(i - 1) < 0x2e80 && text.charCodeAt(i) < 0x2e80) continue; // no CJK on either side
      const prev = charBefore(text, i);
      const cur = String.fromCodePoint(text.codePointAt(i)!);
      if ((CJK.test(prev) || CJK.test(cur)) && !NO_LINE_START.test(cur) && !NO_LINE_END.test(prev)) this.breaks.push(i);
    }
    this.splits.push(n);
    this.breaks.push(n);
  }

  /** End of [start, end) without its trailing spaces. */
  private trimEnd(start: number, end: number): number {
    while (end > start && this.text[end - 1] === ' ') end--;
    return end;
  }

  /** Width in px of [start, end) without trailing spaces. */
  width(start: number, end: number, sizePx: number, tracking = 0): number {
    const e = this.trimEnd(start, end);
    const glyphs = this.inked[e]! - this.inked[start]!;
    return (this.em[e]! - this.em[start]!) * sizePx + (glyphs > 1 ? tracking * (glyphs - 1) : 0);
  }

  /** "…" in the primary face, placed at the end of a cut line in the paragraph's direction. */
  private ellipsis(): Run {
    return ellipsisRun(this.stack.primary, this.level);
  }

  private ellipsisWidth(sizePx: number): number {
    return this.ellipsis().advances.reduce((a, b) => a + b, 0) * sizePx;
  }

  /** First index of `list` greater than `i`. */
  private static after(list: readonly number[], i: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! <= i) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Greedy line filling from index 0; stops once it has more than `limit` lines. */
  private fill(fits: (s: number, e: number) => boolean, limit: number): Line[] {
    const lines: Line[] = [];
    const n = this.text.length;
    let s = 0;
    while (s < n && lines.length <= limit) {
      let end = -1;
      for (let k = Paragraph.after(this.breaks, s); k < this.breaks.length; k++) {
        const b = this.breaks[k]!;
        if (!fits(s, b)) break;
        end = b;
      }
      if (end < 0) {
        // A word wider than the line: as many of its clusters as fit (at least one), the rest below.
        const wordEnd = this.breaks[Paragraph.after(this.breaks, s)]!;
        for (let k = Paragraph.after(this.splits, s); k < this.splits.length && this.splits[k]! <= wordEnd; k++) {
          const c = this.splits[k]!;
          if (end >= 0 && !fits(s, c)) break;
          end = c;
        }
      }
      lines.push({ start: s, end: this.trimEnd(s, end), ellipsis: false });
      s = end;
    }
    return lines;
  }

  /**
   * At most `maxLines` lines of at most `maxWidth` px, the last ending in an ellipsis when the
   * text does not all fit. With `balance`, the lines of a paragraph that fits are evened out
   * (like CSS `text-wrap: balance`) without adding lines.
   */
  wrap(maxWidth: number, sizePx: number, maxLines: number, balance = false, tracking = 0): Wrapped {
    if (!this.text) return { lines: [], truncated: false };
    const fitsIn = (w: number) => (s: number, e: number) => this.width(s, e, sizePx, tracking) <= w;
    let lines = this.fill(fitsIn(maxWidth), maxLines);
    if (lines.length > maxLines) {
      const last = lines[maxLines - 1]!;
      return { lines: [...lines.slice(0, maxLines - 1), this.cut(last.start, last.end, maxWidth, sizePx, tracking)], truncated: true };
    }
    if (balance && lines.length > 1) {
      // Narrowest width that still gives the same number of lines.
      let lo = 0;
      let hi = maxWidth;
      for (let i = 0; i < 12; i++) {
        const mid = (lo + hi) / 2;
        const trial = this.fill(fitsIn(mid), lines.length);
        if (trial.length <= lines.length && trial.every((l) => this.width(l.start, l.end, sizePx, tracking) <= mid)) hi = mid;
        else lo = mid;
      }
      const balanced = this.fill(fitsIn(hi), lines.length);
      if (balanced.length === lines.length) lines = balanced;
    }
    return { lines, truncated: false };
  }

  /**
   * The longest start of [start, end) that fits with an ellipsis after it: cut after a whole word
   * when one fits, else after as many clusters as fit.
   */
  private cut(start: number, end: number, maxWidth: number, sizePx: number, tracking: number): Line {
    const trimmed = (e: number) => {
      while (e > start && BEFORE_ELLIPSIS.test(this.text[e - 1]!)) e--;
      return e;
    };
    const fits = (e: number) => this.lineWidth({ start, end: e, ellipsis: true }, sizePx, tracking) <= maxWidth;
    for (const list of [this.breaks, this.splits]) {
      const candidates = [...list.slice(Paragraph.after(list, start), Paragraph.after(list, end - 1)), end];
      for (let k = candidates.length - 1; k >= 0; k--) {
        const e = trimmed(candidates[k]!);
        if (e > start && fits(e)) return { start, end: e, ellipsis: true };
      }
    }
    return { start, end: start, ellipsis: true };
  }

  /**
   * Calls `visit` for each glyph of a line from left to right, with its pen position in px from
   * the line's left edge and its offset up from the baseline in px.
   */
  private eachGlyph(line: Line, sizePx: number, tracking: number, visit: (run: Run, g: number, x: number, y: number) => void): void {
    const runs: Array<{ run: Run; from: number[] }> = [];
    for (const run of this.runs) {
      if (run.end <= line.start || run.start >= line.end) continue;
      const from: number[] = [];
      for (let g = 0; g < run.glyphs.length; g++) {
        const c = run.clusters[g]!;
        if (c >= line.start && c < line.end) from.push(g);
      }
      runs.push({ run, from });
    }
    if (line.ellipsis) {
      const run = this.ellipsis();
      runs.push({ run, from: run.glyphs.map((_, g) => g) });
    }
    // Rule L2: from the highest level down to the lowest odd one, reverse every stretch at or above it.
    const levels = runs.map((r) => r.run.level);
    const highest = Math.max(...levels);
    const lowestOdd = Math.min(...levels.map((l) => (l & 1 ? l : l + 1)));
    for (let level = highest; level >= lowestOdd; level--) {
      for (let i = 0; i < runs.length; ) {
        if (levels[i]! < level) {
          i++;
          continue;
        }
        let j = i;
        while (j < runs.length && levels[j]! >= level) j++;
        reverse(runs, i, j);
        reverse(levels, i, j);
        i = j;
      }
    }
    let pen = 0;
    for (const { run, from } of runs) {
      for (const g of from) {
        visit(run, g, pen + run.dx[g]! * sizePx, run.dy[g]! * sizePx);
        const a = run.advances[g]!;
        pen += a * sizePx + (a ? tracking : 0);
      }
    }
  }

  /** The glyphs of a line from left to right, where they are drawn, and the character each comes from. */
  place(line: Line, sizePx: number, tracking = 0): Placed[] {
    const placed: Placed[] = [];
    const ellipsis = line.ellipsis ? this.ellipsis() : null;
    this.eachGlyph(line, sizePx, tracking, (run, g, x, y) => placed.push({ face: run.face, glyph: run.glyphs[g]!, x, y, cluster: run === ellipsis ? -1 : run.clusters[g]! }));
    return placed;
  }

  /** Draw a line with its left edge at `x` and its pen on `baseline`. */
  drawLine(canvas: IndexedCanvas, line: Line, x: number, baseline: number, sizePx: number, ramp: Ramp, tracking = 0): void {
    this.eachGlyph(line, sizePx, tracking, (run, g, gx, gy) => {
      const px = x + gx;
      let ix = Math.floor(px);
      let sub = Math.round((px - ix) * SUBPIXEL);
      if (sub === SUBPIXEL) {
        ix += 1;
        sub = 0;
      }
      const m = run.face.mask(run.glyphs[g]!, sizePx, sub, SUBPIXEL);
      if (m.width) canvas.drawMask(m, ix + m.left, Math.round(baseline - gy) + m.top, ramp);
    });
  }

  /** How far the ink of a line reaches above and below its baseline, in px. */
  inkHeights(line: Line, sizePx: number): { above: number; below: number } {
    let top = 0;
    let bottom = 0;
    for (const run of this.runs) {
      if (run.end <= line.start || run.start >= line.end) continue;
      const em = 1 / run.face.font.unitsPerEm;
      for (let g = 0; g < run.glyphs.length; g++) {
        const c = run.clusters[g]!;
        if (c < line.start || c >= line.end) continue;
        const [yMin, yMax] = run.face.font.heights(run.glyphs[g]!);
        top = Math.max(top, yMax * em + run.dy[g]!);
        bottom = Math.min(bottom, yMin * em + run.dy[g]!);
      }
    }
    return { above: top * sizePx, below: -bottom * sizePx };
  }

  /** Width in px of a line as drawn, its ellipsis (spaced like a letter) included. */
  lineWidth(line: Line, sizePx: number, tracking = 0): number {
    const text = this.width(line.start, line.end, sizePx, tracking);
    if (!line.ellipsis) return text;
    return text + (line.end > line.start ? tracking : 0) + this.ellipsisWidth(sizePx);
  }
}

/** Paragraphs already laid out, per font stack: every card repeats its site name and a kind label. */
const laidOut = new WeakMap<FontStack, Map<string, Paragraph>>();
/** Enough for the labels and names a batch of cards repeats; past it the memo starts again. */
const MEMO_SIZE = 256;

/** The paragraph of `text` in `stack`'s fonts (shared: a Paragraph is not changed once made). */
export function paragraph(stack: FontStack, text: string): Paragraph {
  let memo = laidOut.get(stack);
  if (!memo) laidOut.set(stack, (memo = new Map()));
  let p = memo.get(text);
  if (!p) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    p = new Paragraph(stack, text);
    memo.set(text, p);
  }
  return p;
}

/** The character (one code point) that ends just before index i. */
function charBefore(text: string, i: number): string {
  const low = text.charCodeAt(i - 1);
  const pair = i >= 2 && low >= 0xdc00 && low <= 0xdfff && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff;
  return pair ? text.slice(i - 2, i) : text[i - 1]!;
}

function reverse<T>(a: T[], from: number, to: number): void {
  for (let i = from, j = to - 1; i < j; i++, j--) {
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}

export interface Line {
  /** UTF-16 range of the paragraph's text shown, trailing spaces excluded. */
  start: number;
  end: number;
  /** Whether an ellipsis follows. */
  ellipsis: boolean;
}

export interface Placed {
  face: Face;
  glyph: number;
  /** Pen position from the line's left edge, px. */
  x: number;
  /** Offset up from the baseline, px. */
  y: number;
  /** Index in the paragraph's text of the character the glyph comes from; -1 for the ellipsis. */
  cluster: number;
}

export interface Wrapped {
  lines: Line[];
  truncated: boolean;
}

/**
 * Far more characters than any card line can show (a 4-line title holds under 300), so longer
 * input is cut first: it would be ellipsised anyway, and this bounds the work per card.
 */
const MAX_INPUT = 1000;

/**
 * Collapse whitespace, normalise to NFC, turn control characters into spaces, cap the length.
 * Joiners (U+200C, U+200D) stay: Indic, Arabic and emoji sequences need them.
 */
export function cleanText(s: string | undefined): string {
  if (!s) return '';
  return (s.length > MAX_INPUT ? s.slice(0, MAX_INPUT) : s)
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b\u2060\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
