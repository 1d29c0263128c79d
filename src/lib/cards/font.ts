/**
 * One font file as the card renderer uses it. HarfBuzz (harfbuzzjs, the WebAssembly build of
 * the shaping engine browsers use) reads it: cmap, metrics, OpenType layout and the outlines,
 * whatever their format, at the weight asked of a variable font. WOFF2 files (what Fontsource
 * ships on npm) are unpacked first by wawoff2, the WebAssembly build of Google's reference
 * decoder. What this module adds is remembering code point lookups and outlines, so each is
 * fetched from WebAssembly once.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as hb from 'harfbuzzjs';

/**
 * wawoff2's decoder, called synchronously: its package entry wraps each call in a promise only
 * to wait for the WebAssembly to start, so this module waits for that once, when it loads.
 */
const woff2 = await (async () => {
  const binding = createRequire(import.meta.url)('wawoff2/build/decompress_binding.js') as { calledRun?: boolean; onRuntimeInitialized?: () => void; decompress(bytes: Uint8Array): Uint8Array | false };
  if (!binding.calledRun) await new Promise<void>((resolve) => (binding.onRuntimeInitialized = resolve));
  return binding;
})();

/** Outline commands, font units with y up: MOVE x y, LINE x y, QUAD cx cy x y, CUBIC c1x c1y c2x c2y x y, CLOSE. */
export const MOVE = 0;
export const LINE = 1;
export const QUAD = 2;
export const CUBIC = 3;
export const CLOSE = 4;
export type Outline = readonly number[];

/** Outlines are recorded into the array passed as HarfBuzz's draw data. */
const recorder = (() => {
  const f = new hb.DrawFuncs();
  f.setMoveToFunc((x, y, out) => (out as number[]).push(MOVE, x, y));
  f.setLineToFunc((x, y, out) => (out as number[]).push(LINE, x, y));
  f.setQuadraticToFunc((cx, cy, x, y, out) => (out as number[]).push(QUAD, cx, cy, x, y));
  f.setCubicToFunc((c1x, c1y, c2x, c2y, x, y, out) => (out as number[]).push(CUBIC, c1x, c1y, c2x, c2y, x, y));
  f.setClosePathFunc((out) => (out as number[]).push(CLOSE));
  return f;
})();

export class CardFont {
  /** File name, for messages. */
  readonly name: string;
  readonly hb: hb.Font;
  readonly unitsPerEm: number;
  readonly ascender: number;
  readonly descender: number;
  readonly capHeight: number;
  private readonly glyphForCp = new Map<number, number>();
  private readonly outlines = new Map<number, Outline>();
  private readonly heightsOf = new Map<number, readonly [number, number]>();

  constructor(name: string, sfnt: Uint8Array, weight?: number) {
    this.name = name;
    const face = new hb.Face(new hb.Blob(sfnt));
    if (face.upem === 0 || !face.referenceTable('cmap')) throw new Error(`cards: ${name} is not a font HarfBuzz can read`);
    this.hb = new hb.Font(face);
    if (weight !== undefined && face.getAxisInfos().wght) this.hb.setVariations([new hb.Variation('wght', weight)]);
    this.unitsPerEm = face.upem;
    const extents = this.hb.hExtents();
    this.ascender = extents.ascender;
    this.descender = extents.descender;
    this.capHeight = this.hb.getMetricPositionWithFallback(hb.MetricsTag.CAP_HEIGHT);
  }

  /** Glyph index for a code point; 0 when the font lacks it. */
  glyphIndex(cp: number): number {
    let g = this.glyphForCp.get(cp);
    if (g === undefined) {
      g = this.hb.nominalGlyph(cp) ?? 0;
      this.glyphForCp.set(cp, g);
    }
    return g;
  }

  outline(glyph: number): Outline {
    let o = this.outlines.get(glyph);
    if (!o) {
      const out: number[] = [];
      this.hb.drawGlyph(glyph, recorder, out);
      o = out;
      this.outlines.set(glyph, o);
    }
    return o;
  }

  /** Lowest and highest y of the glyph, font units. */
  heights(glyph: number): readonly [number, number] {
    let h = this.heightsOf.get(glyph);
    if (!h) {
      h = verticalBounds(this.outline(glyph));
      this.heightsOf.set(glyph, h);
    }
    return h;
  }
}

/** Lowest and highest y of a glyph's outline in font units ([0, 0] when it has none). */
export function verticalBounds(o: Outline): [number, number] {
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < o.length; ) {
    const op = o[i]!;
    const n = op === MOVE || op === LINE ? 2 : op === QUAD ? 4 : op === CUBIC ? 6 : 0;
    // Control points bound the curve.
    for (let k = i + 2; k <= i + n; k += 2) {
      const y = o[k]!;
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
    }
    i += 1 + n;
  }
  return yMin > yMax ? [0, 0] : [yMin, yMax];
}

/** A .ttf/.otf or .woff2 file; `weight` sets the wght axis of a variable font. */
export function loadFont(file: string, weight?: number): CardFont {
  let bytes: Uint8Array = new Uint8Array(readFileSync(file));
  const name = file.split(/[\\/]/).pop()!;
  if (bytes[0] === 0x77 && bytes[1] === 0x4f && bytes[2] === 0x46 && bytes[3] === 0x32) {
    // 'wOF2'
    const sfnt = woff2.decompress(bytes);
    if (!sfnt) throw new Error(`cards: ${name} is not a WOFF2 file wawoff2 can read`);
    bytes = sfnt;
  }
  return new CardFont(name, bytes, weight);
}
