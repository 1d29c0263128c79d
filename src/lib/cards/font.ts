/**
 * A minimal TrueType reader: just what the card renderer needs.
 *
 * Reads cmap (formats 4 and 12), hmtx advances, glyf outlines (simple and composite
 * glyphs) and pair kerning from GPOS (PairPos formats 1 and 2, also when wrapped in
 * Extension lookups, which general-purpose JS parsers often skip). No shaping beyond
 * kerning: the cards show short Latin text, for which that is what matters.
 *
 * Everything is parsed lazily and memoised, so loading a font costs well under a
 * millisecond and each glyph is decoded at most once.
 */

export interface Contour {
  /** Points in font units, y up. */
  xs: number[];
  ys: number[];
  onCurve: boolean[];
}

export interface GlyphOutline {
  contours: Contour[];
}

export class TrueTypeFont {
  readonly data: DataView;
  readonly unitsPerEm: number;
  readonly ascender: number;
  readonly descender: number;
  readonly capHeight: number;
  readonly numGlyphs: number;
  private readonly tables = new Map<string, { offset: number; length: number }>();
  private readonly numHMetrics: number;
  private readonly hmtxOffset: number;
  private readonly locaOffset: number;
  private readonly longLoca: boolean;
  private readonly glyfOffset: number;
  private readonly cmapOffset: number;
  private readonly cmapFormat: number;
  private readonly glyphForCp = new Map<number, number>();
  private readonly outlines = new Map<number, GlyphOutline>();
  private readonly kernCache = new Map<number, number>();
  private kernLookups: PairSubtable[][] | null = null;

  constructor(bytes: Uint8Array) {
    this.data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const d = this.data;
    const sfnt = d.getUint32(0);
    if (sfnt !== 0x00010000 && sfnt !== 0x74727565 /* 'true' */) {
      throw new Error('cards: only TrueType-outline fonts (.ttf with glyf) are supported');
    }
    const numTables = d.getUint16(4);
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + i * 16;
      const tag = String.fromCharCode(d.getUint8(rec), d.getUint8(rec + 1), d.getUint8(rec + 2), d.getUint8(rec + 3));
      this.tables.set(tag, { offset: d.getUint32(rec + 8), length: d.getUint32(rec + 12) });
    }
    const head = this.table('head');
    this.unitsPerEm = d.getUint16(head + 18);
    this.longLoca = d.getInt16(head + 50) === 1;
    const hhea = this.table('hhea');
    this.ascender = d.getInt16(hhea + 4);
    this.descender = d.getInt16(hhea + 6);
    this.numHMetrics = d.getUint16(hhea + 34);
    this.numGlyphs = d.getUint16(this.table('maxp') + 4);
    this.hmtxOffset = this.table('hmtx');
    this.locaOffset = this.table('loca');
    this.glyfOffset = this.table('glyf');
    const os2 = this.tables.get('OS/2');
    this.capHeight = os2 && d.getUint16(os2.offset) >= 2 ? d.getInt16(os2.offset + 88) : Math.round(this.ascender * 0.7);

