/**
 * What a link to the site shows when it is pasted in Slack: the card image's
 * text and the two label/value pairs (twitter:label1/data1, label2/data2)
 * that Slack prints under the title. One function per surface, all pure.
 */
import type { CardInput } from '../cards/render.ts';
import { formatDate } from '../content-model/dates.ts';
import { entryKey, TYPE_INFO, type EntryType } from '../content-model/entry-types.ts';
import type { Entry, Graph } from '../content-model/link-graph.ts';
import { BRAND, TYPE_COLOURS } from './design-tokens.ts';
import { durationText, metaLine, seriesLine, speakerNames, talkPeople, type MomentView } from './describe-entry.ts';
import { SITE_NAME } from '../settings.ts';
import { formatClock } from '../content-model/timestamps.ts';


/** Path of an entry's card image. */
export const cardPath = (type: EntryType, id: string) => `/cards/${TYPE_INFO[type].folder}/${id}.png`;
/** Path of a type index's card image. */
export const indexCardPath = (type: EntryType) => `/cards/${TYPE_INFO[type].folder}.png`;
/** Path of the card used by the home page and other site pages. */
export const SITE_CARD_PATH = '/cards/site.png';

export type Labels = readonly [readonly [string, string], readonly [string, string]];

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function chapterCount(talk: Entry<'talk'>): string {
  return count(talk.data.chapters?.length ?? 0, 'chapter');
}

/** The text of an entry's card. */
export function entryCard(entry: Entry, graph: Graph): CardInput {
  const base = { kind: TYPE_INFO[entry.type].label, title: entry.title, site: SITE_NAME, accent: TYPE_COLOURS[entry.type].light };
  switch (entry.type) {
    case 'talk': {
      const talk = entry as Entry<'talk'>;
      const people = talkPeople(talk, graph);
      const guests = people.filter((p) => p.role !== 'host' && p.role !== 'moderator').map((p) => p.person.title);
      const hosts = people.filter((p) => p.role === 'host' || p.role === 'moderator').map((p) => p.person.title);
      const subtitle = [guests.join(', '), hosts.length ? `with ${hosts.join(', ')}` : ''].filter(Boolean).join(' ');
      const detail = [seriesLine(talk), talk.data.date && formatDate(talk.data.date), durationText(talk) ?? (talk.data.chapters ? chapterCount(talk) : undefined)].filter(Boolean).join(' · ');
      return { ...base, subtitle, detail };
    }
    case 'myth':
      return { ...base, subtitle: (entry as Entry<'myth'>).data.reality, detail: metaLine(entry, graph) };
    case 'pattern':
      return { ...base, kind: 'Design pattern', subtitle: (entry as Entry<'pattern'>).data.problem, detail: metaLine(entry, graph) };
    default:
      return { ...base, subtitle: entry.summary, detail: metaLine(entry, graph) };
  }
}

/** The card of a type's index page, or of the whole site. */
export function siteCard(type?: EntryType, total?: number): CardInput {
  if (!type) return { kind: 'Knowledge base', title: 'What practitioners have learned about running ML in production', subtitle: 'Talks, myths, maturity models, war stories and design patterns', detail: 'Every claim cited to the moment it was said', site: SITE_NAME, accent: BRAND };
  const info = TYPE_INFO[type];
  return { kind: info.plural, title: info.blurb, detail: total === undefined ? undefined : count(total, info.label.toLowerCase()), site: SITE_NAME, accent: TYPE_COLOURS[type].light };
}

/** The two facts Slack shows under an entry's title. */
export function entryLabels(entry: Entry, graph: Graph): Labels {
  const d = entry.data;
  switch (entry.type) {
    case 'talk': {
      const talk = entry as Entry<'talk'>;
      const speakers = speakerNames(talk, graph);
      const length = durationText(talk);
      return [
        [speakers.length === 1 ? 'Speaker' : 'Speakers', speakers.join(', ') || talk.data.series],
        length ? ['Length', length] : ['Chapters', talk.data.chapters?.length ? chapterCount(talk) : 'no timestamps'],
      ];
    }
    case 'myth': {
      const m = d as Entry<'myth'>['data'];
      const talk = graph.entries.get(entryKey('talk', m.statedIn.id));
      return [['Type', 'Myth'], ['From', `${talk?.title ?? m.statedIn.id} at ${formatClock(m.statedIn.at ?? 0)}`]];
    }
    case 'war-story': {
      const w = d as Entry<'war-story'>['data'];
      const where = graph.entries.get(entryKey(w.toldIn.type, w.toldIn.id));
      return [['Type', 'War story'], ['Told in', `${where?.title ?? w.toldIn.id}${w.toldIn.at !== undefined ? ` at ${formatClock(w.toldIn.at)}` : ''}`]];
    }
    case 'pattern':
      return [['Type', 'Design pattern'], ['Category', (d as Entry<'pattern'>['data']).category.replace(/-/g, ' ')]];
    case 'maturity': {
      const mm = d as Entry<'maturity'>['data'];
      return [['Levels', count(mm.levels.length, 'level')], ['Publisher', mm.publisher]];
    }
    case 'reference': {
      const r = d as Entry<'reference'>['data'];
      return [[r.authors.length === 1 ? 'Author' : 'Authors', r.authors.length > 2 ? `${r.authors[0].name} et al.` : r.authors.map((a) => a.name).join(' and ')], ['Year', String(r.year)]];
    }
    case 'person': {
      const talks = (graph.incoming.get(entry.key) ?? []).filter((e) => e.relation === 'speaker' || e.relation === 'host').length;
      const aff = (d as Entry<'person'>['data']).affiliations?.at(-1);
      return [['Role', aff ? `${aff.role}, ${aff.organisation}` : 'Community member'], ['Talks', String(talks)]];
    }
    case 'topic': {
      const tagged = new Set((graph.incoming.get(entry.key) ?? []).filter((e) => e.relation === 'tagged').map((e) => e.from)).size;
      const aliases = (d as Entry<'topic'>['data']).aliases ?? [];
      return [['Entries', String(tagged)], ['Also called', aliases.join(', ') || '—']];
    }
  }
}

/** A moment: its time and its talk. */
export function momentLabels(moment: MomentView): Labels {
  return [['At', moment.clock], ['Talk', `${moment.talk.title} (${seriesLine(moment.talk)})`]];
}

/** The title a moment's page and card show: `07:57 · ML Test Score — The Godfather of MLOps`. */
export function momentTitle(moment: MomentView): string {
  const atStart = moment.chapter?.at === moment.at;
  return atStart ? `${moment.clock} · ${moment.chapter!.title} — ${moment.talk.title}` : `${moment.clock} in ${moment.talk.title}`;
}
