/**
 * An 8-bit palette canvas. Cards are flat: a background, solid shapes and text, each text colour
 * drawn over one known backdrop colour. So instead of RGB compositing, every (foreground,
 * backdrop) pair gets a "ramp" of LEVELS palette entries blending one into the other, and a
 * coverage mask is drawn by moving pixels along their ramp. One byte per pixel keeps filling,
 * blitting and deflating fast, and the PNG small.
 */

import type { Mask } from './raster.ts';

/** Blend steps per ramp. 5 ramps x 48 levels + a few solids fit the 256-entry palette. */
export const LEVELS = 48;

/** COMBINE[level * 256 + coverage] = the ramp level after drawing `coverage` over `level`. */
const COMBINE = (() => {
  const t = new Uint8Array((LEVELS + 1) * 256);
  for (let l = 0; l <= LEVELS; l++) {
    for (let c = 0; c < 256; c++) {
      const a = 1 - (1 - l / LEVELS) * (1 - c / 255);
      t[l * 256 + c] = Math.round(a * LEVELS);
    }
  }
  return t;
})();

export interface Ramp {
  /** Palette index of each level, 0 = backdrop, LEVELS = foreground. */
  index: Uint8Array;
  /** Level of each palette index on this ramp, or 0 when the index is not on it. */
  levelOf: Uint8Array;
}

function mix(bg: number, fg: number, t: number): number {
  const ch = (s: number) => {
    const b = (bg >> s) & 255;
    const f = (fg >> s) & 255;
    return Math.round(b + (f - b) * t);
  };
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

export class IndexedCanvas {
  readonly width: number;
  readonly height: number;
  /** Rows of 1 + width bytes, the first byte of each being the PNG filter type (0). */
  readonly rows: Uint8Array;
  readonly palette: number[] = [];
  private readonly paletteIndex = new Map<number, number>();
  private readonly ramps = new Map<string, Ramp>();

  /**
   * `reuse`, when given, is a buffer of the right size to draw into instead of a new one: emptying
   * it is over ten times cheaper than allocating 750 KB for each card.
   */
  constructor(width: number, height: number, background: number, reuse?: Uint8Array) {
    this.width = width;
    this.height = height;
    const size = (width + 1) * height;
    // All zero: filter 0 and palette index 0 (the background).
    this.rows = reuse?.length === size ? reuse.fill(0) : new Uint8Array(size);
    this.color(background);
  }

  /** Palette index for a 0xRRGGBB colour (added if new). */
  color(rgb: number): number {
    let i = this.paletteIndex.get(rgb);
    if (i === undefined) {
      i = this.palette.length;
      if (i >= 256) throw new Error('cards: palette overflow');
      this.palette.push(rgb);
      this.paletteIndex.set(rgb, i);
    }
    return i;
  }

  ramp(fg: number, bg: number): Ramp {
    const key = `${fg}/${bg}`;
    let r = this.ramps.get(key);
    if (!r) {
      const index = new Uint8Array(LEVELS + 1);
      const levelOf = new Uint8Array(256);
      for (let l = 0; l <= LEVELS; l++) index[l] = this.color(mix(bg, fg, l / LEVELS));
      // Later levels win where two levels round to the same colour.
      for (let l = 0; l <= LEVELS; l++) levelOf[index[l]!] = l;
      r = { index, levelOf };
      this.ramps.set(key, r);
    }
    return r;
  }

  fillRect(x: number, y: number, w: number, h: number, rgb: number): void {
    const idx = this.color(rgb);
    const x0 = Math.max(0, x);
    const x1 = Math.min(this.width, x + w);
    const y0 = Math.max(0, y);
    const y1 = Math.min(this.height, y + h);
    if (x1 <= x0) return;
    const stride = this.width + 1;
    for (let yy = y0; yy < y1; yy++) this.rows.fill(idx, yy * stride + 1 + x0, yy * stride + 1 + x1);
  }

  /** Draw a coverage mask with its top-left at (x, y), blending along `ramp`. */
  drawMask(mask: Mask, x: number, y: number, ramp: Ramp): void {
    const stride = this.width + 1;
    const { width: mw, height: mh, data } = mask;
    const cx0 = Math.max(0, -x);
    const cx1 = Math.min(mw, this.width - x);
    const cy0 = Math.max(0, -y);
    const cy1 = Math.min(mh, this.height - y);
    const px = this.rows;
    const { index, levelOf } = ramp;
    for (let my = cy0; my < cy1; my++) {
      const src = my * mw;
      const dst = (y + my) * stride + 1 + x;
      for (let mx = cx0; mx < cx1; mx++) {
        const c = data[src + mx]!;
        if (c === 0) continue;
        const o = dst + mx;
        px[o] = index[c === 255 ? LEVELS : COMBINE[levelOf[px[o]!]! * 256 + c]!]!;
      }
    }
  }
}