    // Pick the best Unicode cmap subtable: full repertoire (format 12) over BMP-only (format 4).
    const cmap = this.table('cmap');
    const n = d.getUint16(cmap + 2);
    let best = -1;
    let bestScore = -1;
    for (let i = 0; i < n; i++) {
      const platform = d.getUint16(cmap + 4 + i * 8);
      const encoding = d.getUint16(cmap + 6 + i * 8);
      const off = cmap + d.getUint32(cmap + 8 + i * 8);
      const format = d.getUint16(off);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (!unicode || (format !== 4 && format !== 12)) continue;
      const score = format === 12 ? 2 : 1;
      if (score > bestScore) {
        best = off;
        bestScore = score;
      }
    }
    if (best < 0) throw new Error('cards: font has no Unicode cmap (format 4 or 12)');
    this.cmapOffset = best;
    this.cmapFormat = d.getUint16(best);
  }

  private table(tag: string): number {
    const t = this.tables.get(tag);
    if (!t) throw new Error(`cards: font is missing the ${tag} table`);
    return t.offset;
  }

  /** Glyph index for a code point; 0 (.notdef) when the font lacks it. */
  glyphIndex(cp: number): number {
    const cached = this.glyphForCp.get(cp);
    if (cached !== undefined) return cached;
    const g = this.lookupCmap(cp);
    this.glyphForCp.set(cp, g);
    return g;
  }

  private lookupCmap(cp: number): number {
    const d = this.data;
    const t = this.cmapOffset;
    if (this.cmapFormat === 12) {
      const groups = d.getUint32(t + 12);
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = t + 16 + mid * 12;
        const start = d.getUint32(g);
        const end = d.getUint32(g + 4);
        if (cp < start) hi = mid - 1;
        else if (cp > end) lo = mid + 1;
        else return d.getUint32(g + 8) + (cp - start);
      }
      return 0;
    }
    if (cp > 0xffff) return 0;
    const segX2 = d.getUint16(t + 6);
    const ends = t + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const ranges = deltas + segX2;
    for (let i = 0; i < segX2; i += 2) {
      const end = d.getUint16(ends + i);
      if (cp > end) continue;
      const start = d.getUint16(starts + i);
      if (cp < start) return 0;
      const delta = d.getInt16(deltas + i);
      const rangeOffset = d.getUint16(ranges + i);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const gi = d.getUint16(ranges + i + rangeOffset + (cp - start) * 2);
      return gi === 0 ? 0 : (gi + delta) & 0xffff;
    }
    return 0;
  }

  /** Advance width in font units. */
  advance(glyph: number): number {
    const i = glyph < this.numHMetrics ? glyph : this.numHMetrics - 1;
    return this.data.getUint16(this.hmtxOffset + i * 4);
  }

  private glyphRange(glyph: number): [number, number] {
    const d = this.data;
    if (this.longLoca) {
      return [d.getUint32(this.locaOffset + glyph * 4), d.getUint32(this.locaOffset + glyph * 4 + 4)];
    }
    return [d.getUint16(this.locaOffset + glyph * 2) * 2, d.getUint16(this.locaOffset + glyph * 2 + 2) * 2];
  }

  /** The glyph's outline in font units (composites resolved). */
  outline(glyph: number): GlyphOutline {
    let o = this.outlines.get(glyph);
    if (!o) {
      o = { contours: this.readGlyph(glyph, 0) };
      this.outlines.set(glyph, o);
    }
    return o;
  }

  private readGlyph(glyph: number, depth: number): Contour[] {
    if (glyph >= this.numGlyphs || depth > 8) return [];
    const [start, end] = this.glyphRange(glyph);
    if (end <= start) return [];
    const d = this.data;
    const p = this.glyfOffset + start;
    const nContours = d.getInt16(p);
    if (nContours >= 0) return this.readSimple(p, nContours);

    // Composite glyph: components placed with an offset and an optional 2x2 transform.
    const out: Contour[] = [];
    let q = p + 10;
    for (;;) {
      const flags = d.getUint16(q);
      const component = d.getUint16(q + 2);
      q += 4;
      let dx = 0;
      let dy = 0;
      if (flags & 0x0001) {
        if (flags & 0x0002) {
          dx = d.getInt16(q);
          dy = d.getInt16(q + 2);
        }
        q += 4;
      } else {
        if (flags & 0x0002) {
          dx = d.getInt8(q);
          dy = d.getInt8(q + 1);
        }
        q += 2;
      }
      let a = 1;
      let b = 0;
      let c = 0;
      let e = 1;
      if (flags & 0x0008) {
        a = e = d.getInt16(q) / 16384;
        q += 2;
      } else if (flags & 0x0040) {
        a = d.getInt16(q) / 16384;
        e = d.getInt16(q + 2) / 16384;
        q += 4;
      } else if (flags & 0x0080) {
        a = d.getInt16(q) / 16384;
        b = d.getInt16(q + 2) / 16384;
        c = d.getInt16(q + 4) / 16384;
        e = d.getInt16(q + 6) / 16384;
        q += 8;
      }
      for (const src of this.readGlyph(component, depth + 1)) {
        const xs: number[] = [];
        const ys: number[] = [];
        for (let i = 0; i < src.xs.length; i++) {
          const x = src.xs[i]!;
          const y = src.ys[i]!;
          xs.push(a * x + c * y + dx);
          ys.push(b * x + e * y + dy);
        }
        out.push({ xs, ys, onCurve: src.onCurve });
      }
      if (!(flags & 0x0020)) break;
    }
    return out;
  }

  private readSimple(p: number, nContours: number): Contour[] {
    const d = this.data;
    const endPts: number[] = [];
    for (let i = 0; i < nContours; i++) endPts.push(d.getUint16(p + 10 + i * 2));
    const nPoints = nContours ? endPts[nContours - 1]! + 1 : 0;
    let q = p + 10 + nContours * 2;
    q += 2 + d.getUint16(q); // skip instructions
    const flags = new Uint8Array(nPoints);
    for (let i = 0; i < nPoints; ) {
      const f = d.getUint8(q++);
      flags[i++] = f;
      if (f & 0x08) {
        let repeat = d.getUint8(q++);
        while (repeat-- > 0 && i < nPoints) flags[i++] = f;
      }
    }
    const xs = new Array<number>(nPoints);
    const ys = new Array<number>(nPoints);
    let v = 0;
    for (let i = 0; i < nPoints; i++) {
      const f = flags[i]!;
      if (f & 0x02) {
        const dv = d.getUint8(q++);
        v += f & 0x10 ? dv : -dv;
      } else if (!(f & 0x10)) {
        v += d.getInt16(q);
        q += 2;
      }
      xs[i] = v;
    }
    v = 0;
    for (let i = 0; i < nPoints; i++) {
      const f = flags[i]!;
      if (f & 0x04) {
        const dv = d.getUint8(q++);
        v += f & 0x20 ? dv : -dv;
      } else if (!(f & 0x20)) {
        v += d.getInt16(q);
        q += 2;
      }
      ys[i] = v;
    }
    const contours: Contour[] = [];
    let first = 0;
    for (const last of endPts) {
      const on: boolean[] = [];
      for (let i = first; i <= last; i++) on.push((flags[i]! & 1) === 1);
      contours.push({ xs: xs.slice(first, last + 1), ys: ys.slice(first, last + 1), onCurve: on });
      first = last + 1;
    }
    return contours;
  }

  /** Horizontal kerning adjustment (font units) between two glyphs, from GPOS 'kern'. */
  kerning(left: number, right: number): number {
    const key = left * 65536 + right;
    const cached = this.kernCache.get(key);
    if (cached !== undefined) return cached;
    if (!this.kernLookups) this.kernLookups = this.readKernLookups();
    let total = 0;
    for (const lookup of this.kernLookups) {
      for (const sub of lookup) {
        const v = sub.lookup(left, right);
        if (v !== null) {
          total += v;
          break;
        }
      }
    }
    this.kernCache.set(key, total);
    return total;
  }

  private readKernLookups(): PairSubtable[][] {
    const t = this.tables.get('GPOS');
    if (!t) return [];
    const d = this.data;
    const gpos = t.offset;
    const featureList = gpos + d.getUint16(gpos + 6);
    const lookupList = gpos + d.getUint16(gpos + 8);
    // Every lookup referenced by any 'kern' feature, in lookup-list order.
    const indices = new Set<number>();
    const nFeatures = d.getUint16(featureList);
    for (let i = 0; i < nFeatures; i++) {
      const rec = featureList + 2 + i * 6;
      const tag = String.fromCharCode(d.getUint8(rec), d.getUint8(rec + 1), d.getUint8(rec + 2), d.getUint8(rec + 3));
      if (tag !== 'kern') continue;
      const feature = featureList + d.getUint16(rec + 4);
      const count = d.getUint16(feature + 2);
      for (let j = 0; j < count; j++) indices.add(d.getUint16(feature + 4 + j * 2));
    }
    const lookups: PairSubtable[][] = [];
    for (const index of [...indices].sort((a, b) => a - b)) {
      const lookup = lookupList + d.getUint16(lookupList + 2 + index * 2);
      const type = d.getUint16(lookup);
      const subCount = d.getUint16(lookup + 4);
      const subs: PairSubtable[] = [];
      for (let j = 0; j < subCount; j++) {
        let sub = lookup + d.getUint16(lookup + 6 + j * 2);
        if (type === 9) {
          // Extension: the real subtable lives at a 32-bit offset.
          const extType = d.getUint16(sub + 2);
          if (extType !== 2) continue;
          sub = sub + d.getUint32(sub + 4);
        } else if (type !== 2) {
          continue;
        }
        const s = readPairSubtable(d, sub);
        if (s) subs.push(s);
      }
      if (subs.length) lookups.push(subs);
    }
    return lookups;
  }
}

