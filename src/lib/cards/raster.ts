/**
 * Anti-aliased scan conversion of outlines into 8-bit coverage masks.
 *
 * Exact-area coverage by signed-area accumulation (the technique of font-rs / stb_truetype v2):
 * every edge adds its signed area to the cells it crosses, and a running sum along each row gives
 * each pixel's coverage. Non-zero winding is approximated by clamping |sum| to 1, which is exact
 * for well-formed glyph outlines and for overlapping contours of the same direction.
 */

import { CUBIC, LINE, MOVE, QUAD, type CardFont, type Outline } from './font.ts';

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

/** How many straight segments a curve needs, from the square of its control polygon's bend: one when it is nearly straight. */
const flatteningSteps = (devsq: number) => (devsq < 0.333 ? 1 : 1 + Math.floor(Math.sqrt(Math.sqrt(3 * devsq))));

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
    const n = flatteningSteps(devx * devx + devy * devy);
    for (let i = 1; i <= n; i++) {
      const t = i / n;
      const mt = 1 - t;
      this.lineTo(mt * mt * x0 + 2 * mt * t * cx + t * t * x, mt * mt * y0 + 2 * mt * t * cy + t * t * y);
    }
  }

  cubicTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void {
    const x0 = this.x;
    const y0 = this.y;
    // Flattened into as many lines as the larger of the two control-polygon bends asks for.
    const ddx = Math.max(Math.abs(x0 - 2 * c1x + c2x), Math.abs(c1x - 2 * c2x + x));
    const ddy = Math.max(Math.abs(y0 - 2 * c1y + c2y), Math.abs(c1y - 2 * c2y + y));
    const n = flatteningSteps(ddx * ddx + ddy * ddy);
    for (let i = 1; i <= n; i++) {
      const t = i / n;
      const mt = 1 - t;
      const a = mt * mt * mt;
      const b = 3 * mt * mt * t;
      const c = 3 * mt * t * t;
      const e = t * t * t;
      this.lineTo(a * x0 + b * c1x + c * c2x + e * x, a * y0 + b * c1y + c * c2y + e * y);
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

/** Replay an outline (font units, y up) into the rasteriser, scaled and moved to pixel space (y down). */
function traceOutline(r: Rasterizer, o: Outline, scale: number, ox: number, oy: number): void {
  const X = (v: number) => ox + v * scale;
  const Y = (v: number) => oy - v * scale;
  for (let i = 0; i < o.length; ) {
    switch (o[i]) {
      case MOVE:
        r.close();
        r.moveTo(X(o[i + 1]!), Y(o[i + 2]!));
        i += 3;
        break;
      case LINE:
        r.lineTo(X(o[i + 1]!), Y(o[i + 2]!));
        i += 3;
        break;
      case QUAD:
        r.quadTo(X(o[i + 1]!), Y(o[i + 2]!), X(o[i + 3]!), Y(o[i + 4]!));
        i += 5;
        break;
      case CUBIC:
        r.cubicTo(X(o[i + 1]!), Y(o[i + 2]!), X(o[i + 3]!), Y(o[i + 4]!), X(o[i + 5]!), Y(o[i + 6]!));
        i += 7;
        break;
      default: // CLOSE
        r.close();
        i += 1;
    }
  }
  r.close();
}

/** Render one glyph at `sizePx`, with the pen at horizontal sub-pixel offset `subX` (0..1). */
export function rasterizeGlyph(font: CardFont, glyph: number, sizePx: number, subX: number, curve?: Uint8Array): Mask {
  const outline = font.outline(glyph);
  if (!outline.length) return EMPTY_MASK;
  const scale = sizePx / font.unitsPerEm;
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < outline.length; ) {
    const op = outline[i]!;
    const n = op === MOVE || op === LINE ? 2 : op === QUAD ? 4 : op === CUBIC ? 6 : 0;
    for (let k = i + 1; k < i + 1 + n; k += 2) {
      const x = outline[k]!;
      const y = outline[k + 1]!;
      if (x < xMin) xMin = x;
      if (x > xMax) xMax = x;
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
    }
    i += 1 + n;
  }
  if (xMin > xMax) return EMPTY_MASK;
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
