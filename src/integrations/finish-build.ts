/**
 * The last steps of a build, on the finished output: the link check (which
 * fails the build on a broken link) runs while Pagefind indexes on another
 * core, then the headers file is written.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildSearchIndex, stopSearchIndex } from '../lib/search-index.ts';
import { writeSecurityHeaders } from '../lib/security-headers.ts';
import { checkSiteLinks } from '../lib/site-links.ts';

export function finishBuild(opts: { contentDir: string }): AstroIntegration {
  let root = '';
  let origin = '';
  let base = '/';
  return {
    name: 'kb-finish-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        origin = new URL(config.site ?? 'http://localhost/').origin;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const indexing = buildSearchIndex(out);
        indexing.catch(() => {});
        try {
          logger.info(await checkSiteLinks({ out, root, contentDir: opts.contentDir, origin, base }));
        } catch (error) {
          await stopSearchIndex();
          throw error;
        }
        logger.info(await indexing);
        await writeSecurityHeaders(out);
      },
    },
  };
}
