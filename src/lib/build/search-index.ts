/**
 * The Pagefind index, written into the build output (never the source
 * tree). Only entry pages are indexed: they mark their content with
 * data-pagefind-body, so navigation and footers stay out of results.
 *
 * The newest-first order is a file of its own (pagefind/newest.json), not a
 * Pagefind sort: a sort lives in the metadata every first search downloads
 * (13 KB at 5,000 entries), while only the search page's "newest first"
 * needs it. So is the site's word list (pagefind/words/, ./search-words.ts),
 * loaded only when a query's word is not a word of the site.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { forEachLimited } from './concurrency.ts';
import { siteWordFiles, siteWords } from './search-words.ts';

/** Pagefind ships UIs the site does not use (it has its own, src/scripts/search.js). */
export const UNUSED = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js'];

/**
 * How many word locations Pagefind puts in one index chunk. A search fetches
 * the chunks its words fall in, and every search fetches the list of chunks
 * (in the metadata). At 5,000 entries, Pagefind's default of 20,000 makes
 * 120 chunks, and "feature store" fetches 35.1 KB of them; 2,500 makes 469
 * chunks and 18.6 KB, for 4.1 KB more metadata (35.2 → 39.3 KB). Smaller
 * still (1,000: 16.8 KB of chunks, 41.6 KB of metadata) costs more in
 * metadata than it saves; a word on most pages ("data", 27 KB) is one chunk
 * whatever the size.
 */
export const INDEX_CHUNK_SIZE = 2500;

/**
 * Starts a Pagefind service that writes chunks of INDEX_CHUNK_SIZE: Pagefind
 * 1.6 reads the size only from its environment (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE),
 * and the service inherits this process's when it starts.
 */
export async function createPagefindIndex(chunkSize = INDEX_CHUNK_SIZE): Promise<pagefind.PagefindIndex> {
  await pagefind.close();
  const before = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunkSize);
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    return index;
  } finally {
    if (before === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = before;
  }
}

/** Indexes the site in `out` (a directory path ending in /); returns a summary line. */
export async function buildSearchIndex(out: string): Promise<string> {
  const started = performance.now();
  const index = await createPagefindIndex();
  // Entry pages sit at /<section>/<id>/; skipping moment pages and cards saves parsing most files.
  const added = await index.addDirectory({ path: out, glob: '{*/*/index.html,index.html}' });
  if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: `${out}pagefind` });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await pagefind.close();
  await Promise.all(UNUSED.map((f) => rm(`${out}pagefind/${f}`, { force: true })));
  const fragments = await readFragments(`${out}pagefind/fragment/`);
  await writeFile(`${out}pagefind/newest.json`, JSON.stringify(newestFirst(updatedDates(fragments))));
  await mkdir(`${out}pagefind/words`, { recursive: true });
  await Promise.all([...siteWordFiles(siteWords(fragments))].map(([name, text]) => writeFile(`${out}pagefind/words/${name}.json`, text)));
  return `indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`;
}

/** What Pagefind stored of a page (a fragment); `id` is the result id the browser sees (`en_1a2b3c4`). */
export interface Fragment {
  id: string;
  url: string;
  content: string;
  meta: Record<string, string>;
}

const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** Every fragment in a Pagefind bundle's `fragment/` folder. */
export async function readFragments(dir: string): Promise<Fragment[]> {
  const fragments: Fragment[] = [];
  const files = (await readdir(dir)).filter((f) => f.endsWith('.pf_fragment'));
  await forEachLimited(files, async (f) => {
    // A fragment is gzip of the signature "pagefind_dcd" followed by the page's JSON (Pagefind 1.6, pinned in package.json).
    const text = gunzipSync(await readFile(path.join(dir, f))).toString('utf8');
    if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`${f} does not start with "${FRAGMENT_SIGNATURE}": Pagefind's fragment format changed; update readFragments for the new version`);
    fragments.push({ id: f.slice(0, -'.pf_fragment'.length), ...(JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as Omit<Fragment, 'id'>) });
  });
  return fragments;
}

/** Each page's id with the date it was updated. */
function updatedDates(fragments: readonly Fragment[]): Array<[string, string]> {
  return fragments.map((f) => {
    if (!f.meta.updated) throw new Error(`Pagefind indexed ${f.url}, which has no "updated" meta`);
    return [f.id, f.meta.updated];
  });
}

/** Page ids, newest first; ties in id order, so the file is the same for the same site. */
export function newestFirst(pages: ReadonlyArray<readonly [string, string]>): string[] {
  return [...pages].sort((a, b) => b[1].localeCompare(a[1]) || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
}

/** Stops Pagefind, when another step failed while it was indexing. */
export const stopSearchIndex = () => pagefind.close();
