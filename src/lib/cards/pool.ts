/**
 * Renders many cards on every core: the jobs are split across worker
 * threads, each going through the disk cache, so only changed cards cost
 * anything.
 */
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CardInput } from './render.ts';

export interface CardJob {
  /** Site path the card is published at, like /cards/talks/x.png. */
  path: string;
  input: CardInput;
  /** The content file whose card this is, named in warnings (site and index cards have none). */
  source?: string;
}

export interface CardResult {
  path: string;
  /** The PNG in the cache. */
  file: string;
  hit: boolean;
  /** Set when the card cannot show some of its text (see gaps.ts), cached or not. */
  warning?: string;
}

export async function renderCards(jobs: readonly CardJob[], opts: { cacheDir: string; projectRoot: string; threads?: number }): Promise<CardResult[]> {
  // One core stays with the main thread, which is rendering pages meanwhile.
  const threads = Math.max(1, Math.min(opts.threads ?? os.availableParallelism() - 1, Math.ceil(jobs.length / 50)));
  const chunks = Array.from({ length: threads }, (_, i) => jobs.filter((_, j) => j % threads === i));
  // The worker is run from its source file by path: config loaders may have bundled this module elsewhere.
  const script = path.join(opts.projectRoot, 'src/lib/cards/worker.ts');
  const fontDir = path.join(opts.projectRoot, 'assets/fonts');
  const parts = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<CardResult[]>((resolve, reject) => {
          const worker = new Worker(script, { workerData: { cacheDir: opts.cacheDir, fontDir, jobs: chunk } });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`card worker exited with ${code}`)));
        }),
    ),
  );
  return parts.flat();
}
