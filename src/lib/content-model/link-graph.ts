/**
 * The link graph. Every reference in an entry, in its frontmatter or in its
 * body, becomes one edge; validation checks the edges, and pages list them in
 * both directions. Pure: it works on validated entries, wherever they came from.
 */
import { dateSortKey } from './dates.ts';
import { entryKey, isEntryType, TYPE_INFO, type EntryKey, type EntryType } from './entry-types.ts';
import type { EntryRef } from './references.ts';
import { RELATIONS, type Relation } from './relations.ts';
import type { EntryData } from './schemas/index.ts';
import type { Position } from '../validator/entry-file.ts';

/** A reference found in an entry's body, kept with its position for errors. */
export interface BodyRef {
  ref: EntryRef;
  position: Position;
}

/** A validated entry of type T. `data` is the schema's output. */
export interface EntryOf<T extends EntryType> {
  type: T;
  id: string;
  key: EntryKey;
  /** Path from the project root, with forward slashes. */
  file: string;
  /** Hash of the source file (on the site: of the file and the code that rendered its body); page keys see a body change through it. */
  digest: string;
  data: EntryData[T];
  /** Display title (a person's or topic's name). */
  title: string;
  /** One or two sentences for cards, meta descriptions and lists. */
  summary: string;
  bodyRefs: BodyRef[];
  /** For a talk with a transcript (talks/<id>.vtt): a digest of that file, so a change to it changes the entry. */
  transcript?: string;
  /** Day of the last commit that changed the file, when git history can tell (set by the build). */
  updated?: string;
}

/**
 * A validated entry. Without a type argument it is the union of every type's
 * entry, so checking `entry.type` narrows `entry.data` to that type's fields.
 */
export type Entry<T extends EntryType = EntryType> = T extends EntryType ? EntryOf<T> : never;

export interface Edge {
  from: EntryKey;
  to: EntryKey;
  relation: Relation;
  /** Seconds into the target talk, for a moment. */
  at?: number;
  /** Anchor in the target page. */
  fragment?: string;
  note?: string;
  /** For a cited source, where inside it (a chapter, or the part of a talk's page: its abstract, a bio). */
  locator?: string;
  /** Field it was written in (`sources[0].ref`, `body`), for errors and for grouping. */
  field: string;
  /** Where in the source file, for body references. */
  position?: Position;
}

function isRef(value: unknown): value is EntryRef {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return typeof v.type === 'string' && isEntryType(v.type) && typeof v.id === 'string' && Object.keys(v).every((k) => ['type', 'id', 'at', 'fragment'].includes(k));
}

/** Which relation a reference in a given field expresses. */
function relationOf(path: readonly (string | number)[], parent: Record<string, unknown>): { relation: Relation; note?: string; locator?: string } {
  const key = [...path].reverse().find((p): p is string => typeof p === 'string');
  switch (key) {
    case 'ref':
      return { relation: 'cites', locator: typeof parent.locator === 'string' ? parent.locator : undefined };
    case 'references':
      return { relation: 'cites' };
    case 'statedIn':
      return { relation: 'stated-in' };
    case 'toldIn':
      return { relation: 'told-in' };
    case 'toldBy':
      return { relation: 'told-by' };
    case 'topics':
      return { relation: 'tagged' };
    case 'broader':
      return { relation: 'broader' };
    case 'source':
      return { relation: 'affiliation-source' };
    case 'person':
      if (path[0] === 'authors') return { relation: 'author' };
      return { relation: parent.role === 'host' || parent.role === 'moderator' ? 'host' : 'speaker' };
    case 'to':
      return { relation: parent.relation as Relation, note: parent.note as string | undefined };
    case 'level':
      return { relation: 'maps-to', note: parent.note as string | undefined };
    default:
      throw new Error(`graph: no relation is defined for a reference in field "${path.join('.')}"`);
  }
}

