/**
 * The entry files of a synthetic corpus, one writer per type, from the plan:
 * every field a real entry of that type has (optional ones some of the
 * time), values inside what the schemas accept, and references only to
 * entries the plan holds. Talks are written first, topics last; the order of
 * the writers and of the draws inside them is part of the output.
 */
import { TYPE_INFO, slugify, type EntryType } from '../../src/lib/content-model/entry-types.ts';
import { PATTERN_CATEGORIES } from '../../src/lib/content-model/schemas/pattern.ts';
import { REFERENCE_KINDS } from '../../src/lib/content-model/schemas/reference.ts';
import { formatTimestamp } from '../../src/lib/content-model/timestamps.ts';
import { entryText } from '../../src/lib/authoring/yaml-writer.ts';
import { body } from './body.ts';
import { drawn, moment, momentIn, related, skewedTalk, sources, topicList } from './citations.ts';
import type { Context } from './plan.ts';
import { lesson, pair, sentence } from './prose.ts';
import type { Rng } from './random.ts';
import { be, cap, fit, lower, words } from './text.ts';
import {
  ABSTRACTS, ANALOGIES, CHAPTER_SUFFIXES, CHAPTER_TITLES, COMPANIES, FAILURES, FIRST_NAMES, JOB_ROLES, LAST_NAMES, MATURITY_LEVELS,
  OBJECTS, PUBLISHERS, SERIES, SUBJECTS, TAILS, TRADE_OFFS, VENUES, VERBS,
} from './vocabulary.ts';

/** The writers' context: the plan and the random source, the seed (recording ids derive from it) and the files written so far. */
export interface Output extends Context {
  seed: number;
  /** Path relative to the content root (`talks/<id>.mdx`) → file text. */
  files: Map<string, string>;
}

const DAY = 86_400_000;
const EPOCH_2019 = Date.UTC(2019, 0, 1);
const EPOCH_2020 = Date.UTC(2020, 0, 1);
const DAYS_2020_2026 = (Date.UTC(2027, 0, 1) - EPOCH_2020) / DAY;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A day from 2020 to 2026, for `added`. */
const added = (r: Rng) => isoDay(EPOCH_2020 + r.int(0, DAYS_2020_2026 - 1) * DAY);

/** Writes one entry; a few were renamed, so their old ids redirect here. An old id is never a current id or another entry's old id. */
function emit(c: Output, type: EntryType, id: string, front: Record<string, unknown>, text: string): void {
  const { r } = c;
  if (r.chance(0.03)) {
    const old = `${id}-${r.pick(['old', 'draft', 'v1', String(r.int(2019, 2024))])}`;
    const used = c.plan.usedIds.get(type)!;
    if (!used.has(old)) {
      used.add(old);
      front = { ...front, redirectFrom: [old] };
    }
  }
  c.files.set(`${TYPE_INFO[type].folder}/${id}.mdx`, entryText(front, text));
}

/** A YouTube-shaped id, different for every talk of a corpus. */
function youtubeId(i: number, seed: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  // An odd multiplier modulo 2^36 is a bijection, so ids never repeat.
  let v = (i * 2654435761 + (seed >>> 0) * 40503) % 2 ** 36;
  let s = '';
  for (let k = 0; k < 6; k++) {
    s += alphabet[v % 64];
    v = Math.floor(v / 64);
  }
  return `synth${s}`;
}

