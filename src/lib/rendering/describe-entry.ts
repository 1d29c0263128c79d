/**
 * How entries are described in lists, cards, feeds and structured data. Pure
 * functions of an entry and the graph, so every surface says the same thing.
 */
import { formatDate } from '../content-model/dates.ts';
import { entryKey, TYPE_INFO, type EntryType } from '../content-model/entry-types.ts';
import type { Entry, Graph } from '../content-model/link-graph.ts';
import { seekableRecording, seekUrl } from './recording-links.ts';
import { momentPath } from '../content-model/references.ts';
import { formatClock } from '../content-model/timestamps.ts';

/** People of a talk with their role, in the order the talk lists them. */
export function talkPeople(talk: Entry<'talk'>, graph: Graph): Array<{ person: Entry<'person'>; role: string }> {
  return talk.data.people.flatMap((p) => {
    const person = graph.entries.get(entryKey('person', p.person.id)) as Entry<'person'> | undefined;
    return person ? [{ person, role: p.role }] : [];
  });
}

/** The talk's guests and speakers (not its hosts), by name. */
export function speakerNames(talk: Entry<'talk'>, graph: Graph): string[] {
  return talkPeople(talk, graph).filter((p) => p.role !== 'host' && p.role !== 'moderator').map((p) => p.person.title);
}

/** "MLOps Coffee Sessions #32". */
export function seriesLine(talk: Entry<'talk'>): string {
  const ep = talk.data.episode;
  return ep === undefined ? talk.data.series : `${talk.data.series} #${ep}`;
}

/** The length as shown, or undefined when unknown. */
export function durationText(talk: Entry<'talk'>): string | undefined {
  return talk.data.duration === null ? undefined : formatClock(talk.data.duration);
}

/** A short line of facts under an entry's title in lists. */
export function metaLine(entry: Entry, graph: Graph): string {
  const d = entry.data;
  switch (entry.type) {
    case 'talk': {
      const t = entry as Entry<'talk'>;
      return [seriesLine(t), t.data.date ? formatDate(t.data.date) : undefined, speakerNames(t, graph).join(', ') || undefined].filter(Boolean).join(' · ');
    }
    case 'myth': {
      const m = entry as Entry<'myth'>;
      const talk = graph.entries.get(entryKey('talk', m.data.statedIn.id));
      return talk ? `Stated in ${talk.title} at ${formatClock(m.data.statedIn.at ?? 0)}` : '';
    }
    case 'pattern':
      return (d as Entry<'pattern'>['data']).category.replace(/-/g, ' ');
    case 'maturity': {
      const mm = d as Entry<'maturity'>['data'];
      return `${mm.publisher} · ${mm.levels.length} levels`;
    }
    case 'war-story': {
      const w = d as Entry<'war-story'>['data'];
      const where = graph.entries.get(entryKey(w.toldIn.type, w.toldIn.id));
      return where ? `Told in ${where.title}` : '';
    }
    case 'reference': {
      const r = d as Entry<'reference'>['data'];
      const names = r.authors.map((a) => a.name);
      return `${names.length > 2 ? `${names[0]} et al.` : names.join(' and ')} · ${r.year}${r.venue ? ` · ${r.venue}` : ''}`;
    }
    case 'person': {
      const aff = (d as Entry<'person'>['data']).affiliations?.at(-1);
      return aff ? `${aff.role}, ${aff.organisation}` : '';
    }
    case 'topic': {
      const aliases = (d as Entry<'topic'>['data']).aliases ?? [];
      return aliases.length ? `Also: ${aliases.join(', ')}` : '';
    }
  }
}

export interface MomentView {
  talk: Entry<'talk'>;
  at: number;
  clock: string;
  /** Our permalink for the moment. */
  path: string;
  /** Opens the recording at that second, when its host allows it. */
  seek?: string;
  /** The chapter the moment falls in. */
  chapter?: { at: number; title: string; summary?: string };
}

/**
 * Everything a page needs to show a moment in a talk. Links carry moments
 * only when they point at a talk (the validator sees to it), so another
 * entry here is a bug, not content.
 */
