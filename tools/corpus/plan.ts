/**
 * What a synthetic corpus holds, decided before any file is written so that
 * every reference can point at something real: how many entries of each
 * type, and each entry's id and title (talks also their length, chapters,
 * cast and topics; maturity models their levels). Ids are unique per type.
 */
import { ENTRY_TYPES, slugify, type EntryType } from '../../src/lib/content-model/entry-types.ts';
import type { Rng } from './random.ts';
import { lower, titleCase } from './text.ts';
import {
  COMPANIES, FIRST_NAMES, INITIALS, LAST_NAMES, MATURITY_NAMES, MYTH_SCOPES, MYTH_TEMPLATES, MYTH_THINGS, PATTERN_NOUNS, PATTERN_PREFIXES,
  PATTERN_QUALIFIERS, PUBLISHERS, REFERENCE_TEMPLATES, STORY_ADJECTIVES, STORY_EVENTS, STORY_NOUNS, TALK_TITLE_TEMPLATES, TOPICS,
} from './vocabulary.ts';

export const MIN_ENTRIES = ENTRY_TYPES.length;

export interface Named {
  id: string;
  title: string;
}
export interface TalkPlan extends Named {
  /** Seconds. */
  duration: number;
  /** Chapter starts in seconds, the first at 0. */
  chapters: number[];
  /** Who speaks, by index into `people`. */
  people: Array<{ person: number; role: string }>;
  topics: string[];
}
export interface MaturityPlan extends Named {
  ordinals: number[];
}

export interface Plan {
  topics: Array<Named & { name: string; aliases: string[] }>;
  topicIds: string[];
  topicName: Map<string, string>;
  people: Array<Named & { name: string }>;
  references: Named[];
  talks: TalkPlan[];
  myths: Named[];
  patterns: Named[];
  stories: Named[];
  maturities: MaturityPlan[];
  /** The talks each person speaks in (indices into `talks`), for their sources and affiliations. */
  talksOf: number[][];
  /** Every id taken, per type; redirects add the old ids they claim. */
  usedIds: Map<EntryType, Set<string>>;
}

/** How many entries of each type a corpus of `n` entries has. */
export function typeCounts(n: number): Record<EntryType, number> {
  if (!Number.isInteger(n) || n < MIN_ENTRIES) throw new Error(`a corpus needs a whole number of at least ${MIN_ENTRIES} entries (one per type), not ${n}`);
  const topic = Math.max(1, Math.min(80, 40 + Math.floor(n / 250), Math.floor(n / 5)));
  const maturity = Math.max(1, Math.round(n * 0.02));
  const weights: Array<[EntryType, number]> = [['talk', 15], ['war-story', 15], ['person', 12], ['myth', 12], ['pattern', 12], ['reference', 12]];
  const total = weights.reduce((s, [, w]) => s + w, 0);
  const rest = n - topic - maturity - weights.length;
  const counts: Record<EntryType, number> = { talk: 1, person: 1, myth: 1, maturity, 'war-story': 1, pattern: 1, reference: 1, topic };
  const shares = weights.map(([t, w]) => ({ t, exact: (rest * w) / total }));
  let given = 0;
  for (const s of shares) {
    counts[s.t] += Math.floor(s.exact);
    given += Math.floor(s.exact);
  }
  // Largest remainder; ties go to the earlier type, so the result is stable.
  const order = [...shares].sort((a, b) => (b.exact % 1) - (a.exact % 1));
  for (let i = 0; given < rest; i++, given++) counts[order[i % order.length].t]++;
  return counts;
}

/**
 * Plans every entry of a corpus with `counts`. The order of the draws below
 * is part of the output: changing it changes every corpus after that point.
 */
