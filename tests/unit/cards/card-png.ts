/**
 * Reading card PNGs in tests: a strict decoder for the renderer's 8-bit palette images (it
 * checks every CRC and row filter) and a count of inked pixels.
 */
import assert from 'node:assert/strict';
import { crc32, inflateSync } from 'node:zlib';

export interface Decoded {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  chunkTypes: string[];
  palette: number[];
  /** Palette index of each pixel, row-major. */
  pixels: Uint8Array;
}

/** A strict little PNG reader for 8-bit palette images: checks every CRC and the row filters. */
export function decode(png: Buffer): Decoded {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  let ihdr: Buffer | null = null;
  let plte: Buffer | null = null;
  let off = 8;
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString('latin1', off + 4, off + 8);
    const data = png.subarray(off + 8, off + 8 + len);
    assert.equal(png.readUInt32BE(off + 8 + len), crc32(png.subarray(off + 4, off + 8 + len)), `CRC of ${type}`);
    chunkTypes.push(type);
    if (type === 'IHDR') ihdr = data;
    if (type === 'PLTE') plte = data;
    if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  assert.equal(off, png.length, 'no trailing bytes');
  assert.ok(ihdr && plte, 'IHDR and PLTE present');
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const palette: number[] = [];
  for (let i = 0; i < plte.length; i += 3) palette.push((plte[i]! << 16) | (plte[i + 1]! << 8) | plte[i + 2]!);
  const raw = inflateSync(Buffer.concat(idat));
  assert.equal(raw.length, (width + 1) * height, 'decompressed size');
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    assert.equal(raw[y * (width + 1)], 0, 'filter type none');
    pixels.set(raw.subarray(y * (width + 1) + 1, (y + 1) * (width + 1)), y * width);
  }
  for (const p of pixels) assert.ok(p < palette.length, 'pixel index inside the palette');
  return { width, height, bitDepth: ihdr[8]!, colorType: ihdr[9]!, chunkTypes, palette, pixels };
}

/** How many pixels in a rectangle differ from the background (the colour of the bottom-left pixel). */
export function inkedPixels(d: Decoded, x0: number, y0: number, x1: number, y1: number): number {
  const bg = d.pixels[d.width * (d.height - 1)]!;
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (d.pixels[y * d.width + x] !== bg) n++;
  return n;
}

