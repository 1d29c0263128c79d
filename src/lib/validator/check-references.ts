/**
 * The checks across entries: every reference points at an entry that
 * exists (with a "did you mean" when it nearly does), every moment lies
 * inside its talk, every #fragment names a place on its page, old ids
 * redirect to one entry only, and broader topics never loop.
 */
import { TYPE_INFO, entryKey, slugify, type EntryKey, type EntryType } from '../content-model/entry-types.ts';
import { edgesOf, type Entry, type Graph } from '../content-model/link-graph.ts';
import { formatRef } from '../content-model/references.ts';
import { closest } from '../content-model/schema-docs.ts';
import { checkMoment, formatClock } from '../content-model/timestamps.ts';
import { diag, type FileState } from './check-entry-file.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Position } from './entry-file.ts';
import { anchorHint, type PageAnchors } from './site-links.ts';

const BARE_ID_FIELD = /^(topics|toldBy|references)\[\d+\]$|\.person$|^broader$/;

/** Runs every check across files; `present` holds every file by its key, valid or not. */
export function checkReferences(states: FileState[], graph: Graph, present: Map<EntryKey, FileState>, anchors: PageAnchors, out: Diagnostic[]): void {
  checkRedirects(states, present, out);
  checkTopicCycles([...graph.entries.values()], present, out);
  checkEdges(states, graph, present, anchors, out);
}

function checkRedirects(states: FileState[], present: Map<EntryKey, FileState>, out: Diagnostic[]): void {
  const claimed = new Map<EntryKey, FileState>();
  for (const s of states) {
    const old = s.entry?.data.redirectFrom ?? [];
    old.forEach((oldId, i) => {
      const key = entryKey(s.type, oldId);
      const pos = () => s.locateField!(['redirectFrom', i]);
      const owner = present.get(key);
      if (owner) {
        out.push(diag(s.file, pos(), `redirectFrom[${i}]`, `"${oldId}" is the id of ${owner === s ? 'this entry' : owner.file}, so it cannot redirect here`, owner === s ? 'remove it from redirectFrom' : 'remove it from redirectFrom, or rename the other entry'));
      } else if (claimed.has(key)) {
        out.push(diag(s.file, pos(), `redirectFrom[${i}]`, `"${oldId}" already redirects to ${claimed.get(key)!.file}`, 'an old id can redirect to one entry only; remove it from one of them'));
      } else {
        claimed.set(key, s);
      }
    });
  }
}

