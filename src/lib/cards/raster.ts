/**
 * Anti-aliased scan conversion of outlines into 8-bit coverage masks.
 *
 * Exact-area coverage by signed-area accumulation (the technique of font-rs / stb_truetype v2):
 * every edge adds its signed area to the cells it crosses, and a running sum along each row gives
 * each pixel's coverage. Non-zero winding is approximated by clamping |sum| to 1, which is exact
 * for well-formed glyph outlines and for overlapping contours of the same direction.
 */

import type { GlyphOutline, TrueTypeFont } from './font.ts';

export interface Mask {
  /** Offset of the mask's top-left pixel from the pen position (x) and the baseline (y). */
  left: number;
  top: number;
  width: number;
  height: number;
  /** Coverage 0..255, row-major, `width` bytes per row. */
  data: Uint8Array;
}

const EMPTY_MASK: Mask = { left: 0, top: 0, width: 0, height: 0, data: new Uint8Array(0) };

export class Rasterizer {
  readonly width: number;
  readonly height: number;
  private readonly acc: Float32Array;
  private x = 0;
  private y = 0;
  private sx = 0;
  private sy = 0;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    // One spare cell per row (the accumulation spills one pixel right) and a spare row.
    this.acc = new Float32Array((width + 2) * (height + 1));
  }

  moveTo(x: number, y: number): void {
    this.x = this.sx = x;
    this.y = this.sy = y;
  }

  lineTo(x: number, y: number): void {
    this.edge(this.x, this.y, x, y);
    this.x = x;
    this.y = y;
  }

  quadTo(cx: number, cy: number, x: number, y: number): void {
    const x0 = this.x;
    const y0 = this.y;
    const devx = x0 - 2 * cx + x;
    const devy = y0 - 2 * cy + y;
    const devsq = devx * devx + devy * devy;
    if (devsq < 0.333) {
      this.lineTo(x, y);
      return;
    }
    const n = 1 + Math.floor(Math.sqrt(Math.sqrt(3 * devsq)));
    for (let i = 1; i <= n; i++) {
      const t = i / n;
      const mt = 1 - t;
      this.lineTo(mt * mt * x0 + 2 * mt * t * cx + t * t * x, mt * mt * y0 + 2 * mt * t * cy + t * t * y);
    }
  }

  close(): void {
    if (this.x !== this.sx || this.y !== this.sy) this.lineTo(this.sx, this.sy);
  }

  private edge(x0: number, y0: number, x1: number, y1: number): void {
    if (y0 === y1) return;
    const stride = this.width + 2;
    const a = this.acc;
    let dir = 1;
    if (y0 > y1) {
      dir = -1;
      let t = x0;
      x0 = x1;
      x1 = t;
      t = y0;
      y0 = y1;
      y1 = t;
    }
    const dxdy = (x1 - x0) / (y1 - y0);
    let x = x0;
    if (y0 < 0) x -= y0 * dxdy;
    const yStart = Math.max(0, Math.floor(y0));
    const yEnd = Math.min(this.height, Math.ceil(y1));
    for (let yi = yStart; yi < yEnd; yi++) {
      const row = yi * stride;
      const dy = Math.min(yi + 1, y1) - Math.max(yi, y0);
      const xnext = x + dxdy * dy;
      const d = dy * dir;
      const xa = x < xnext ? x : xnext;
      const xb = x < xnext ? xnext : x;
      const xaFloor = Math.floor(xa);
      const xai = xaFloor;
      const xbCeil = Math.ceil(xb);
      const xbi = xbCeil;
      if (xai < 0) {
        // Outlines are placed with a margin, so this never happens for glyphs.
        x = xnext;
        continue;
      }
      if (xbi <= xai + 1) {
        const xmf = 0.5 * (x + xnext) - xaFloor;
        a[row + xai] = a[row + xai]! + (d - d * xmf);
        a[row + xai + 1] = a[row + xai + 1]! + d * xmf;
      } else {
        const s = 1 / (xb - xa);
        const xaf = xa - xaFloor;
        const a0 = 0.5 * s * (1 - xaf) * (1 - xaf);
        const xbf = xb - xbCeil + 1;
        const am = 0.5 * s * xbf * xbf;
        a[row + xai] = a[row + xai]! + d * a0;
        if (xbi === xai + 2) {
          a[row + xai + 1] = a[row + xai + 1]! + d * (1 - a0 - am);
        } else {
          const a1 = s * (1.5 - xaf);
          a[row + xai + 1] = a[row + xai + 1]! + d * (a1 - a0);
          for (let xi = xai + 2; xi < xbi - 1; xi++) a[row + xi] = a[row + xi]! + d * s;
          const a2 = a1 + (xbi - xai - 3) * s;
          a[row + xbi - 1] = a[row + xbi - 1]! + d * (1 - a2 - am);
        }
        a[row + xbi] = a[row + xbi]! + d * am;
      }
      x = xnext;
    }
  }

  /** Coverage mask (0..255) through an optional tone curve. */
  coverage(curve?: Uint8Array): Uint8Array {
    const w = this.width;
    const stride = w + 2;
    const out = new Uint8Array(w * this.height);
    for (let y = 0; y < this.height; y++) {
      let sum = 0;
      const row = y * stride;
      for (let x = 0; x < w; x++) {
        sum += this.acc[row + x]!;
        let c = sum < 0 ? -sum : sum;
        if (c > 1) c = 1;
        const v = Math.round(c * 255);
        out[y * w + x] = curve ? curve[v]! : v;
      }
    }
    return out;
  }
}