interface PairSubtable {
  /** xAdvance of the first glyph, or null when this subtable does not cover the pair. */
  lookup(left: number, right: number): number | null;
}

function valueRecordSize(format: number): number {
  let n = 0;
  for (let f = format; f; f >>= 1) n += f & 1;
  return n * 2;
}

/** Byte offset of XAdvance inside a value record, or -1 when absent. */
function xAdvanceOffset(format: number): number {
  if (!(format & 0x0004)) return -1;
  return ((format & 0x0001) ? 2 : 0) + ((format & 0x0002) ? 2 : 0);
}

function coverageIndex(d: DataView, cov: number, glyph: number): number {
  const format = d.getUint16(cov);
  const count = d.getUint16(cov + 2);
  let lo = 0;
  let hi = count - 1;
  if (format === 1) {
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = d.getUint16(cov + 4 + mid * 2);
      if (glyph < g) hi = mid - 1;
      else if (glyph > g) lo = mid + 1;
      else return mid;
    }
    return -1;
  }
  if (format === 2) {
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = cov + 4 + mid * 6;
      if (glyph < d.getUint16(r)) hi = mid - 1;
      else if (glyph > d.getUint16(r + 2)) lo = mid + 1;
      else return d.getUint16(r + 4) + glyph - d.getUint16(r);
    }
  }
  return -1;
}

