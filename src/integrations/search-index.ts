/**
 * Builds the Pagefind index as the last step of `astro build`, into the
 * build output (never the source tree). Only entry pages are indexed: they
 * mark their content with data-pagefind-body, so navigation and footers stay
 * out of results.
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

export function searchIndex(): AstroIntegration {
  return {
    name: 'kb-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        // Only entry pages carry data-pagefind-body; skipping moment pages and cards saves parsing most files.
        const added = await index.addDirectory({ path: site, glob: '{*/*/index.html,index.html}' });
        if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site}pagefind` });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        // The site has its own search UI (src/scripts/search.js); Pagefind's bundled UIs are never loaded.
        await Promise.all(UNUSED.map((f) => rm(`${site}pagefind/${f}`, { force: true })));
        logger.info(`indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