/** Talks: a series and episode, recordings, the cast, takeaways and chapters, and a 180-300 word summary that opens with who talks about what. */
function writeTalks(c: Output): void {
  const { r } = c;
  const { talks, people, references, topicName } = c.plan;
  const episodes = new Map<string, number>();
  talks.forEach((t, i) => {
    const self = `talk:${t.id}`;
    const series = r.pick(SERIES);
    const episode = (episodes.get(series) ?? 0) + 1;
    episodes.set(series, episode);
    const addedMs = EPOCH_2020 + r.int(0, DAYS_2020_2026 - 1) * DAY;
    const dateMs = Math.max(EPOCH_2019, addedMs - r.int(0, 400) * DAY);
    const dateRoll = r.next();
    const date = dateRoll < 0.75 ? isoDay(dateMs) : dateRoll < 0.9 ? isoDay(dateMs).slice(0, 7) : dateRoll < 0.95 ? Number(isoDay(dateMs).slice(0, 4)) : undefined;
    const names = t.people.map((p) => people[p.person].name);
    const recordings: unknown[] = [{ kind: 'video', url: `https://www.youtube.com/watch?v=${youtubeId(i, c.seed)}` }];
    if (r.chance(0.4)) recordings.push({ kind: 'audio', url: `https://podcasts.example.com/${slugify(series)}/episode-${episode}.mp3` });
    if (r.chance(0.3)) recordings.unshift({ kind: 'page', url: `https://mlops.example.org/watch/${t.id}/` });
    const chapterTitles = r.sample(CHAPTER_TITLES.slice(1), t.chapters.length - 1);
    const chapters = t.chapters.map((at, k) => ({
      at: formatTimestamp(at),
      title: k === 0 ? CHAPTER_TITLES[0] : (chapterTitles[k - 1] ?? cap(`${lower(topicName.get(r.pick(t.topics))!)} ${r.pick(CHAPTER_SUFFIXES)}`)),
      summary: r.chance(0.3) ? sentence(r, SUBJECTS) : undefined,
    }));
    const takeaways = Array.from({ length: r.int(2, 5) }, () =>
      r.chance(0.75) ? { text: lesson(r), at: formatTimestamp(momentIn(c, t)) } : cap(`${r.pick(ABSTRACTS)} pays off ${r.pick(TAILS)}.`),
    );
    const description = fit(`${names.slice(0, -1).join(', ')}${names.length > 1 ? ' and ' : ''}${names[names.length - 1]} on ${t.topics.map((id) => lower(topicName.get(id)!)).join(', ')}: what worked, what broke and what they would do again.`, 300);
    const refs = references.length ? r.sample(references, r.int(0, 3), true).map((x) => x.id) : [];
    const cast = t.people.map((p) => `[${people[p.person].name}](person:${people[p.person].id})`);
    const intro = `${cast.slice(0, -1).join(', ')}${cast.length > 1 ? ' and ' : ''}${cast[cast.length - 1]} talk about ${t.topics.map((id) => lower(topicName.get(id)!)).join(', ')}.`;
    const introWords = words(intro.replace(/\]\([^)]*\)/g, ']'));
    const summary = body(c, self, 180 - introWords, 300 - introWords, { subjects: [...SUBJECTS, ...names], topics: t.topics, links: r.int(1, 4), linkKinds: ['talk', 'pattern', 'myth', 'person', 'reference', 'topic'] });
    emit(c, 'talk', t.id, {
      title: t.title,
      series,
      episode: r.chance(0.85) ? episode : undefined,
      date,
      duration: formatTimestamp(t.duration),
      recordings,
      people: t.people.map((p) => ({ person: people[p.person].id, role: p.role })),
      description,
      takeaways,
      chapters,
      topics: t.topics,
      references: refs.length ? refs : undefined,
      related: related(c, self, 2),
      added: isoDay(addedMs),
    }, `${intro} ${summary}`);
  });
}

/** People: affiliations with their sources, links, and the talks they spoke in as sources. */
function writePeople(c: Output): void {
  const { r } = c;
  const { people, talks, references, topicName, topicIds, talksOf } = c.plan;
  people.forEach((p, i) => {
    const self = `person:${p.id}`;
    const spoke = talksOf[i];
    const affiliations = Array.from({ length: r.int(0, 3) }, (_, k): unknown => {
      const year = 2012 + r.int(0, 12) + k;
      const src = spoke.length && r.chance(0.8) ? moment(c, talks[r.pick(spoke)]) : references.length ? `reference:${r.pick(references).id}` : undefined;
      const roll = r.next();
      return {
        organisation: r.pick(COMPANIES),
        role: r.pick(JOB_ROLES),
        from: roll < 0.5 ? year : roll < 0.7 ? `${year}-${String(r.int(1, 12)).padStart(2, '0')}` : undefined,
        asOf: roll >= 0.7 ? year + 1 : undefined,
        source: src,
      };
    });
    const first = spoke.length ? moment(c, talks[spoke[0]], 0) : undefined;
    const links: unknown[] = [{ label: 'LinkedIn', url: `https://www.linkedin.com/in/${p.id}` }];
    if (r.chance(0.4)) links.push({ label: 'Website', url: `https://${p.id}.example.com/` });
    const org = affiliations.length ? ` at ${(affiliations[affiliations.length - 1] as { organisation: string }).organisation}` : '';
    emit(c, 'person', p.id, {
      name: p.name,
      description: fit(`${p.name} works on ${lower(topicName.get(r.pickSkewed(topicIds))!)}${org}, and has spoken about ${pair(r).join(' and ')}.`, 300),
      affiliations: affiliations.length ? affiliations : undefined,
      links,
      sources: sources(c, self, 1, 2, first === undefined ? undefined : drawn(first, true)),
      added: added(r),
    }, body(c, self, 60, 140, { subjects: [p.name, 'they', ...SUBJECTS.slice(0, 6)], links: r.int(1, 2), linkKinds: ['talk', 'pattern', 'war-story'] }));
  });
}

