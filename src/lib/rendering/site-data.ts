/**
 * What pages read: the validated entries from Astro's content store and the
 * link graph built from them, once per build.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { ENTRY_TYPES, TYPE_INFO, entryKey, type EntryKey, type EntryType } from '../content-model/entry-types.ts';
import { buildGraph, listOrder, type Entry, type Graph } from '../content-model/link-graph.ts';
import { pageKeys, type PageKeys } from '../build/page-keys.ts';
import { repositoryBranch, repositoryUrl } from '../settings.ts';

export interface Site {
  graph: Graph;
  /** Cache keys for incremental builds. */
  keys: PageKeys;
  byType: Record<EntryType, Entry[]>;
  get<T extends EntryType>(type: T, id: string): Entry<T> | undefined;
  entry(key: EntryKey): Entry | undefined;
}

let site: Promise<Site> | undefined;

async function load(): Promise<Site> {
  const all: Entry[] = [];
  for (const type of ENTRY_TYPES) {
    const items = (await getCollection(TYPE_INFO[type].folder as never)) as Array<{ data: { entry: Entry }; digest: string }>;
    // The store's digest covers the source file and the code that rendered its body (content-loader.ts).
    all.push(...items.map((i) => ({ ...i.data.entry, digest: i.digest })));
  }
  const graph = buildGraph(all);
  const byType = Object.fromEntries(ENTRY_TYPES.map((t) => [t, all.filter((e) => e.type === t).sort(listOrder)])) as Record<EntryType, Entry[]>;
  return {
    graph,
    keys: pageKeys(graph, [repositoryUrl() ?? '', repositoryBranch()]),
    byType,
    get: <T extends EntryType>(type: T, id: string) => graph.entries.get(entryKey(type, id)) as Entry<T> | undefined,
    entry: (key) => graph.entries.get(key),
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

/** The Astro entry, for rendering the MDX body. */
export async function astroEntry(entry: Entry): Promise<CollectionEntry<never>> {
  const found = await getEntry(TYPE_INFO[entry.type].folder as never, entry.id);
  if (!found) throw new Error(`no content-store entry for ${entry.key}`);
  return found as CollectionEntry<never>;
}
