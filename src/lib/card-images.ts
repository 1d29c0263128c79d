/**
 * Card images for the build: rendered through the disk cache, so an entry
 * whose card text has not changed is not drawn again on the next build.
 */
import path from 'node:path';
import { renderCardCached } from './cards/cache.ts';
import type { CardInput } from './cards/render.ts';

/** Beside Astro's own cache (KB_CACHE_DIR, or node_modules/.astro), outside the source tree and dist/. */
export const CARD_CACHE_DIR = path.resolve(process.env.KB_CACHE_DIR ?? 'node_modules/.astro', 'kb-cards');

export async function cardResponse(input: CardInput): Promise<Response> {
  const { png } = await renderCardCached(input, CARD_CACHE_DIR);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
