/**
 * The site's own words, for the search's "Did you mean" (src/scripts/search-logic.js):
 * every word of three letters or more in what Pagefind indexed of each entry,
 * in the form it is usually written ("Sculley", "Kubernetes"), with the number
 * of entries holding it. Written beside the index, one file per first letter
 * (pagefind/words/a.json … z.json, other.json), of which the browser loads
 * only the one a query's word would be in, and only when that word is not a
 * word of the site.
 *
 * A file groups its words by how many entries hold them
 * (`{"1": "able actual …", "2": …}`): for the real content that is 7.4 KB
 * gzip in all, against 8.6 KB for lists of [word, count] pairs.
 */
import { LIST_NAMES, listName, wordKey } from '../../scripts/search-logic.js';
import type { Fragment } from './search-index.ts';

export type SiteWord = [word: string, pages: number];

/** The files the browser reads with readSiteWords (search-logic.js), by name; every name has a file, empty or not. */
export function siteWordFiles(words: readonly SiteWord[]): Map<string, string> {
  const groups = new Map(LIST_NAMES.map((name) => [name, {} as Record<number, string[]>]));
  for (const [word, pages] of words) (groups.get(listName(word))![pages] ??= []).push(word);
  return new Map([...groups].map(([name, byPages]) => [name, JSON.stringify(Object.fromEntries(Object.entries(byPages).map(([pages, list]) => [pages, list.join(' ')])))]));
}

/** A word as the text has it: letters, then letters or digits, with an apostrophe inside ("don't"), without a possessive "'s" ("Sculley’s" is "Sculley"). */
const WORD = /\p{L}[\p{L}\p{N}]*(?:['’](?!s\b)\p{L}+)*/gu;

/** The words of the indexed entries, sorted by their compared form so the file compresses well and is the same for the same site. */
export function siteWords(fragments: readonly Fragment[]): SiteWord[] {
  const words = new Map<string, { pages: number; forms: Map<string, number> }>();
  for (const f of fragments) {
    const seen = new Set<string>();
    for (const [form] of `${f.meta.title ?? ''} ${f.content}`.matchAll(WORD)) {
      const key = wordKey(form);
      if (key.length < 3) continue;
      const word = words.get(key) ?? { pages: 0, forms: new Map() };
      words.set(key, word);
      word.forms.set(form, (word.forms.get(form) ?? 0) + 1);
      if (!seen.has(key)) word.pages++;
      seen.add(key);
    }
  }
  return [...words]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { pages, forms }]) => [[...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0][0], pages]);
}