/** Trace a TrueType outline (quadratic, with implied on-curve midpoints) into the rasteriser. */
function traceOutline(r: Rasterizer, outline: GlyphOutline, scale: number, ox: number, oy: number): void {
  for (const c of outline.contours) {
    const n = c.xs.length;
    if (n < 2) continue;
    const px = (i: number) => ox + c.xs[i]! * scale;
    const py = (i: number) => oy - c.ys[i]! * scale;
    let startX: number;
    let startY: number;
    let from = 0;
    let to = n;
    if (c.onCurve[0]) {
      startX = px(0);
      startY = py(0);
      from = 1;
    } else if (c.onCurve[n - 1]) {
      startX = px(n - 1);
      startY = py(n - 1);
      to = n - 1;
    } else {
      startX = (px(0) + px(n - 1)) / 2;
      startY = (py(0) + py(n - 1)) / 2;
    }
    r.moveTo(startX, startY);
    let pending = false;
    let qx = 0;
    let qy = 0;
    for (let i = from; i < to; i++) {
      const x = px(i);
      const y = py(i);
      if (c.onCurve[i]) {
        if (pending) r.quadTo(qx, qy, x, y);
        else r.lineTo(x, y);
        pending = false;
      } else {
        if (pending) r.quadTo(qx, qy, (qx + x) / 2, (qy + y) / 2);
        qx = x;
        qy = y;
        pending = true;
      }
    }
    if (pending) r.quadTo(qx, qy, startX, startY);
    else r.lineTo(startX, startY);
    r.close();
  }
}

/** Render one glyph at `sizePx`, with the pen at horizontal sub-pixel offset `subX` (0..1). */
export function rasterizeGlyph(font: TrueTypeFont, glyph: number, sizePx: number, subX: number, curve?: Uint8Array): Mask {
  const outline = font.outline(glyph);
  if (!outline.contours.length) return EMPTY_MASK;
  const scale = sizePx / font.unitsPerEm;
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const c of outline.contours) {
    for (let i = 0; i < c.xs.length; i++) {
      const x = c.xs[i]!;
      const y = c.ys[i]!;
      if (x < xMin) xMin = x;
      if (x > xMax) xMax = x;
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
    }
  }
  // Control points bound the curve, so this box holds the whole glyph.
  const left = Math.floor(xMin * scale + subX) - 1;
  const right = Math.ceil(xMax * scale + subX) + 1;
  const top = Math.floor(-yMax * scale) - 1;
  const bottom = Math.ceil(-yMin * scale) + 1;
  const width = right - left;
  const height = bottom - top;
  const r = new Rasterizer(width, height);
  traceOutline(r, outline, scale, subX - left, -top);
  return { left, top, width, height, data: r.coverage(curve) };
}

/** A filled rounded rectangle as a coverage mask positioned at (0, 0). */
export function rasterizeRoundedRect(width: number, height: number, radius: number): Mask {
  const r = new Rasterizer(width, height);
  const rad = Math.min(radius, width / 2, height / 2);
  const steps = 12;
  // Corner centres, clockwise from top-right (y down), each swept through a quarter turn.
  const corners: [number, number, number][] = [
    [width - rad, rad, -Math.PI / 2],
    [width - rad, height - rad, 0],
    [rad, height - rad, Math.PI / 2],
    [rad, rad, Math.PI],
  ];
  r.moveTo(rad, 0);
  for (const [cx, cy, a0] of corners) {
    for (let i = 0; i <= steps; i++) {
      const a = a0 + (i / steps) * (Math.PI / 2);
      r.lineTo(cx + rad * Math.cos(a), cy + rad * Math.sin(a));
    }
  }
  r.close();
  return { left: 0, top: 0, width, height, data: r.coverage() };
}
