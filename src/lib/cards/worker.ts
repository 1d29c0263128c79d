/**
 * A card-rendering worker thread: renders (or finds in the cache) each card
 * it is given and answers with the cached PNG's path, and with a warning for
 * a card that cannot show all its text (on every build, not only when drawn).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { renderCardCachedSync } from './cache.ts';
import { cardGaps, formatCardGaps } from './gaps.ts';
import type { CardJob, CardResult } from './pool.ts';
import { setCardFontDir } from './render.ts';

const { cacheDir, fontDir, jobs } = workerData as { cacheDir: string; fontDir: string; jobs: CardJob[] };
setCardFontDir(fontDir);
const results: CardResult[] = [];
for (const job of jobs) {
  const { file, hit } = renderCardCachedSync(job.input, cacheDir);
  const gaps = cardGaps(job.input);
  results.push({ path: job.path, file, hit, ...(gaps.length ? { warning: formatCardGaps(job.source ?? job.path, job.input, gaps) } : {}) });
}
parentPort!.postMessage(results);
