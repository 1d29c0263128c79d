/**
 * Social cards, rendered on worker threads while Astro builds the pages
 * (from the list the content loader hands over: src/lib/cards/card-jobs.ts),
 * then copied into the output. Unchanged cards come straight from the disk cache. A card that
 * cannot show some characters of its text is named in a warning.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { openCardHandoff, takeCardJobs } from '../lib/cards/card-jobs.ts';
import { renderCards, type CardResult } from '../lib/cards/pool.ts';
import { forEachLimited } from '../lib/build/concurrency.ts';

export function cards(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  let rendering: Promise<CardResult[]> | undefined;
  let started = 0;
  return {
    name: 'kb-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
        openCardHandoff();
      },
      'astro:build:start': () => {
        started = performance.now();
        rendering = renderCards(takeCardJobs(), { cacheDir: path.join(cacheDir, 'kb-cards'), projectRoot: root });
        // Awaited in build:done; a failure before then must not go unhandled.
        rendering.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const results = await rendering!;
        const out = fileURLToPath(dir);
        const dirs = new Set(results.map((r) => path.dirname(path.join(out, r.path))));
        await forEachLimited([...dirs], (d) => mkdir(d, { recursive: true }).then(() => undefined));
        await forEachLimited(results, (r) => copyFile(r.file, path.join(out, r.path)));
        for (const r of [...results].sort((a, b) => a.path.localeCompare(b.path))) if (r.warning) logger.warn(r.warning);
        const drawn = results.filter((r) => !r.hit).length;
        logger.info(`${results.length} cards (${drawn} drawn, ${results.length - drawn} from the cache) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
