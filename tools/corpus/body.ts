/**
 * Bodies of synthetic entries: paragraphs of filler with a few reference
 * links, the odd heading and sometimes a closing checklist, sized to a word
 * range as the validator counts words (link targets do not count).
 */
import type { EntryType } from '../../src/lib/content-model/entry-types.ts';
import { target, type Link } from './citations.ts';
import type { Context } from './plan.ts';
import { sentence } from './prose.ts';
import { eachLongSentence } from '../../src/lib/validator/editorial/repeated-sentences.ts';
import type { Rng } from './random.ts';
import { be, cap, lower, words } from './text.ts';
import { HEADINGS, OBJECTS, OPENERS, SUBJECTS, TAILS } from './vocabulary.ts';

function linkSentence(r: Rng, t: Link): string {
  const link = `[${t.text}](${t.ref})`;
  if (t.kind === 'person') {
    return r.pick([`${link} has said much the same.`, `${link} tells a similar story ${r.pick(TAILS)}.`, `Ask ${link} about it.`]);
  }
  if (t.kind === 'topic') {
    return r.pick([`More on ${link} elsewhere in the knowledge base.`, `It is one of the recurring themes of ${link}.`]);
  }
  if (t.kind === 'talk' && t.ref.includes('@')) {
    return r.pick([`This comes up in ${link} as well.`, `The point is made directly in ${link}.`, cap(`${r.pick(SUBJECTS)} explains it in ${link}.`)]);
  }
  switch (r.int(0, 4)) {
    case 0:
      return `This comes up in ${link} as well.`;
    case 1:
      return cap(`${r.pick(SUBJECTS)} points to ${link} ${r.pick(TAILS)}.`);
    case 2:
      return `Compare ${link}, which reaches a different conclusion.`;
    case 3:
      return `For the background, see ${link} first.`;
    default:
      return `It is close to ${link} in spirit.`;
  }
}

export interface BodyOptions {
  /** Who the sentences are about; default: generic subjects ("the team"). */
  subjects?: readonly string[];
  /** Topic ids the text may turn to. */
  topics?: string[];
  /** How many links; default 1 to 3. */
  links?: number;
  linkKinds?: readonly EntryType[];
  /** Whether it may end with a bullet list. */
  list?: boolean;
}

/** A body of `lo`-`hi` words as the validator counts them, never linking to `self`. */
export function body(c: Context, self: string, lo: number, hi: number, opts: BodyOptions = {}): string {
  const { r, plan } = c;
  // Some entries end with a short bullet list, counted in the word budget.
  const list = opts.list && r.chance(0.2) ? r.sample(OBJECTS, r.int(2, 4)).map((o) => `- ${cap(o)} ${be(o)} ${r.pick(['checked weekly', 'owned by one team', 'versioned', 'documented', 'tested before release'])}.`) : [];
  const listHeading = list.length ? r.pick(['What to check', 'Signs you need it', 'Checklist']) : '';
  const listWords = list.length ? words(listHeading) + list.reduce((n, l) => n + words(l) - 1, 0) : 0;
  lo -= listWords;
  hi -= listWords;
  const goal = r.int(lo, hi);
  const subjects = opts.subjects ?? SUBJECTS;
  const linkCount = opts.links ?? r.int(1, 3);
  const paragraphs: string[][] = [[]];
  const out: string[] = [];
  let count = 0;
  let links = 0;
  const linkEvery = Math.max(2, Math.floor(goal / 12 / (linkCount + 1)));
  let sentences = 0;
  const topicNames = (opts.topics ?? []).map((id) => lower(plan.topicName.get(id) ?? id));
  while (true) {
    let s: string;
    let linked = false;
    sentences++;
    if (links < linkCount && sentences % linkEvery === 0) {
      const t = target(c, self, opts.linkKinds);
      s = t ? linkSentence(r, t) : sentence(r, subjects);
      linked = t !== undefined;
    } else if (topicNames.length && r.chance(0.15)) {
      s = cap(`${r.pick(OPENERS)}the discussion turns to ${r.pick(topicNames)}, and why ${r.pick(subjects)} cares about it.`);
    } else {
      s = sentence(r, subjects);
    }
    // A long sentence is written once in the corpus, as in real content; a repeat is drawn again.
    // It is split as the validator splits it: a name like "D. Abebe" ends a sentence for it.
    const keys: number[] = [];
    eachLongSentence(s.replace(/\]\([^)]*\)/g, '').replace(/\[/g, ''), (hash) => keys.push(hash));
    if (keys.some((k) => c.said.has(k))) continue;
    for (const k of keys) c.said.add(k);
    if (linked) links++;
    const w = words(s.replace(/\]\([^)]*\)/g, ']'));
    if (count + w > goal && count >= lo) break;
    count += w;
    paragraphs[paragraphs.length - 1].push(s);
    if (paragraphs[paragraphs.length - 1].length >= r.int(3, 6)) {
      if (r.chance(0.25) && count + 4 < goal) {
        const h = r.pick(HEADINGS);
        count += words(h);
        paragraphs.push([`## ${h}`]);
      }
      paragraphs.push([]);
    }
  }
  for (const p of paragraphs) if (p.length) out.push(p[0].startsWith('## ') ? p[0] : p.join(' '));
  if (out.length && out[out.length - 1].startsWith('## ')) out.pop();
  if (list.length) out.push(`## ${listHeading}`, list.join('\n'));
  return out.join('\n\n');
}
