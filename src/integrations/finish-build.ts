/**
 * The steps around Astro's build. Before it: the output folder is prepared
 * for reuse (src/lib/build/output-folder.ts). After it, on the finished output: files
 * of the last build that this one did not generate go, the link check (which
 * fails the build on a broken link) runs while Pagefind indexes on another
 * core, the headers file is written, and the folder is recorded as reusable.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { OutputFolder } from '../lib/build/output-folder.ts';
import { buildSearchIndex, stopSearchIndex } from '../lib/build/search-index.ts';
import { buildTranscriptIndex } from '../lib/build/transcript-index.ts';
import { writeSecurityHeaders } from '../lib/build/security-headers.ts';
import { checkSiteLinks } from '../lib/build/link-check/check-built-site.ts';

export function finishBuild(opts: { contentDir: string }): AstroIntegration {
  let root = '';
  let cacheDir = '';
  let origin = '';
  let base = '/';
  let output: OutputFolder;
  return {
    name: 'kb-finish-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
        origin = new URL(config.site ?? 'http://localhost/').origin;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        output = new OutputFolder(path.resolve(fileURLToPath(config.outDir)), cacheDir);
      },
      'astro:build:start': async ({ logger }) => {
        logger.info(await output.prepare());
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const out = fileURLToPath(dir);
        const generated = new Set([...assets.values()].flat().map((url) => path.relative(out, fileURLToPath(url)).split(path.sep).join('/')));
        const gone = await output.prune(generated);
        if (gone.length) logger.info(`removed ${gone.length} files the last build generated and this one did not`);
        const indexing = buildSearchIndex(out);
        indexing.catch(() => {});
        try {
          logger.info(await checkSiteLinks({ out, root, cacheDir, contentDir: opts.contentDir, origin, base }));
        } catch (error) {
          await stopSearchIndex();
          throw error;
        }
        logger.info(await indexing);
        logger.info(await buildTranscriptIndex(out));
        await writeSecurityHeaders(out);
        output.record();
      },
    },
  };
}
