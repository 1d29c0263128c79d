/**
 * The search index of what was said: a Pagefind bundle of its own
 * (pagefind/said/), holding each talk's transcript, searched only when a
 * search asks for it (src/scripts/search.js).
 *
 * Not in the main index, because every first search would pay for it. Measured
 * with transcripts on all 180 talks of a 1,000-entry corpus, in the main index:
 * "feature store" 102.6 → 117 KB (index chunks 7.1 → 17.5 KB: the words are said
 * dozens of times in each talk), the corpus's most common word 109 → 248 KB
 * (a result's fragment holds its page's whole text, 17 KB gzip for an hour of
 * talk, and the panel loads five). Kept apart, a first search costs what it
 * did without transcripts; a search of what was said pays for its own bundle.
 *
 * Each talk is one record: its title and its transcript, each line a heading
 * with the line's anchor (t-<second>), so Pagefind's sub-results are lines.
 * The records are cut from the built talk pages, so the index holds exactly
 * what the pages show.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { createPagefindIndex, UNUSED } from './search-index.ts';

/** The transcript section transcriptHtml (src/lib/rendering/transcript-html.ts) writes; its text is escaped, so it holds no other </section>. */
const SECTION = /<section aria-labelledby="transcript" data-pagefind-ignore="all">(.*?)<\/section>/s;
const TITLE = /<h1[^>]*>(.*?)<\/h1>/s;

/** The folder of the bundle, under the main one. */
export const SAID_BUNDLE = 'pagefind/said';

/** A record for the index: the talk's title and transcript, as a page of their own. */
export function transcriptRecord(talkPage: string): string | undefined {
  const section = SECTION.exec(talkPage)?.[1];
  const title = TITLE.exec(talkPage)?.[1];
  if (section === undefined || title === undefined) return undefined;
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body data-pagefind-meta="type:Talk"><h1>${title}</h1>${section}</main></body></html>`;
}

/** Indexes the transcripts of the talk pages in `out` (ending in /); returns a summary line. */
export async function buildTranscriptIndex(out: string): Promise<string> {
  const started = performance.now();
  await rm(`${out}${SAID_BUNDLE}`, { recursive: true, force: true });
  const talks = (await readdir(`${out}talks`, { withFileTypes: true })).filter((d) => d.isDirectory() && d.name !== 'page').map((d) => d.name);
  const records: Array<{ url: string; content: string }> = [];
  for (const id of talks) {
    // Every folder under talks/ but page/ is a talk's (or a renamed talk's redirect): each has its index.html.
    const content = transcriptRecord(await readFile(path.join(out, 'talks', id, 'index.html'), 'utf8'));
    if (content) records.push({ url: `/talks/${id}/`, content });
  }
  if (records.length === 0) return 'no transcripts to index';
  const index = await createPagefindIndex();
  for (const r of records) {
    const added = await index.addHTMLFile(r);
    if (added.errors.length) throw new Error(`Pagefind could not index the transcript of ${r.url}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: `${out}${SAID_BUNDLE}` });
  if (written.errors.length) throw new Error(`Pagefind could not write the transcript index: ${written.errors.join('; ')}`);
  await pagefind.close();
  await Promise.all(UNUSED.map((f) => rm(`${out}${SAID_BUNDLE}/${f}`, { force: true })));
  return `indexed ${records.length} transcripts in ${Math.round(performance.now() - started)} ms`;
}
