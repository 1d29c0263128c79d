/**
 * Cache keys for Astro's incremental build: a page is rendered again only
 * when something it shows has changed. A page shows its own entry, the
 * entries it links to or is linked from, and, for any entry at all, the line
 * that stands for it in lists (title, summary, facts, dates). So a key is the
 * digest of that "directory" of list lines, of the page's entry and of its
 * neighbours. Editing one entry's body re-renders that entry and its
 * neighbours; renaming an entry re-renders everything, as it should.
 */
import { createHash } from 'node:crypto';
import type { EntryKey } from '../content-model/entry-types.ts';
import type { Entry, Graph } from '../content-model/link-graph.ts';
import { metaLine } from '../rendering/describe-entry.ts';

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

export interface PageKeys {
  /** Digest of what every list shows of every entry, plus site-wide settings pages display. */
  directory: string;
  /** Key of an entry's page (and of pages that show only it and its neighbours, like its moments). */
  entry(key: EntryKey): string;
}

export function pageKeys(graph: Graph, settings: readonly string[]): PageKeys {
  const lines = [...graph.entries.values()]
    .map((e) => [e.key, e.title, e.summary, metaLine(e, graph), e.data.added, e.updated ?? ''].join('\t'))
    .sort();
  const directory = hash([...settings, ...lines].join('\n'));
  const own = new Map<EntryKey, string>();
  const digest = (e: Entry) => {
    let d = own.get(e.key);
    if (!d) own.set(e.key, (d = hash(JSON.stringify(e))));
    return d;
  };
  const keys = new Map<EntryKey, string>();
  return {
    directory,
    entry(key) {
      let k = keys.get(key);
      if (k) return k;
      const entry = graph.entries.get(key);
      if (!entry) throw new Error(`pageKeys: no entry ${key}`);
      const neighbours = new Set<EntryKey>();
      for (const e of graph.outgoing.get(key) ?? []) neighbours.add(e.to);
      for (const e of graph.incoming.get(key) ?? []) neighbours.add(e.from);
      const parts = [directory, digest(entry), ...[...neighbours].sort().flatMap((n) => (graph.entries.has(n) ? [digest(graph.entries.get(n)!)] : []))];
      keys.set(key, (k = hash(parts.join('\n'))));
      return k;
    },
  };
}

/** Key of any other page: the directory plus what is particular to it. */
export const keyOf = (keys: PageKeys, ...parts: unknown[]) => hash([keys.directory, JSON.stringify(parts)].join('\n'));
