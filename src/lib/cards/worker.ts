/**
 * A card-rendering worker thread: renders (or finds in the cache) each card
 * it is given and answers with the cached PNG's path.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderCardCachedSync } from './cache.ts';
import { setCardFontDir, type CardInput } from './render.ts';

const { cacheDir, fontDir, jobs } = workerData as { cacheDir: string; fontDir: string; jobs: Array<{ path: string; input: CardInput }> };
setCardFontDir(fontDir);
const files: Array<{ path: string; file: string; hit: boolean }> = [];
for (const job of jobs) {
  const { file, hit } = renderCardCachedSync(job.input, cacheDir);
  files.push({ path: job.path, file, hit });
}
parentPort!.postMessage(files);