/** Myths: the claim, the reality, and the talk moment where the myth is stated (also their first source). */
function writeMyths(c: Output): void {
  const { r } = c;
  const { myths } = c.plan;
  myths.forEach((m, i) => {
    const self = `myth:${m.id}`;
    const stated = moment(c, skewedTalk(c));
    const ts = topicList(c);
    emit(c, 'myth', m.id, {
      title: m.title,
      claim: cap(`many teams believe that ${lower(m.title)}, so ${r.pick(OBJECTS)} gets built first.`),
      reality: `In practice ${r.pick(ABSTRACTS)} matters more; ${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(TAILS)}.`,
      statedIn: stated,
      number: r.chance(0.3) ? (i % 10) + 1 : undefined,
      sources: sources(c, self, 1, 3, drawn(stated)),
      topics: ts,
      related: related(c, self),
      added: added(r),
    }, body(c, self, 60, 200, { topics: ts, list: true }));
  });
}

/** Patterns: problem, solution, trade-offs, and sometimes other patterns as alternatives. */
function writePatterns(c: Output): void {
  const { r } = c;
  const { patterns } = c.plan;
  patterns.forEach((p) => {
    const self = `pattern:${p.id}`;
    const ts = topicList(c);
    const obj = r.pick(OBJECTS);
    const alternatives = r.chance(0.4) ? r.sample(patterns, r.int(1, 2) + 1).filter((x) => x !== p).slice(0, 2) : [];
    const extra: unknown[] = alternatives.map((a) => ({ to: `pattern:${a.id}`, relation: 'alternative-to' }));
    emit(c, 'pattern', p.id, {
      title: p.title,
      category: r.pick(PATTERN_CATEGORIES),
      problem: `${cap(obj)} ${be(obj) === 'are' ? 'tend' : 'tends'} to ${r.pick(FAILURES)} ${r.pick(TAILS)}, and nobody notices until users do.`,
      solution: `Make ${r.pick(OBJECTS)} explicit and owned, so ${r.pick(ABSTRACTS)} comes for free.`,
      tradeOffs: r.sample(TRADE_OFFS, r.int(1, 4)),
      alternatives: alternatives.length ? alternatives.map((a) => a.title) : undefined,
      sources: sources(c, self),
      topics: ts,
      related: related(c, self, 3, extra),
      added: added(r),
    }, body(c, self, 60, 200, { topics: ts, list: true }));
  });
}

/** War stories: told in a talk (often at a moment, by its guests) or in a reference. */
function writeStories(c: Output): void {
  const { r } = c;
  const { stories, references, people } = c.plan;
  stories.forEach((s) => {
    const self = `war-story:${s.id}`;
    const ts = topicList(c);
    let toldIn: string;
    let toldBy: unknown[] | undefined;
    if (references.length && r.chance(0.15)) {
      toldIn = `reference:${r.pick(references).id}`;
    } else {
      const t = skewedTalk(c);
      toldIn = r.chance(0.9) ? moment(c, t) : `talk:${t.id}`;
      toldBy = r.chance(0.8) ? r.sample(t.people.filter((p) => p.role !== 'host' && p.role !== 'moderator'), r.int(1, 2)).map((p) => people[p.person].id) : undefined;
      if (toldBy && toldBy.length === 0) toldBy = undefined;
    }
    emit(c, 'war-story', s.id, {
      title: s.title,
      context: cap(`${r.pick(SUBJECTS)} ran ${r.pick(OBJECTS)} for ${r.pick(['a bank', 'a marketplace', 'a hospital network', 'a ride-hailing app', 'a news site', 'a game studio'])} with ${r.int(2, 40)} people.`),
      whatHappened: `Nobody expected ${r.pick(OBJECTS)} to ${r.pick(FAILURES)}, and it did ${r.pick(TAILS)}.`,
      impact: cap(`${r.pick(['two days of bad predictions', 'a five-figure cloud bill', 'a week of rollbacks', 'an angry customer escalation', 'a missed quarterly target', 'a frozen release train'])}.`),
      lesson: `Treat ${r.pick(OBJECTS)} like ${r.pick(ANALOGIES)}.`,
      toldIn,
      toldBy,
      sources: r.chance(0.5) ? sources(c, self, 1, 2) : undefined,
      topics: ts,
      related: related(c, self),
      added: added(r),
    }, body(c, self, 60, 200, { topics: ts, list: true }));
  });
}