function classOf(d: DataView, cd: number, glyph: number): number {
  const format = d.getUint16(cd);
  if (format === 1) {
    const start = d.getUint16(cd + 2);
    const count = d.getUint16(cd + 4);
    return glyph >= start && glyph < start + count ? d.getUint16(cd + 6 + (glyph - start) * 2) : 0;
  }
  if (format === 2) {
    let lo = 0;
    let hi = d.getUint16(cd + 2) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = cd + 4 + mid * 6;
      if (glyph < d.getUint16(r)) hi = mid - 1;
      else if (glyph > d.getUint16(r + 2)) lo = mid + 1;
      else return d.getUint16(r + 4);
    }
  }
  return 0;
}

function readPairSubtable(d: DataView, sub: number): PairSubtable | null {
  const format = d.getUint16(sub);
  const cov = sub + d.getUint16(sub + 2);
  const vf1 = d.getUint16(sub + 4);
  const vf2 = d.getUint16(sub + 6);
  const size1 = valueRecordSize(vf1);
  const size2 = valueRecordSize(vf2);
  const xa = xAdvanceOffset(vf1);
  if (format === 1) {
    return {
      lookup(left, right) {
        const ci = coverageIndex(d, cov, left);
        if (ci < 0) return null;
        const set = sub + d.getUint16(sub + 10 + ci * 2);
        const count = d.getUint16(set);
        const recSize = 2 + size1 + size2;
        let lo = 0;
        let hi = count - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const r = set + 2 + mid * recSize;
          const g = d.getUint16(r);
          if (right < g) hi = mid - 1;
          else if (right > g) lo = mid + 1;
          else return xa < 0 ? 0 : d.getInt16(r + 2 + xa);
        }
        return null;
      },
    };
  }
  if (format === 2) {
    const cd1 = sub + d.getUint16(sub + 8);
    const cd2 = sub + d.getUint16(sub + 10);
    const class1Count = d.getUint16(sub + 12);
    const class2Count = d.getUint16(sub + 14);
    const recSize = size1 + size2;
    return {
      lookup(left, right) {
        if (coverageIndex(d, cov, left) < 0) return null;
        const c1 = classOf(d, cd1, left);
        const c2 = classOf(d, cd2, right);
        if (c1 >= class1Count || c2 >= class2Count) return null;
        if (xa < 0) return 0;
        return d.getInt16(sub + 16 + (c1 * class2Count + c2) * recSize + xa);
      },
    };
  }
  return null;
}
