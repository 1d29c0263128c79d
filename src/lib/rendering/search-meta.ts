/**
 * What Pagefind stores for each entry page: metadata shown in results,
 * filters for the facets, the date the newest-first order uses
 * (search-index.ts), and the names a reader may search for an entry by
 * (its topics' aliases).
 */
import { entryKey, TYPE_INFO } from '../content-model/entry-types.ts';
import type { Entry, Graph } from '../content-model/link-graph.ts';
import { seriesLine, talkPeople } from './describe-entry.ts';

export interface SearchMeta {
  meta: Record<string, string>;
  filters: Record<'type' | 'topic' | 'person' | 'series', string[]>;
  /** When the entry was last updated (or added), to list the newest first. */
  date: string;
  /** Names and aliases of the entry's topics, indexed so that searching jargon ("CT") finds the entry (a topic's own names are on its page already). */
  aliases: string[];
}

/** The people an entry is about: a talk's speakers and hosts, a story's tellers, a reference's authors with pages, a person. */
function peopleOf(entry: Entry, graph: Graph): string[] {
  switch (entry.type) {
    case 'talk':
      return talkPeople(entry as Entry<'talk'>, graph).map((p) => p.person.title);
    case 'person':
      return [entry.title];
    default:
      return (graph.outgoing.get(entry.key) ?? [])
        .filter((e) => e.relation === 'told-by' || e.relation === 'author' || e.relation === 'speaker' || e.relation === 'host')
        .flatMap((e) => graph.entries.get(e.to)?.title ?? []);
  }
}

export function searchMeta(entry: Entry, graph: Graph): SearchMeta {
  const topicIds = ((entry.data as { topics?: Array<{ id: string }> }).topics ?? []).map((t) => t.id);
  if (entry.type === 'topic') topicIds.push(entry.id);
  const topics = topicIds.flatMap((id) => (graph.entries.get(entryKey('topic', id)) as Entry<'topic'> | undefined) ?? []);
  const people = [...new Set(peopleOf(entry, graph))];
  const talk = entry.type === 'talk' ? (entry as Entry<'talk'>) : undefined;
  const date = entry.updated ?? entry.data.added;
  const meta: Record<string, string> = { type: TYPE_INFO[entry.type].label };
  if (talk?.data.date) meta.date = talk.data.date.iso;
  if (people.length) meta.people = people.join(', ');
  if (talk) meta.series = seriesLine(talk);
  return {
    meta,
    filters: { type: [TYPE_INFO[entry.type].label], topic: topics.map((t) => t.title), person: people, series: talk ? [talk.data.series] : [] },
    date,
    aliases: [...new Set(topics.filter((t) => t.key !== entry.key).flatMap((t) => [t.title, ...(t.data.aliases ?? [])]))],
  };
}