export function planCorpus(r: Rng, counts: Record<EntryType, number>): Plan {
  const usedIds = new Map<EntryType, Set<string>>(ENTRY_TYPES.map((t) => [t, new Set<string>()]));
  // Unique ids per type: a few new titles, then a numbered variant.
  const claim = (type: EntryType, make: () => string, variant = (base: string, k: number) => `${base} (part ${k})`): Named => {
    const used = usedIds.get(type)!;
    let title = make();
    for (let i = 0; i < 6 && used.has(slugify(title)); i++) title = make();
    if (used.has(slugify(title))) {
      const base = title;
      for (let k = 2; used.has(slugify(title)); k++) title = variant(base, k);
    }
    const id = slugify(title);
    used.add(id);
    return { id, title };
  };

  // Topics: the first `counts.topic` terms, in a seeded order.
  const topicOrder = r.sample(TOPICS.map((_, i) => i), TOPICS.length);
  const topics = topicOrder.slice(0, counts.topic).map((i) => {
    const [name, ...aliases] = TOPICS[i];
    const t = claim('topic', () => name);
    return { ...t, name, aliases };
  });
  const topicIds = topics.map((t) => t.id);
  const topicName = new Map(topics.map((t) => [t.id, t.name]));

  const people = Array.from({ length: counts.person }, () => {
    const p = claim('person', () => {
      const first = r.pick(FIRST_NAMES);
      const last = r.pick(LAST_NAMES);
      return r.chance(0.15) ? `${first} ${r.pick(INITIALS)}. ${last}` : `${first} ${last}`;
    });
    return { ...p, name: p.title };
  });
  const references = Array.from({ length: counts.reference }, () =>
    claim('reference', () => r.pick(REFERENCE_TEMPLATES)(titleCase(topicName.get(r.pick(topicIds))!)), (b, k) => `${b}, Volume ${k}`),
  );
  const personIndices = people.map((_, i) => i);
  const talks: TalkPlan[] = Array.from({ length: counts.talk }, () => {
    const ts = r.sample(topicIds, r.int(1, 4), true);
    const t = claim('talk', () => r.pick(TALK_TITLE_TEMPLATES)(lower(topicName.get(r.pick(ts))!), r.pick(COMPANIES)));
    const duration = r.int(20 * 60, 90 * 60);
    const k = r.int(5, 40);
    const starts = new Set<number>([0]);
    while (starts.size < k) starts.add(r.int(15, duration - 15));
    const chapters = [...starts].sort((a, b) => a - b);
    const cast = r.sample(personIndices, r.int(2, 4), true);
    const panel = cast.length === 4 && r.chance(0.5);
    const roles = cast.map((person, i) => ({
      person,
      role: i === 0 ? (panel ? 'moderator' : 'host') : panel ? 'panelist' : r.chance(0.7) ? 'guest' : 'speaker',
    }));
    return { ...t, duration, chapters, people: roles, topics: ts };
  });
  const myths = Array.from({ length: counts.myth }, () => claim('myth', () => r.pick(MYTH_TEMPLATES)(r.pick(MYTH_THINGS)) + r.pick(MYTH_SCOPES), (b, k) => `${b} (take ${k})`));
  const patterns = Array.from({ length: counts.pattern }, () =>
    claim('pattern', () => `${r.pick(PATTERN_PREFIXES)} ${r.pick(PATTERN_NOUNS)}${r.chance(0.3) ? ` ${r.pick(PATTERN_QUALIFIERS)}` : ''}`),
  );
  const stories = Array.from({ length: counts['war-story'] }, () =>
    claim('war-story', () =>
      r.chance(0.5)
        ? `The ${r.pick(STORY_ADJECTIVES)} ${r.pick(STORY_NOUNS)} that ${r.pick(STORY_EVENTS)}`
        : r.chance(0.5)
          ? `Nobody owned the ${r.pick(STORY_NOUNS)}`
          : `When the ${r.pick(STORY_NOUNS)} ${r.pick(STORY_EVENTS)}`,
    ),
  );
  const maturities: MaturityPlan[] = Array.from({ length: counts.maturity }, () => {
    const m = claim('maturity', () => `${r.pick(MATURITY_NAMES)} (${r.pick(PUBLISHERS)})`, (b, k) => `${b}, version ${k}`);
    const first = r.chance(0.6) ? 0 : 1;
    return { ...m, ordinals: Array.from({ length: r.int(3, 5) }, (_, i) => first + i) };
  });

  const talksOf = people.map(() => [] as number[]);
  talks.forEach((t, ti) => t.people.forEach((p) => talksOf[p.person].push(ti)));
  return { topics, topicIds, topicName, people, references, talks, myths, patterns, stories, maturities, talksOf, usedIds };
}

/** What the entry writers share: the one random source, the plan, and the long body sentences written so far. */
export interface Context {
  r: Rng;
  plan: Plan;
  /** Hashes (editorial/repeated-sentences.ts) of the bodies' long sentences: the validator warns on a repeat across entries. */
  said: Set<number>;
}