export function momentView(talk: Entry, at: number): MomentView {
  if (talk.type !== 'talk') throw new Error(`momentView: ${talk.key} is not a talk, so it has no moment ${formatClock(at)}`);
  const rec = seekableRecording(talk.data.recordings);
  const chapters = talk.data.chapters ?? [];
  const chapter = [...chapters].reverse().find((c) => c.at <= at);
  return { talk, at, clock: formatClock(at), path: momentPath(talk.id, at), seek: rec ? seekUrl(rec, at) : undefined, chapter };
}

/** The badge label of a type. */
export const typeLabel = (type: EntryType) => TYPE_INFO[type].label;

/** A chapter's anchor on the talk page. */
export const chapterAnchor = (at: number) => `at-${formatClock(at).replaceAll(':', '-')}`;

/**
 * Every moment of a talk that gets a permalink: each chapter start, each
 * takeaway's moment and each moment another entry cites.
 */
export function momentsOf(talk: Entry<'talk'>, graph: Graph): number[] {
  const set = new Set<number>();
  for (const c of talk.data.chapters ?? []) set.add(c.at);
  for (const t of talk.data.takeaways) if (t.at !== undefined) set.add(t.at);
  for (const e of graph.incoming.get(talk.key) ?? []) if (e.at !== undefined) set.add(e.at);
  return [...set].sort((a, b) => a - b);
}

/** Entries that cite exactly this moment. */
export function citingMoment(talk: Entry<'talk'>, at: number, graph: Graph): Entry[] {
  const seen = new Set<string>();
  const out: Entry[] = [];
  for (const e of graph.incoming.get(talk.key) ?? []) {
    if (e.at !== at || seen.has(e.from)) continue;
    seen.add(e.from);
    const from = graph.entries.get(e.from);
    if (from) out.push(from);
  }
  return out;
}

/**
 * What a talk's citations rest on, in words: `onTalk` for its own page and its
 * moment pages, `inherited` (a predicate, shown after the talk's title) for
 * the pages of entries that cite it. Said here once per talk, so entries do
 * not each repeat it in their bodies. A talk checked against its recording
 * needs no word on the pages that cite it.
 */
export function evidenceNote(talk: Entry<'talk'>): { onTalk: string; inherited?: string } {
  switch (talk.data.evidence) {
    case 'recording':
      return { onTalk: 'The entries that cite this talk were checked against the recording.' };
    case 'transcript':
      return {
        onTalk: 'The entries that cite this talk were written from its published transcript, which gives the time each speaker turn starts. A cited moment is the start of the turn in which the point is made.',
        inherited: 'is cited from its published transcript: a time marks the start of the speaker turn in which the point is made.',
      };
    case 'chapter-titles':
      return {
        onTalk: 'There is no transcript of this talk, only the publisher\'s chapter list and description. A cited moment rests on the chapter title at that time, not on what is said there; pages that explain such a point draw on the other sources they cite.',
        inherited: 'has no transcript: a moment cited from it rests on its chapter title, not on what is said there, and any explanation here draws on the other sources cited.',
      };
    case 'untimed-transcript':
      return {
        onTalk: 'The entries that cite this talk were written from its published transcript, which gives no times, so they cite the talk as a whole.',
        inherited: 'is cited as a whole: its published transcript gives no times.',
      };
  }
}

const CITING = new Set<string>(['cites', 'stated-in', 'told-in', 'affiliation-source']);

/** The talks an entry cites (a moment or the whole talk, in any field or its body), each once, with the note their evidence passes on. */
export function inheritedEvidence(entry: Entry, graph: Graph): Array<{ talk: Entry<'talk'>; note: string }> {
  const out: Array<{ talk: Entry<'talk'>; note: string }> = [];
  for (const e of graph.outgoing.get(entry.key) ?? []) {
    if (e.to === entry.key || !e.to.startsWith('talk:') || out.some((n) => n.talk.key === e.to)) continue;
    if (e.at === undefined && !CITING.has(e.relation)) continue;
    const talk = graph.entries.get(e.to);
    const note = talk?.type === 'talk' ? evidenceNote(talk).inherited : undefined;
    if (talk?.type === 'talk' && note) out.push({ talk, note });
  }
  return out;
}
