/**
 * Who a talk's people are: each person the input names, matched to an entry
 * in content/people/ or, when the input gives their full name, a new person
 * with the role and organisation it states. Never a guess: a first name that
 * neither the input nor content/people/ ties to one person is a problem.
 *
 * A match is, in order: the same profile link; the same name (case, accents
 * and punctuation aside, and "Valliappa (Lak) Lakshmanan" answering to
 * "Valliappa Lakshmanan" and "Lak Lakshmanan"); for a first name alone, the
 * one full name in the input, else the one person in content/people/, that
 * starts with it.
 */
import { slugify } from '../../content-model/entry-types.ts';
import type { KnownPerson } from './known-entries.ts';
import type { ImportProblem, Mention, MentionSource, Role } from './reading.ts';

const norm = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const normLink = (url: string) => url.toLowerCase().replace(/^https?:\/\/(?:www\.)?/, '').replace(/[?#].*$/, '').replace(/\/+$/, '');

/** The forms a name answers to: "Valliappa (Lak) Lakshmanan" → valliappa lakshmanan, lak lakshmanan, valliappa lak lakshmanan. */
function fullForms(name: string): string[] {
  const nick = /\(([^)]+)\)/.exec(name)?.[1];
  const plain = name.replace(/\s*\([^)]*\)\s*/g, ' ');
  const forms = [norm(plain), norm(name)];
  if (nick) forms.push(norm(`${nick} ${plain.trim().split(/\s+/).slice(1).join(' ')}`));
  return [...new Set(forms)];
}

/** The single words a name answers to on their own: its first name and nickname. */
function firstNames(name: string): string[] {
  const nick = /\(([^)]+)\)/.exec(name)?.[1];
  const first = norm(name.replace(/\s*\([^)]*\)\s*/g, ' ')).split(' ')[0];
  return [...new Set([first, ...(nick ? [norm(nick)] : [])])];
}

/** How strongly a kind of mention says a person's part: a host or guest list beats the title, which beats a profile link, which beats the rest. */
const RANK: Record<MentionSource, number> = { 'host list': 3, 'guest list': 3, title: 2, 'profile link': 1, 'speaker list': 1, 'speaker bio': 0, transcript: 0 };

export interface TalkPerson {
  id: string;
  name: string;
  role: Role;
  /** True when no entry in content/people/ is this person: a skeleton is written. */
  isNew: boolean;
  /** Every mention of them in the input. */
  mentions: Mention[];
}

export interface People {
  people: TalkPerson[];
  /** For each label the input used (a first name, a voice tag), the person it names. */
  byLabel: Map<string, TalkPerson>;
  problems: ImportProblem[];
}

/**
 * Matches the input's mentions to people; new people for full names no entry
 * has, problems for first names no one can be tied to. `given`: people named
 * on the command line, whom a first name is tied to before anyone else.
 */