/** References: authors (some of them people of the corpus), a year, a kind and a venue. */
function writeReferences(c: Output): void {
  const { r } = c;
  const { references, people } = c.plan;
  references.forEach((ref) => {
    const self = `reference:${ref.id}`;
    const authors = Array.from({ length: r.int(1, 5) }, () => {
      if (r.chance(0.25)) {
        const p = r.pickSkewed(people);
        return { name: p.name, person: p.id };
      }
      return `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
    });
    const kind = r.pick(REFERENCE_KINDS);
    emit(c, 'reference', ref.id, {
      title: ref.title,
      kind,
      authors,
      year: r.int(2005, 2026),
      venue: r.chance(0.8) ? r.pick(VENUES) : undefined,
      url: r.chance(0.85) ? `https://papers.example.org/${kind}s/${ref.id}` : undefined,
      description: fit(`${ref.title} argues that ${pair(r).join(' matters more than ')}, with evidence from ${r.pick(SUBJECTS)}.`, 300),
      sources: sources(c, self, 1, 2),
      topics: r.chance(0.8) ? topicList(c, 1, 3) : undefined,
      related: related(c, self, 2),
      added: added(r),
    }, body(c, self, 60, 160));
  });
}

/** Maturity models: ordered levels, some mapped to levels of other models. */
function writeMaturities(c: Output): void {
  const { r } = c;
  const { maturities } = c.plan;
  maturities.forEach((m, mi) => {
    const self = `maturity:${m.id}`;
    const others = maturities.filter((_, j) => j !== mi);
    const levelNames = r.sample(MATURITY_LEVELS, m.ordinals.length).sort((a, b) => MATURITY_LEVELS.indexOf(a) - MATURITY_LEVELS.indexOf(b));
    const levels = m.ordinals.map((ordinal, li): unknown => {
      const other = others.length && r.chance(0.35) ? r.pick(others) : undefined;
      const o = r.pick(OBJECTS);
      return {
        ordinal,
        name: levelNames[li] ?? `Stage ${ordinal}`,
        summary: `${cap(o)} ${be(o)} ${li === 0 ? 'run by hand' : r.pick(['automated', 'monitored', 'versioned', 'self-service', 'audited'])}.`,
        characteristics: r.sample(OBJECTS, r.int(1, 4)).map((o) => cap(`${o} ${be(o)} ${r.pick(['tested', 'owned', 'shared', 'reviewed', 'on a schedule', 'versioned', 'monitored'])}.`)),
        changes: li === 0 ? undefined : cap(`${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(TAILS)}.`),
        mapsTo: other ? [{ level: `maturity:${other.id}#level-${r.pick(other.ordinals)}`, note: `Both describe ${r.pick(ABSTRACTS)} at a similar stage.` }] : undefined,
        sources: sources(c, self, 1, 2),
      };
    });
    const ts = topicList(c, 1, 3);
    const extra: unknown[] = others.length && r.chance(0.5) ? [{ to: `maturity:${r.pick(others).id}`, relation: 'maps-to', note: 'An editorial mapping between the two scales.' }] : [];
    const publisher = /\(([^)]+)\)/.exec(m.title)?.[1] ?? r.pick(PUBLISHERS);
    const pub = 2016 + r.int(0, 10);
    emit(c, 'maturity', m.id, {
      title: m.title,
      publisher,
      published: r.chance(0.7) ? (r.chance(0.5) ? pub : `${pub}-${String(r.int(1, 12)).padStart(2, '0')}`) : undefined,
      description: fit(`${m.ordinals.length} levels from ${lower(String((levels[0] as { name: string }).name))} to ${lower(String((levels[levels.length - 1] as { name: string }).name))}, measuring ${pair(r).join(' and ')}.`, 300),
      levels,
      sources: sources(c, self),
      topics: ts,
      related: related(c, self, 3, extra),
      added: added(r),
    }, body(c, self, 80, 200, { topics: ts, links: r.int(2, 4) }));
  });
}

/** Topics: aliases, and a broader topic among the first twenty. */
function writeTopics(c: Output): void {
  const { r } = c;
  const { topics } = c.plan;
  topics.forEach((t, i) => {
    const self = `topic:${t.id}`;
    const broader = i >= 8 && r.chance(0.4) ? topics[r.int(0, Math.min(i, 20) - 1)].id : undefined;
    emit(c, 'topic', t.id, {
      name: t.name,
      aliases: t.aliases.length ? t.aliases : undefined,
      description: fit(`${t.name} covers how teams handle ${r.pick(OBJECTS)} and why ${r.pick(ABSTRACTS)} matters for it.`, 300),
      broader,
      sources: sources(c, self, 1, 2),
      added: added(r),
    }, body(c, self, 60, 120, { links: r.int(1, 2), linkKinds: ['talk', 'pattern', 'myth', 'reference'] }));
  });
}

/** Writes every entry of the plan into `c.files`. */
export function writeEntries(c: Output): void {
  writeTalks(c);
  writePeople(c);
  writeMyths(c);
  writePatterns(c);
  writeStories(c);
  writeReferences(c);
  writeMaturities(c);
  writeTopics(c);
}
