/**
 * Draws the site's icons from public/favicon.svg, the one source of the
 * icon: favicon-32.png (for browsers without SVG icons), favicon.ico (for
 * clients that ask for /favicon.ico without reading the page) and
 * apple-touch-icon.png (180×180, opaque and square: iOS rounds the corners
 * itself). Chromium rasterises the SVG, as a browser would; the PNGs are
 * committed, so builds never run this. Run it after changing the SVG:
 *
 *   node scripts/site-icons.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../tools/browser.ts';

const publicDir = path.resolve(import.meta.dirname, '../public');
const svg = readFileSync(path.join(publicDir, 'favicon.svg'), 'utf8');
const [, background] = /<rect[^>]*fill="(#[0-9a-f]{6})"/.exec(svg) ?? [];
if (!background) throw new Error('public/favicon.svg: the background <rect> with a fill colour is missing');

/** An .ico file holding one PNG image (supported by every browser since 2007). */
function icoOf(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6);
  header.writeUInt8(size, 7);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(22, 18); // offset of the image
  return Buffer.concat([header, png]);
}

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  const draw = async (size: number, square: boolean) => {
    await page.setViewportSize({ width: size, height: size });
    const body = square ? svg.replace(/ rx="[\d.]+"/, '') : svg;
    const sized = body.replace(/<svg ([^>]*?)width="\d+" height="\d+"/, `<svg $1width="${size}" height="${size}" style="display:block"`);
    await page.setContent(`<html><body style="margin:0;background:${square ? background : 'transparent'}">${sized}</body></html>`);
    return page.screenshot({ omitBackground: !square, type: 'png' });
  };
  const small = await draw(32, false);
  writeFileSync(path.join(publicDir, 'favicon-32.png'), small);
  writeFileSync(path.join(publicDir, 'favicon.ico'), icoOf(small, 32));
  writeFileSync(path.join(publicDir, 'apple-touch-icon.png'), await draw(180, true));
  console.log('wrote favicon-32.png, favicon.ico and apple-touch-icon.png in public/');
} finally {
  await browser.close();
}
