/**
 * The content covers its sources: read straight from ../shared/seeds/, every
 * chapter time of seeds 000-002 is a chapter of its talk, every myth of seed
 * 001 and every pattern of seed 002 has an entry, and no transcription slip
 * of the seeds made it into an entry.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Entry } from '../../src/lib/graph.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/lib/kb.ts';
import { parseTimestamp } from '../../src/lib/timestamp.ts';

const root = path.resolve(import.meta.dirname, '../..');
const seedsDir = path.resolve(root, '../shared/seeds');
// The seeds exist only on the maintainers' machines, not in a contributor's clone or on CI.
const skip = existsSync(seedsDir) ? false : `${seedsDir} is absent: the seeds exist only on the maintainers' machines`;
if (skip) console.log(`# content-coverage skipped: ${skip}`);
const seedTest = (name: string, fn: () => void) => test(name, { skip }, fn);
const seed = (prefix: string) => {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(prefix));
  assert.ok(file, `seed ${prefix} not found in ${seedsDir}`);
  return readFileSync(path.join(seedsDir, file), 'utf8');
};
const seconds = (t: string) => {
  const r = parseTimestamp(t);
  assert.ok(r.ok, t);
  return r.seconds;
};

let kb: KnowledgeBase;
before(async () => {
  kb = await loadKnowledgeBase({ root, contentDir: 'content' });
});
const talk = (id: string) => {
  const t = kb.entries.find((e) => e.key === `talk:${id}`) as Entry<'talk'> | undefined;
  assert.ok(t, `talk ${id} is missing`);
  return t;
};

const SEED_TALKS: Array<[string, string, RegExp]> = [
  ['000', 'godfather-of-mlops', /^\[(\d\d:\d\d)\]/gm],
  ['001', 'principles-of-good-ml-systems-design', /^(\d{1,2}:\d\d) \S/gm],
  ['002', 'ml-design-patterns-for-mlops', /^\[(\d\d:\d\d)\]/gm],
];

for (const [prefix, id, pattern] of SEED_TALKS) {
  seedTest(`every chapter time of seed ${prefix} is a chapter of talks/${id}`, () => {
    const times = [...seed(prefix).matchAll(pattern)].map((m) => seconds(m[1]));
    assert.ok(times.length >= 10, `found only ${times.length} times in seed ${prefix}`);
    const chapters = new Set((talk(id).data.chapters ?? []).map((c) => c.at));
    assert.deepEqual(times.filter((t) => !chapters.has(t)), []);
  });
}

seedTest('seed 003 chapters start at times the transcript marks', () => {
  const marks = new Set([...seed('003').matchAll(/(?:^|\s)(\d{1,2}:\d\d) (?:Vishnu|Demetrios|Donna|Christos)\b/g)].map((m) => seconds(m[1])));
  const chapters = talk('practitioners-guide-to-mlops').data.chapters ?? [];
  assert.ok(chapters.length >= 8);
  assert.deepEqual(chapters.map((c) => c.at).filter((t) => !marks.has(t)), []);
});

seedTest('seed 004 gives lengths, not start times: the talk has segments and no chapters', () => {
  const lengths = [...seed('004').matchAll(/^(\d\d:\d\d) MIN$/gm)].map((m) => seconds(m[1]));
  const t = talk('mlops-on-the-georgian-impact-podcast');
  assert.equal(t.data.chapters, undefined);
  assert.deepEqual(t.data.segments?.map((s) => s.length), lengths);
});

seedTest('every myth of seed 001 has an entry stated at its moment', () => {
  const myths = [...seed('001').matchAll(/^(\d{1,2}:\d\d) Myth (\d): (.+)$/gm)];
  assert.equal(myths.length, 7);
  const entries = kb.entries.filter((e): e is Entry<'myth'> => e.type === 'myth');
  for (const [, time, n] of myths) {
    const found = entries.find((m) => m.data.number === Number(n));
    assert.ok(found, `no entry for myth ${n}`);
    assert.deepEqual([found.data.statedIn.id, found.data.statedIn.at], ['principles-of-good-ml-systems-design', seconds(time)], `myth ${n}`);
  }
});

seedTest('every pattern of seed 002 has an entry', () => {
  const list = /cover five patterns \(([^)]+)\)/.exec(seed('002'));
  assert.ok(list);
  const titles = new Set(kb.entries.filter((e) => e.type === 'pattern').map((e) => e.title.toLowerCase()));
  const missing = list[1].split(',').map((p) => p.trim().replace(/s$/, '').toLowerCase()).filter((p) => !titles.has(p));
  assert.deepEqual(missing, []);
});

/** The locator written beside the source an edge comes from (`sources[2].ref` → `sources[2].locator`). */
function locatorOf(e: Entry, field: string): unknown {
  const parent = field.split(/[.[\]]+/).filter(Boolean).slice(0, -1).reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], e.data);
  return (parent as { locator?: unknown } | undefined)?.locator;
}

seedTest('every entry that is not a talk cites a moment that exists, what a talk\'s page says (a whole talk with a locator), or (seed 004 only) its whole talk', () => {
  const uncited = kb.entries
    .filter((e) => e.type !== 'talk')
    .filter((e) => !kb.graph.outgoing.get(e.key)?.some((edge) => edge.to.startsWith('talk:') && (edge.at !== undefined || edge.to === 'talk:mlops-on-the-georgian-impact-podcast' || (edge.relation === 'cites' && typeof locatorOf(e, edge.field) === 'string'))));
  assert.deepEqual(uncited.map((e) => e.key), []);
});

seedTest('the seeds\' transcription slips are corrected in the entries', () => {
  const SLIPS = [/Machining Adoption/i, /training fishers/i, /edufacts/i, /D\. Scully/, /\bLack\b/, /Demetrius/, /Digital MR\b/, /\baudibility\b/i, /technical depth/i, /auto domain/i, /bring on perplexity/i, /Ease\. ml/, /\bby SP\b/, /spin ?offs/i, /Benevolent AI\b/, /struck discovery/i, /Ethics Grade/, /try in triage/i];
  const offending: string[] = [];
  for (const e of kb.entries) {
    const text = readFileSync(path.join(root, e.file), 'utf8');
    for (const slip of SLIPS) if (slip.test(text)) offending.push(`${e.file}: ${slip}`);
  }
  assert.deepEqual(offending, []);
});

seedTest('every cited moment of a seed talk is a time the seed itself gives', () => {
  // The durations are unknown, so the validator cannot bound these times; the seeds can.
  const given = new Map<string, Set<number>>([
    ...SEED_TALKS.map(([prefix, id, pattern]) => [`talk:${id}`, new Set([...seed(prefix).matchAll(pattern)].map((m) => seconds(m[1])))] as const),
    ['talk:practitioners-guide-to-mlops', new Set([...seed('003').matchAll(/(?:^|\s)(\d{1,2}:\d\d) (?:Vishnu|Demetrios|Donna|Christos)\b/g)].map((m) => seconds(m[1])))],
  ]);
  const unknown = kb.graph.edges
    .filter((e) => e.at !== undefined && given.has(e.to) && !given.get(e.to)!.has(e.at))
    .map((e) => `${e.from} ${e.field} → ${e.to}@${e.at}`);
  assert.deepEqual(unknown, []);
});
