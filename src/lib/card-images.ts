/**
 * Card images for the build: rendered through the disk cache, so an entry
 * whose card text has not changed is not drawn again on the next build.
 */
import path from 'node:path';
import { renderCardCached } from './cards/cache.ts';
import type { CardInput } from './cards/render.ts';

/** Outside the source tree and dist/, like every other build cache. */
export const CARD_CACHE_DIR = path.resolve('node_modules/.cache/kb-cards');

export async function cardResponse(input: CardInput): Promise<Response> {
  const { png } = await renderCardCached(input, CARD_CACHE_DIR);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