export function resolvePeople(mentions: readonly Mention[], known: readonly KnownPerson[], given: readonly KnownPerson[] = []): People {
  const problems: ImportProblem[] = [];
  const groups: Array<{ key: string; name: string; known?: KnownPerson; mentions: Mention[] }> = [];
  const byLabel = new Map<string, (typeof groups)[number]>();
  const findKnown = (m: Mention): KnownPerson | undefined => {
    if (m.link) {
      const byLink = known.find((p) => p.links.some((l) => normLink(l) === normLink(m.link!)));
      if (byLink) return byLink;
    }
    const forms = fullForms(m.name);
    return known.find((p) => fullForms(p.name).some((f) => forms.includes(f)) || p.id === slugify(m.name));
  };
  const groupFor = (name: string, person: KnownPerson | undefined) => {
    const key = person ? `known:${person.id}` : `new:${slugify(name)}`;
    let g = groups.find((x) => x.key === key);
    if (!g) groups.push((g = { key, name: person?.name ?? name, known: person, mentions: [] }));
    return g;
  };
  const single = (m: Mention) => norm(m.name).split(' ').length < 2;
  // Full names first, so that a first name can be tied to a full name anywhere in the input.
  for (const m of mentions.filter((x) => !single(x))) {
    const g = groupFor(m.name, findKnown(m));
    g.mentions.push(m);
    byLabel.set(m.name, g);
  }
  for (const m of mentions.filter(single)) {
    const first = norm(m.name);
    let g = m.link ? (() => {
      const p = findKnown(m);
      return p ? groupFor(p.name, p) : undefined;
    })() : undefined;
    if (!g) {
      const inGiven = given.filter((p) => firstNames(p.name).includes(first));
      const inInput = groups.filter((x) => firstNames(x.name).includes(first));
      const inContent = known.filter((p) => firstNames(p.name).includes(first));
      if (inGiven.length === 1) g = groupFor(inGiven[0].name, inGiven[0]);
      else if (inInput.length === 1) g = inInput[0];
      else if (inInput.length === 0 && inContent.length === 1) g = groupFor(inContent[0].name, inContent[0]);
      else {
        const candidates = inInput.length > 1 ? inInput.map((x) => x.known?.id ?? slugify(x.name)) : inContent.map((p) => p.id);
        if (!problems.some((p) => p.message.startsWith(`"${m.name}" `))) {
          problems.push(
            candidates.length > 1
              ? { line: m.line, column: m.column, field: 'people', message: `"${m.name}" could be ${candidates.join(' or ')}`, fix: 'name them in full in the input, or pass --force to leave them out' }
              : { line: m.line, column: m.column, field: 'people', message: `"${m.name}" is a first name that neither the input nor content/people/ ties to one person`, fix: `add the person first (npm run new -- person "Full Name") and import again, or pass --force to leave them out` },
          );
        }
        continue;
      }
    }
    g.mentions.push(m);
    byLabel.set(m.name, g);
  }
  const people: TalkPerson[] = groups
    .map((g) => {
      const best = [...g.mentions].sort((a, b) => RANK[b.source] - RANK[a.source] || a.line - b.line || a.column - b.column)[0];
      return { g, best };
    })
    .sort((a, b) => a.best.line - b.best.line || a.best.column - b.best.column)
    .map(({ g, best }) => ({ id: g.known?.id ?? slugify(g.name), name: g.name, role: best.role ?? 'speaker', isNew: !g.known, mentions: [...g.mentions].sort((a, b) => a.line - b.line || a.column - b.column) }));
  const byId = new Map(people.map((p) => [p.id, p]));
  return { people, byLabel: new Map([...byLabel].map(([label, g]) => [label, byId.get(g.known?.id ?? slugify(g.name))!])), problems };
}

/** A word that names a job, not a person: "Staff Engineer" on a line of its own is a role. */
export const JOB_WORD = /\b(?:engineer|manager|lead|director|scientist|head|founder|co-founder|ceo|cto|cfo|coo|vp|vice president|officer|researcher|developer|architect|consultant|analyst|professor|host|coordinator|evangelist|advocate|partner|president|principal|fellow|student|designer|writer|author)\b/i;

/** Role and organisation pairs from a headline: `Solutions Manager @ Google Cloud`, `Software Engineer at Microsoft and Content Lead at MLOps Community`, `Snorkel AI - Machine Learning Engineer`. */
export function affiliationsOf(headline: string): Array<{ organisation: string; role: string }> {
  const h = headline.trim();
  const at = /^(.+?)\s+(?:@|at)\s+(.+)$/;
  const pairs = /\sat\s.+\sand\s.+\sat\s/.test(h) ? h.split(/\s+and\s+(?=[^@]*\sat\s)/) : [h];
  const out: Array<{ organisation: string; role: string }> = [];
  for (const p of pairs) {
    const m = at.exec(p);
    if (m) {
      out.push({ organisation: m[2].trim(), role: m[1].trim() });
      continue;
    }
    const dash = /^(.+?)\s+[-–—|]\s+(.+)$/.exec(p);
    if (!dash) continue;
    // Which side is the role: the one with a job word in it.
    const job = JOB_WORD;
    if (job.test(dash[2]) && !job.test(dash[1])) out.push({ organisation: dash[1].trim(), role: dash[2].trim() });
    else if (job.test(dash[1]) && !job.test(dash[2])) out.push({ organisation: dash[2].trim(), role: dash[1].trim() });
  }
  return out;
}