function checkEdges(states: FileState[], graph: Graph, present: Map<EntryKey, FileState>, anchors: PageAnchors, out: Diagnostic[]): void {
  const byKey = graph.entries;
  // Built once: a file of a thousand missing references must not scan every id a thousand times.
  const idsOf = new Map<string, string[]>();
  for (const key of present.keys()) {
    const [type, id] = splitKey(key);
    if (!idsOf.has(type)) idsOf.set(type, []);
    idsOf.get(type)!.push(id);
  }
  const topicByAlias = new Map<string, Entry<'topic'>>();
  for (const t of byKey.values()) {
    if (t.type !== 'topic') continue;
    for (const a of [t.data.name, ...(t.data.aliases ?? [])]) if (!topicByAlias.has(slugify(a))) topicByAlias.set(slugify(a), t);
  }
  for (const state of states) {
    const entry = state.entry ?? state.partial;
    if (!entry || present.get(entry.key) !== state) continue;
    // A valid entry's edges are the graph's; a partial one's are worked out here.
    for (const edge of state.entry ? (graph.outgoing.get(entry.key) ?? []) : edgesOf(entry)) {
      const where = (): Position => edge.position ?? state.locateField!(pathOf(edge.field));
      const [type, id] = splitKey(edge.to);
      // Fields that take one type hold a bare id; echo them as written. Spelled out only for a message.
      const ref = () => (BARE_ID_FIELD.test(edge.field) ? id : formatRef({ type, id, at: edge.at, fragment: edge.fragment }));
      if (!present.has(edge.to)) {
        let fix = `use a ${TYPE_INFO[type].label.toLowerCase()} id from content/${TYPE_INFO[type].folder}/, or add the ${TYPE_INFO[type].label.toLowerCase()} first: npm run new -- ${type} "Title"`;
        const guess = closest(id, idsOf.get(type) ?? []);
        if (type === 'topic') {
          const byAlias = topicByAlias.get(id);
          if (byAlias) fix = `"${id}" is another name for the topic ${byAlias.id}; write ${byAlias.id}`;
          else if (guess) fix = `did you mean ${guess}?`;
          else fix = `use a topic from content/topics/ (a tag that is not a topic is an error), or add content/topics/${id}.mdx first`;
        } else if (guess) {
          fix = `did you mean ${type}:${guess}?`;
        }
        out.push(diag(entry.file, where(), edge.field, `${edge.field === 'body' ? `link "${ref()}"` : `"${ref()}"`} points at no ${TYPE_INFO[type].label.toLowerCase()}: there is no ${TYPE_INFO[type].folder}/${id}.mdx`, fix));
        continue;
      }
      const target = byKey.get(edge.to);
      if (!target) continue; // exists but is invalid: its own errors say why
      // What a talk's page says (its abstract, a bio) has no moment: a locator naming that part is the citation.
      if (edge.at === undefined && target.type === 'talk' && edge.relation === 'cites' && target.data.chapters?.length && edge.locator === undefined) {
        out.push(diag(entry.file, where(), edge.field, `cites the whole talk "${ref()}", which has chapter times`, `cite the moment the claim comes from: ${ref()}@m:ss; for what the talk's page says (its abstract, a bio), add a locator naming that part: { ref: ${ref()}, locator: abstract }`, 'warning'));
      }
      if (edge.at !== undefined) {
        const talk = target as Entry<'talk'>;
        const hasTimes = (talk.data.chapters?.length ?? 0) > 0 || talk.data.duration !== null;
        const problem = hasTimes ? checkMoment(edge.at, talk.data.duration) : `talk:${id} has no chapter times and no duration, so no moment in it can be checked`;
        if (problem) {
          out.push(diag(entry.file, where(), edge.field, `"${ref()}": ${problem}`, hasTimes ? `check the time against the recording${talk.data.duration !== null ? ` (it runs ${formatClock(talk.data.duration)})` : ''}` : `cite the whole talk as talk:${id}`));
        }
      }
      if (edge.fragment && !anchors.has(target, edge.fragment)) {
        out.push(diag(entry.file, where(), edge.field, `"${ref()}": the page of ${target.title} has no #${edge.fragment}`, anchorHint(edge.fragment, anchors.all(target))));
      }
      if (edge.relation === 'maps-to' && (entry.type !== 'maturity' || target.type !== 'maturity')) {
        out.push(diag(entry.file, where(), edge.field, 'maps-to links one maturity model\'s level to another\'s', 'use it between maturity entries only, or choose another relation'));
      }
      // A talk may point at its own moments; any other link to itself is a slip.
      if (edge.to === entry.key && edge.at === undefined) {
        out.push(diag(entry.file, where(), edge.field, `"${ref()}" points at the entry itself`, 'point at another entry'));
      }
    }
  }
}

/** A topic's chain of broader topics must end; a loop would make "part of" meaningless. */
function checkTopicCycles(entries: Entry[], present: Map<EntryKey, FileState>, out: Diagnostic[]): void {
  const broader = new Map<string, string>();
  for (const e of entries) if (e.type === 'topic' && (e as Entry<'topic'>).data.broader) broader.set(e.id, (e as Entry<'topic'>).data.broader!.id);
  const reported = new Set<string>();
  for (const start of [...broader.keys()].sort()) {
    const chain = [start];
    let at = broader.get(start);
    while (at !== undefined && !chain.includes(at)) {
      chain.push(at);
      at = broader.get(at);
    }
    if (at !== start || reported.has(start)) continue;
    chain.forEach((id) => reported.add(id));
    const state = present.get(entryKey('topic', start))!;
    out.push(diag(state.file, state.locateField!(['broader']), 'broader', `the broader topics loop back here: ${[...chain, start].join(' → ')}`, 'a topic cannot sit under itself; remove broader from one topic in the loop'));
  }
}

function splitKey(key: EntryKey): [EntryType, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i) as EntryType, key.slice(i + 1)];
}

/** `sources[0].ref` back to `['sources', 0, 'ref']`. */
function pathOf(field: string): (string | number)[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}
