/**
 * schema.org JSON-LD for each page: a talk is a VideoObject (or a
 * PodcastEpisode when there is no video) whose `hasPart` lists a Clip per
 * chapter; other entries use the type that fits them.
 */
import { entryKey, type EntryType } from '../content-model/entry-types.ts';
import type { Entry, Graph } from '../content-model/link-graph.ts';
import { momentView, talkPeople, type MomentView } from './describe-entry.ts';
import { youtubeId } from './recording-links.ts';
import { entryPath } from '../content-model/references.ts';
import { levelAnchor } from '../content-model/schemas/maturity.ts';
import { isoDuration } from '../content-model/timestamps.ts';

export type JsonLd = Record<string, unknown>;

/** Absolute URL of a site path. */
export type Absolute = (path: string) => string;

const nonEmpty = (key: string, list: unknown[]) => (list.length ? { [key]: list } : {});

const person = (p: Entry<'person'>, abs: Absolute) => ({ '@type': 'Person', name: p.title, url: abs(entryPath('person', p.id)) });

function citations(entry: Entry, graph: Graph, abs: Absolute): JsonLd[] {
  const seen = new Set<string>();
  const out: JsonLd[] = [];
  for (const e of graph.outgoing.get(entry.key) ?? []) {
    if (e.relation !== 'cites' && e.relation !== 'stated-in' && e.relation !== 'told-in') continue;
    const target = graph.entries.get(e.to);
    if (!target) continue;
    const url = e.at !== undefined && target.type === 'talk' ? abs(momentView(target as Entry<'talk'>, e.at).path) : abs(entryPath(target.type, target.id));
    if (seen.has(url)) continue;
    seen.add(url);
    out.push({ '@type': 'CreativeWork', name: e.at !== undefined ? `${target.title} at ${momentView(target as Entry<'talk'>, e.at).clock}` : target.title, url });
  }
  return out;
}

/** The Clip for one moment of a talk. */
export function clip(m: MomentView, name: string, abs: Absolute, end?: number): JsonLd {
  return { '@type': 'Clip', name, startOffset: m.at, ...(end !== undefined ? { endOffset: end } : {}), url: abs(m.path) };
}

function talkLd(talk: Entry<'talk'>, graph: Graph, abs: Absolute, image: string, withClips = true): JsonLd {
  const d = talk.data;
  const video = d.recordings.find((r) => r.kind === 'video');
  const chapters = withClips ? (d.chapters ?? []) : [];
  const people = talkPeople(talk, graph);
  const common: JsonLd = {
    name: talk.title,
    description: d.description,
    url: abs(entryPath('talk', talk.id)),
    thumbnailUrl: image,
    ...(d.date ? { uploadDate: d.date.iso, datePublished: d.date.iso } : {}),
    ...(d.duration !== null ? { duration: isoDuration(d.duration) } : {}),
    ...nonEmpty('actor', people.filter((p) => p.role !== 'host' && p.role !== 'moderator').map((p) => person(p.person, abs))),
    ...nonEmpty('contributor', people.filter((p) => p.role === 'host' || p.role === 'moderator').map((p) => person(p.person, abs))),
    sameAs: d.recordings.map((r) => r.url),
    ...(withClips ? { hasPart: chapters.map((c, i) => clip(momentView(talk, c.at), c.title, abs, chapters[i + 1]?.at ?? d.duration ?? undefined)) } : {}),
  };
  if (video) {
    const id = youtubeId(video.url);
    return { '@context': 'https://schema.org', '@type': 'VideoObject', ...common, ...(id ? { embedUrl: `https://www.youtube.com/embed/${id}` } : {}) };
  }
  return { '@context': 'https://schema.org', '@type': 'PodcastEpisode', ...common, partOfSeries: { '@type': 'PodcastSeries', name: d.series }, ...(d.episode !== undefined ? { episodeNumber: String(d.episode) } : {}) };
}

const ARTICLE_TYPE: Record<Exclude<EntryType, 'talk' | 'person' | 'topic' | 'maturity' | 'reference'>, string> = {
  myth: 'Article',
  'war-story': 'Article',
  pattern: 'TechArticle',
};

const REFERENCE_TYPE = { paper: 'ScholarlyArticle', article: 'Article', book: 'Book', guide: 'TechArticle' } as const;

