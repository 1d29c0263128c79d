/**
 * What links to an entry grows with the knowledge base: a talk is cited by
 * more entries every month, a topic gathers every entry about it. So an entry
 * page shows the first few of each such list, and a list longer than that has
 * pages of its own (`/talks/<id>/links/cites/`, 50 to a page) with every item.
 * No page's size depends on how many entries exist.
 */
import type { EntryKey, EntryType } from '../content-model/entry-types.ts';
import { groupLinks, type Graph, type LinkGroup } from '../content-model/link-graph.ts';
import { paginate, type PageSlice } from './pagination.ts';
import { entryPath } from '../content-model/references.ts';
import type { Relation } from '../content-model/relations.ts';

/** Items of a growing list an entry page shows. */
export const SHOWN_ON_PAGE = 10;

export type LinkItem = LinkGroup['items'][number];

/** Page `page` of the full list of entries linking to an entry through `relation`. */
export const linkListPath = (type: EntryType, id: string, relation: Relation, page = 1): string =>
  `${entryPath(type, id)}links/${relation}/${page > 1 ? `page/${page}/` : ''}`;

/** Where the full list of a group is, when it is too long for its entry's page; the same rule as `linkListPages`. */
export function fullList(group: LinkGroup, entry: { type: EntryType; id: string }, limit = SHOWN_ON_PAGE): string | undefined {
  return group.items.length > limit ? linkListPath(entry.type, entry.id, group.relation) : undefined;
}

export interface LinkListPage {
  key: EntryKey;
  group: LinkGroup;
  slice: PageSlice<LinkItem>;
}

/** Every page of every incoming list too long for its entry's page. */
export function linkListPages(graph: Graph, limit = SHOWN_ON_PAGE): LinkListPage[] {
  const pages: LinkListPage[] = [];
  for (const key of graph.entries.keys()) {
    for (const group of groupLinks(graph, key, 'in')) {
      if (group.items.length > limit) for (const slice of paginate(group.items)) pages.push({ key, group, slice });
    }
  }
  return pages;
}
