/**
 * What pages read: the validated entries from Astro's content store and the
 * link graph built from them, once per build.
 */
import { getCollection } from 'astro:content';
import { ENTRY_TYPES, TYPE_INFO, entryKey, type EntryKey, type EntryType } from '../content-model/entry-types.ts';
import { buildGraph, listOrder, type Entry, type Graph } from '../content-model/link-graph.ts';
import type { EntryRef } from '../content-model/references.ts';
import { pageKeys, type PageKeys } from '../build/page-keys.ts';
import { repositoryBranch, repositoryUrl } from '../settings.ts';

export interface Site {
  graph: Graph;
  /** Cache keys for incremental builds. */
  keys: PageKeys;
  /** The entries of each type, in list order. */
  byType: { [T in EntryType]: Entry<T>[] };
  get<T extends EntryType>(type: T, id: string): Entry<T> | undefined;
  entry(key: EntryKey): Entry | undefined;
  /** The entry a validated reference points at; it exists, or the validator would have stopped the build. */
  target(ref: EntryRef): Entry;
}

let site: Promise<Site> | undefined;

/** The validated entries of one type, as the content loader stored them. */
async function entriesOf<T extends EntryType>(type: T): Promise<Entry<T>[]> {
  const items = await getCollection(TYPE_INFO[type].folder);
  // The store's digest covers the source file and the code that rendered its body (content-loader.ts).
  return items.map((i) => ({ ...(i.data.entry as Entry<T>), digest: String(i.digest) }));
}

async function load(): Promise<Site> {
  const stored = Object.fromEntries(await Promise.all(ENTRY_TYPES.map(async (t) => [t, await entriesOf(t)]))) as Site['byType'];
  const graph = buildGraph(ENTRY_TYPES.flatMap((t): Entry[] => stored[t]));
  const byType = Object.fromEntries(ENTRY_TYPES.map((t) => [t, [...stored[t]].sort(listOrder)])) as Site['byType'];
  return {
    graph,
    keys: pageKeys(graph, [repositoryUrl() ?? '', repositoryBranch()]),
    byType,
    get: <T extends EntryType>(type: T, id: string) => graph.entries.get(entryKey(type, id)) as Entry<T> | undefined,
    entry: (key) => graph.entries.get(key),
    target: (ref) => {
      const found = graph.entries.get(entryKey(ref.type, ref.id));
      if (!found) throw new Error(`no entry ${ref.type}:${ref.id}, yet the validator passed a reference to it`);
      return found;
    },
  };
}

export function getSite(): Promise<Site> {
  site ??= load();
  return site;
}

/** Entries added most recently, across types. */
export function newest(entries: readonly Entry[], count: number): Entry[] {
  return [...entries].sort((a, b) => b.data.added.localeCompare(a.data.added) || a.title.localeCompare(b.title, 'en')).slice(0, count);
}