function fieldName(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Every edge leaving an entry: each reference in its data, then each in its body. */
export function edgesOf(entry: Entry): Edge[] {
  const edges: Edge[] = [];
  const visit = (value: unknown, path: (string | number)[], parent: Record<string, unknown>) => {
    if (isRef(value)) {
      const { relation, note, locator } = relationOf(path, parent);
      edges.push({ from: entry.key, to: entryKey(value.type, value.id), relation, at: value.at, fragment: value.fragment, note, locator, field: fieldName(path) });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, i], parent));
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k], value as Record<string, unknown>);
    }
  };
  visit(entry.data, [], entry.data as Record<string, unknown>);
  for (const b of entry.bodyRefs) {
    edges.push({ from: entry.key, to: entryKey(b.ref.type, b.ref.id), relation: b.ref.at !== undefined ? 'cites' : 'mentions', at: b.ref.at, fragment: b.ref.fragment, field: 'body', position: b.position });
  }
  return edges;
}

export interface Graph {
  entries: Map<EntryKey, Entry>;
  edges: Edge[];
  outgoing: Map<EntryKey, Edge[]>;
  incoming: Map<EntryKey, Edge[]>;
}

export function buildGraph(entries: Iterable<Entry>): Graph {
  const map = new Map<EntryKey, Entry>();
  for (const e of entries) map.set(e.key, e);
  const edges = [...map.values()].flatMap(edgesOf);
  const outgoing = new Map<EntryKey, Edge[]>();
  const incoming = new Map<EntryKey, Edge[]>();
  for (const e of edges) {
    if (!outgoing.has(e.from)) outgoing.set(e.from, []);
    outgoing.get(e.from)!.push(e);
    if (!incoming.has(e.to)) incoming.set(e.to, []);
    incoming.get(e.to)!.push(e);
  }
  return { entries: map, edges, outgoing, incoming };
}

/** Links of one relation on a page, with each linked entry once and its moments collected. */
export interface LinkGroup {
  relation: Relation;
  label: string;
  items: Array<{ entry: Entry; moments: number[]; notes: string[]; fragments: string[] }>;
}

const typeOrder = (t: EntryType) => Object.keys(TYPE_INFO).indexOf(t);

/**
 * Groups a page's edges by relation. `direction` says which end the page is:
 * outgoing edges are labelled with the relation, incoming with its inverse.
 */
export function groupLinks(graph: Graph, key: EntryKey, direction: 'out' | 'in', relations?: readonly Relation[]): LinkGroup[] {
  const edges = (direction === 'out' ? graph.outgoing : graph.incoming).get(key) ?? [];
  const groups = new Map<Relation, LinkGroup>();
  for (const edge of edges) {
    if (relations && !relations.includes(edge.relation)) continue;
    const other = graph.entries.get(direction === 'out' ? edge.to : edge.from);
    if (!other || other.key === key) continue;
    let group = groups.get(edge.relation);
    if (!group) {
      group = { relation: edge.relation, label: direction === 'out' ? RELATIONS[edge.relation].label : RELATIONS[edge.relation].inverse, items: [] };
      groups.set(edge.relation, group);
    }
    let item = group.items.find((i) => i.entry.key === other.key);
    if (!item) {
      item = { entry: other, moments: [], notes: [], fragments: [] };
      group.items.push(item);
    }
    if (edge.at !== undefined && !item.moments.includes(edge.at)) item.moments.push(edge.at);
    if (edge.note && !item.notes.includes(edge.note)) item.notes.push(edge.note);
    if (edge.fragment && !item.fragments.includes(edge.fragment)) item.fragments.push(edge.fragment);
  }
  const order = Object.keys(RELATIONS);
  return [...groups.values()]
    .sort((a, b) => order.indexOf(a.relation) - order.indexOf(b.relation))
    .map((g) => ({
      ...g,
      items: g.items
        .map((i) => ({ ...i, moments: i.moments.sort((x, y) => x - y) }))
        .sort((a, b) => typeOrder(a.entry.type) - typeOrder(b.entry.type) || listOrder(a.entry, b.entry)),
    }));
}

/** Talks newest first, everything else by title. */
export function listOrder(a: Entry, b: Entry): number {
  if (a.type === 'talk' && b.type === 'talk') {
    const d = dateSortKey((b as Entry<'talk'>).data.date).localeCompare(dateSortKey((a as Entry<'talk'>).data.date));
    if (d !== 0) return d;
  }
  return a.title.localeCompare(b.title, 'en');
}
