/**
 * The Pagefind index, written into the build output (never the source
 * tree). Only entry pages are indexed: they mark their content with
 * data-pagefind-body, so navigation and footers stay out of results.
 */
import { rm } from 'node:fs/promises';
import * as pagefind from 'pagefind';

/** Pagefind ships UIs the site does not use (it has its own, src/scripts/search.js). */
const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

/** Indexes the site in `out` (a directory path ending in /); returns a summary line. */
export async function buildSearchIndex(out: string): Promise<string> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Entry pages sit at /<section>/<id>/; skipping moment pages and cards saves parsing most files.
  const added = await index.addDirectory({ path: out, glob: '{*/*/index.html,index.html}' });
  if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: `${out}pagefind` });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await pagefind.close();
  await Promise.all(UNUSED.map((f) => rm(`${out}pagefind/${f}`, { force: true })));
  return `indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`;
}

/** Stops Pagefind, when another step failed while it was indexing. */
export const stopSearchIndex = () => pagefind.close();
