/**
 * A disk cache for card PNGs, so a build re-renders only the cards whose input changed.
 *
 * The key is a SHA-256 of the card input and of what decides how it looks: the renderer's code,
 * every font it may use, the versions of the libraries it uses, and the Unicode and ICU
 * versions of the JavaScript engine (grapheme clusters, character properties and Thai word
 * breaks come from them). Changing any of them invalidates every card.
 * Files are written atomically (temp file + rename), so parallel builds sharing a cache
 * directory never see a half-written PNG.
 */

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeHash } from '../build/code-hash.ts';
import { fontFingerprintFiles } from './fonts.ts';
import { cardFontDir, renderCard, type CardInput } from './render.ts';

export interface CachedCard {
  png: Buffer;
  /** True when the PNG came from the cache and nothing was rendered. */
  hit: boolean;
  /** The cache key (hex SHA-256), also the file name without `.png`. */
  key: string;
  /** Path of the cached PNG. */
  file: string;
}

export interface CardCacheOptions {
  /** Renderer to call on a miss (tests inject a counting one). Defaults to renderCard. */
  render?: (input: CardInput) => Buffer;
}

let renderer: { fonts: string; hash: string } | null = null;

/** Hash of the card renderer's code (this folder), fonts and libraries, computed once per process. */
function rendererHash(): string {
  const fonts = cardFontDir();
  if (renderer?.fonts !== fonts) {
    const code = codeHash(path.dirname(fileURLToPath(import.meta.url)), fontFingerprintFiles(fonts));
    renderer = { fonts, hash: `${code}/unicode ${process.versions.unicode}/icu ${process.versions.icu}` };
  }
  return renderer.hash;
}

/** The cache key of a card: same input, renderer code and fonts give the same key. */
export function cardCacheKey(input: CardInput): string {
  // Fields listed explicitly, so key order and extra properties on the object do not matter.
  const fields = [input.kind, input.title, input.subtitle ?? '', input.detail ?? '', input.site, input.accent ?? ''];
  return createHash('sha256')
    .update(JSON.stringify({ renderer: rendererHash(), card: fields }))
    .digest('hex');
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function looksLikePng(b: Buffer): boolean {
  return b.length > 64 && b.subarray(0, 8).equals(PNG_SIGNATURE) && b.subarray(-8, -4).toString('latin1') === 'IEND';
}

let tmpCounter = 0;
function tmpName(file: string): string {
  return `${file}.${process.pid}.${++tmpCounter}.tmp`;
}

/** Cached PNG for `input`, rendering and storing it under `cacheDir` on a miss. */
export async function renderCardCached(input: CardInput, cacheDir: string, options: CardCacheOptions = {}): Promise<CachedCard> {
  const key = cardCacheKey(input);
  const file = path.join(cacheDir, `${key}.png`);
  try {
    const png = await readFile(file);
    if (looksLikePng(png)) return { png, hit: true, key, file };
  } catch {
    // Missing or unreadable: render below.
  }
  const png = (options.render ?? renderCard)(input);
  await mkdir(cacheDir, { recursive: true });
  const tmp = tmpName(file);
  await writeFile(tmp, png);
  await rename(tmp, file);
  return { png, hit: false, key, file };
}

/** Synchronous twin of renderCardCached. */
export function renderCardCachedSync(input: CardInput, cacheDir: string, options: CardCacheOptions = {}): CachedCard {
  const key = cardCacheKey(input);
  const file = path.join(cacheDir, `${key}.png`);
  try {
    const png = readFileSync(file);
    if (looksLikePng(png)) return { png, hit: true, key, file };
  } catch {
    // Missing or unreadable: render below.
  }
  const png = (options.render ?? renderCard)(input);
  mkdirSync(cacheDir, { recursive: true });
  const tmp = tmpName(file);
  writeFileSync(tmp, png);
  renameSync(tmp, file);
  return { png, hit: false, key, file };
}
