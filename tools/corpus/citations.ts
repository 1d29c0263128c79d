/**
 * How synthetic entries point at each other: talk moments inside a talk's
 * length, sources (moments, references, references with a locator), topic
 * lists, link targets for bodies and typed `related` links. Every target
 * comes from the plan, so it exists, and is never the entry itself. Talks,
 * patterns and references are picked with a bias towards the first of their
 * list, so some become hubs, as in a real knowledge base.
 */
import type { EntryType } from '../../src/lib/content-model/entry-types.ts';
import { formatTimestamp } from '../../src/lib/content-model/timestamps.ts';
import type { Context, TalkPlan } from './plan.ts';
import { pair } from './prose.ts';
import { cap, lower } from './text.ts';
import { ABSTRACTS, LOCATORS, RELATED_RELATIONS } from './vocabulary.ts';

/** A link a body can make: the reference, its text and the type it points at. */
export interface Link {
  ref: string;
  text: string;
  kind: EntryType;
}

/** A moment inside a talk, in seconds: a chapter start, or a second between two chapters. */
export function momentIn({ r }: Context, talk: TalkPlan): number {
  const c = r.int(0, talk.chapters.length - 1);
  const start = talk.chapters[c];
  if (r.chance(0.5)) return start;
  const end = c + 1 < talk.chapters.length ? talk.chapters[c + 1] : talk.duration;
  return start + r.int(0, end - start - 1);
}

export function moment(c: Context, talk: TalkPlan, at = momentIn(c, talk)): string {
  return `talk:${talk.id}@${formatTimestamp(at)}`;
}

export const skewedTalk = ({ r, plan }: Context): TalkPlan => r.pickSkewed(plan.talks);

/**
 * A candidate source and the key `sources` tells sources apart by. A moment
 * can be drawn as `text` (the first draw in `source`, and a person's first
 * talk) or not (the second draw, a myth's statedIn), and the two have always
 * counted as different sources even for the same moment: the generator's
 * first YAML writer quoted the one, not the other, and compared the written
 * text. Keeping that keeps every corpus what it was for its seed; on rare
 * seeds a list names a moment twice, which is valid.
 */
export interface Drawn {
  value: unknown;
  key: string;
}
export const drawn = (value: unknown, text = false): Drawn => ({ value, key: (text ? 'text ' : '') + JSON.stringify(value) });

function source(c: Context, self: string): Drawn {
  const { r, plan } = c;
  const roll = r.next();
  if (roll < 0.6 || plan.references.length === 0) return drawn(moment(c, skewedTalk(c)), true);
  if (roll < 0.7) return drawn(moment(c, skewedTalk(c)));
  const ref = r.pickSkewed(plan.references);
  if (`reference:${ref.id}` === self) return drawn(moment(c, skewedTalk(c)), true);
  if (roll < 0.85) return drawn(`reference:${ref.id}`);
  const [a, b] = pair(r);
  return drawn({ ref: `reference:${ref.id}`, locator: r.pick(LOCATORS), quote: r.chance(0.5) ? cap(`${a} matters more than ${b}.`) : undefined });
}

/** `lo` to `hi` different sources (fewer when the draws keep repeating), after `first` when given. */
export function sources(c: Context, self: string, lo = 1, hi = 3, first?: Drawn): unknown[] {
  const out: Drawn[] = first === undefined ? [] : [first];
  const seen = new Set(out.map((s) => s.key));
  const want = c.r.int(lo, hi);
  for (let tries = 0; out.length < want && tries < 10; tries++) {
    const s = source(c, self);
    if (!seen.has(s.key)) {
      seen.add(s.key);
      out.push(s);
    }
  }
  return out.map((s) => s.value);
}

export function topicList({ r, plan }: Context, lo = 1, hi = 4): string[] {
  return r.sample(plan.topicIds, r.int(lo, hi), true);
}

const ANY_KIND: readonly EntryType[] = ['talk', 'talk', 'pattern', 'myth', 'war-story', 'reference', 'maturity', 'topic', 'person'];

/** Something to link to, never `self`; undefined when six draws all hit `self`. */
export function target(c: Context, self: string, kinds: readonly EntryType[] = ANY_KIND): Link | undefined {
  const { r, plan } = c;
  for (let tries = 0; tries < 6; tries++) {
    const kind = r.pick(kinds);
    let ref: string;
    let text: string;
    switch (kind) {
      case 'talk': {
        const t = skewedTalk(c);
        if (`talk:${t.id}` === self) continue;
        ref = moment(c, t);
        text = r.chance(0.5) ? t.title : r.pick(['this talk', 'the conversation', 'an episode on the subject', 'a related episode']);
        break;
      }
      case 'maturity': {
        const m = r.pick(plan.maturities);
        if (`maturity:${m.id}` === self) continue;
        if (r.chance(0.6)) {
          const o = r.pick(m.ordinals);
          ref = `maturity:${m.id}#level-${o}`;
          text = `level ${o} of ${m.title}`;
        } else {
          ref = `maturity:${m.id}`;
          text = m.title;
        }
        break;
      }
      case 'topic': {
        const t = r.pickSkewed(plan.topics);
        ref = `topic:${t.id}`;
        text = lower(t.name);
        if (ref === self) continue;
        break;
      }
      case 'person': {
        const p = r.pick(plan.people);
        ref = `person:${p.id}`;
        text = p.name;
        if (ref === self) continue;
        break;
      }
      default: {
        const list = kind === 'pattern' ? plan.patterns : kind === 'myth' ? plan.myths : kind === 'war-story' ? plan.stories : plan.references;
        const e = r.pickSkewed(list);
        ref = `${kind}:${e.id}`;
        text = kind === 'pattern' ? `the ${e.title} pattern` : e.title;
        if (ref === self) continue;
      }
    }
    return { ref, text, kind };
  }
  return undefined;
}

/** Up to `max` `related` links to different entries, after `extra`; undefined when there are none. */
export function related(c: Context, self: string, max = 4, extra: unknown[] = []): unknown[] | undefined {
  const { r } = c;
  const out: unknown[] = [...extra];
  const seen = new Set<string>();
  const want = r.int(0, max);
  for (let i = 0; i < want; i++) {
    const t = target(c, self, ['talk', 'pattern', 'pattern', 'myth', 'war-story', 'reference', 'maturity', 'topic']);
    if (!t) continue;
    const to = t.ref.replace(/#.*$/, '');
    if (seen.has(to.replace(/@.*$/, ''))) continue;
    seen.add(to.replace(/@.*$/, ''));
    if (r.chance(0.35)) out.push(to);
    else out.push({ to, relation: r.pick(RELATED_RELATIONS), note: r.chance(0.4) ? cap(`${r.pick(ABSTRACTS)} is the common thread.`) : undefined });
  }
  return out.length ? out : undefined;
}
