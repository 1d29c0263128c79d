/**
 * Draws the site's icons from the SVG icon, the one source of the icon:
 * a 32 px PNG (for browsers without SVG icons), an .ico holding it (for
 * clients that ask for /favicon.ico without reading the page) and a
 * 180×180 apple-touch icon (opaque and square: iOS rounds the corners
 * itself). Chromium rasterises the SVG, as a browser would.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './browser.ts';

/** An .ico file holding one PNG image (supported by every browser since 2007). */
export function icoOf(png: Buffer, size: number): Buffer {
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

export interface SiteIcons {
  'favicon-32.png': Buffer;
  'favicon.ico': Buffer;
  'apple-touch-icon.png': Buffer;
}

/** The icons drawn from `svg`, whose background is its first <rect> with a fill colour. */
export async function drawSiteIcons(svg: string): Promise<SiteIcons> {
  const [, background] = /<rect[^>]*fill="(#[0-9a-f]{6})"/.exec(svg) ?? [];
  if (!background) throw new Error('public/favicon.svg: the background <rect> with a fill colour is missing');
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
    return { 'favicon-32.png': small, 'favicon.ico': icoOf(small, 32), 'apple-touch-icon.png': await draw(180, true) };
  } finally {
    await browser.close();
  }
}
