/**
 * Social cards, rendered on worker threads from the moment the content loader
 * hands over the list (src/lib/cards/card-jobs.ts), while it renders bodies
 * and Astro builds the pages, then copied into the output. Unchanged cards come straight from the disk cache. A card that
 * cannot show some characters of its text is named in a warning.
 */
import { copyFileSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { NO_CARD_JOBS, openCardHandoff } from '../lib/cards/card-jobs.ts';
import { renderCards, type CardResult } from '../lib/cards/pool.ts';

export function cards(): AstroIntegration {
  let command = '';
  let rendering: Promise<CardResult[]> | undefined;
  let started = 0;
  return {
    name: 'kb-cards',
    hooks: {
      'astro:config:setup': (options) => {
        command = options.command;
      },
      'astro:config:done': ({ config }) => {
        // Only a build draws cards; in dev the loader's list is dropped.
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        const cacheDir = fileURLToPath(config.cacheDir);
        openCardHandoff((jobs) => {
          started = performance.now();
          rendering = renderCards(jobs, { cacheDir: path.join(cacheDir, 'kb-cards'), projectRoot: root });
          // Awaited in build:done; a failure before then must not go unhandled.
          rendering.catch(() => {});
        });
      },
      'astro:build:start': () => {
        if (!rendering) throw new Error(NO_CARD_JOBS);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const results = await rendering!;
        const out = fileURLToPath(dir);
        for (const d of new Set(results.map((r) => path.dirname(path.join(out, r.path))))) mkdirSync(d, { recursive: true });
        for (const r of results) placeCard(r.file, path.join(out, r.path));
        for (const r of [...results].sort((a, b) => a.path.localeCompare(b.path))) if (r.warning) logger.warn(r.warning);
        const drawn = results.filter((r) => !r.hit).length;
        logger.info(`${results.length} cards (${drawn} drawn, ${results.length - drawn} from the cache) in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}

/**
 * Puts a cached card into the output as a second name for the same file: one system call where a
 * copy makes about nine and writes the bytes again (28 MB at 1,000 talks). The cache never changes
 * a file in place (it writes a new one and renames it), so the output's card cannot change under
 * it. Where the cache folder is on another file system, or hard links are not allowed, it is copied.
 */
function placeCard(cached: string, target: string): void {
  rmSync(target, { force: true });
  try {
    linkSync(cached, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
    copyFileSync(cached, target);
  }
}