/** JSON-LD for an entry's page. */
export function entryLd(entry: Entry, graph: Graph, abs: Absolute, image: string): JsonLd {
  const url = abs(entryPath(entry.type, entry.id));
  const about = (entry.data as { topics?: Array<{ id: string }> }).topics?.flatMap((t) => {
    const topic = graph.entries.get(entryKey('topic', t.id));
    return topic ? [{ '@type': 'DefinedTerm', name: topic.title, url: abs(entryPath('topic', topic.id)) }] : [];
  });
  switch (entry.type) {
    case 'talk':
      return talkLd(entry as Entry<'talk'>, graph, abs, image);
    case 'person': {
      const p = entry as Entry<'person'>;
      const aff = p.data.affiliations?.at(-1);
      return {
        '@context': 'https://schema.org',
        '@type': 'ProfilePage',
        url,
        mainEntity: { '@type': 'Person', name: p.title, description: p.data.description, url, ...(aff ? { jobTitle: aff.role, affiliation: { '@type': 'Organization', name: aff.organisation } } : {}), sameAs: (p.data.links ?? []).map((l) => l.url) },
      };
    }
    case 'topic': {
      const t = entry as Entry<'topic'>;
      return { '@context': 'https://schema.org', '@type': 'DefinedTerm', name: t.title, description: t.data.description, alternateName: t.data.aliases ?? [], url, inDefinedTermSet: abs('/topics/') };
    }
    case 'maturity': {
      const m = entry as Entry<'maturity'>;
      return {
        '@context': 'https://schema.org',
        '@type': 'DefinedTermSet',
        name: m.title,
        description: m.data.description,
        url,
        publisher: { '@type': 'Organization', name: m.data.publisher },
        hasDefinedTerm: m.data.levels.map((l) => ({ '@type': 'DefinedTerm', termCode: String(l.ordinal), name: l.name, description: l.summary, url: `${url}#${levelAnchor(l.ordinal)}` })),
        citation: citations(entry, graph, abs),
      };
    }
    case 'reference': {
      const r = entry as Entry<'reference'>;
      return {
        '@context': 'https://schema.org',
        '@type': REFERENCE_TYPE[r.data.kind],
        name: r.title,
        headline: r.title,
        description: r.data.description,
        url,
        ...(r.data.url ? { sameAs: r.data.url } : {}),
        datePublished: String(r.data.year),
        author: r.data.authors.map((a) => (a.person ? { '@type': 'Person', name: a.name, url: abs(entryPath('person', a.person.id)) } : { '@type': 'Person', name: a.name })),
        ...(r.data.venue ? { publisher: { '@type': 'Organization', name: r.data.venue } } : {}),
      };
    }
    default: {
      const ld: JsonLd = {
        '@context': 'https://schema.org',
        '@type': ARTICLE_TYPE[entry.type],
        headline: entry.title,
        description: entry.summary,
        url,
        image,
        dateCreated: entry.data.added,
        about,
        citation: citations(entry, graph, abs),
      };
      if (entry.type === 'myth') {
        const m = entry as Entry<'myth'>;
        const talk = graph.entries.get(entryKey('talk', m.data.statedIn.id)) as Entry<'talk'> | undefined;
        ld.about = [{ '@type': 'Claim', text: m.data.claim, ...(talk ? { firstAppearance: clip(momentView(talk, m.data.statedIn.at ?? 0), talk.title, abs) } : {}) }, ...(about ?? [])];
      }
      return ld;
    }
  }
}

/** The talk as a moment's JSON-LD names it (isPartOf): the same for every moment of the talk, so it can be made once. */
export function talkPartLd(talk: MomentView['talk'], graph: Graph, abs: Absolute, talkImage: string): JsonLd {
  const { '@context': _, ...part } = talkLd(talk, graph, abs, talkImage, false);
  return part;
}

/** JSON-LD for a moment page: the Clip, as part of its talk (`talk`, from talkPartLd). */
export function momentLd(m: MomentView, name: string, abs: Absolute, talk: JsonLd): JsonLd {
  return { '@context': 'https://schema.org', ...clip(m, name, abs), isPartOf: talk };
}

/** JSON-LD for the home page: the site and its search. */
export function websiteLd(abs: Absolute, name: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name,
    url: abs('/'),
    potentialAction: { '@type': 'SearchAction', target: `${abs('/search/')}?q={search_term_string}`, 'query-input': 'required name=search_term_string' },
  };
}

/** Serialises JSON-LD for a `<script>` element: `<` is escaped so content can never close the element. */
export function serializeLd(ld: JsonLd): string {
  return JSON.stringify(ld).replace(/</g, '\\u003c');
}

