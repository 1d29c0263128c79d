/**
 * One font file as the card renderer uses it. HarfBuzz (harfbuzzjs, the WebAssembly build of
 * the shaping engine browsers use) reads it: cmap, metrics, OpenType layout and the outlines,
 * whatever their format. What this module adds is what HarfBuzz leaves to its caller: opening
 * WOFF 1.0 files (the format Fontsource ships on npm: each table zlib-compressed on its own),
 * and remembering code point lookups and outlines so each is fetched from WebAssembly once.
 */

import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import * as hb from 'harfbuzzjs';

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

  constructor(name: string, sfnt: Uint8Array) {
    this.name = name;
    const face = new hb.Face(new hb.Blob(sfnt));
    if (face.upem === 0 || !face.referenceTable('cmap')) throw new Error(`cards: ${name} is not a font HarfBuzz can read`);
    this.hb = new hb.Font(face);
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

/** The sfnt (TrueType/OpenType) bytes inside a WOFF 1.0 file. */
export function sfntFromWoff(woff: Uint8Array): Uint8Array {
  const d = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  const numTables = d.getUint16(12);
  const tables: Array<{ tag: number; checksum: number; data: Uint8Array }> = [];
  for (let i = 0; i < numTables; i++) {
    const e = 44 + i * 20;
    const offset = d.getUint32(e + 4);
    const compLength = d.getUint32(e + 8);
    const origLength = d.getUint32(e + 12);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? new Uint8Array(inflateSync(raw)) : raw;
    if (data.length !== origLength) throw new Error('cards: a WOFF table has the wrong length');
    tables.push({ tag: d.getUint32(e), checksum: d.getUint32(e + 16), data });
  }
  let size = 12 + 16 * numTables;
  for (const t of tables) size += (t.data.length + 3) & ~3;
  const out = new Uint8Array(size);
  const o = new DataView(out.buffer);
  o.setUint32(0, d.getUint32(4)); // flavour: 0x00010000 (TrueType) or 'OTTO'
  o.setUint16(4, numTables);
  // searchRange, entrySelector and rangeShift only speed up a binary search; HarfBuzz needs none.
  let at = 12 + 16 * numTables;
  tables.forEach((t, i) => {
    const r = 12 + 16 * i;
    o.setUint32(r, t.tag);
    o.setUint32(r + 4, t.checksum);
    o.setUint32(r + 8, at);
    o.setUint32(r + 12, t.data.length);
    out.set(t.data, at);
    at += (t.data.length + 3) & ~3;
  });
  return out;
}

/** A .ttf/.otf or .woff file. */
export function loadFont(file: string): CardFont {
  const bytes = new Uint8Array(readFileSync(file));
  const isWoff = bytes[0] === 0x77 && bytes[1] === 0x4f && bytes[2] === 0x46 && bytes[3] === 0x46; // 'wOFF'
  return new CardFont(file.split(/[\\/]/).pop()!, isWoff ? sfntFromWoff(bytes) : bytes);
}
