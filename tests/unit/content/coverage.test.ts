/**
 * The content covers its sources, checked against the facts in
 * tests/support/seed-facts.ts (so it runs on every machine): every chapter
 * time of seeds 000-002 is a chapter of its talk, seed 003's chapters start
 * at transcript turns, seed 004 has segments and no invented start times,
 * every myth, phase and pattern has its entry at its moment, every cited
 * moment of a seed talk is a time the seed gives, and no transcription slip
 * made it into an entry. tests/unit/content/seed-facts.test.ts checks the facts
 * against the seeds themselves.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Entry } from '../../../src/lib/content-model/link-graph.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../../src/lib/validator/validate-content.ts';
import { parseTimestamp } from '../../../src/lib/content-model/timestamps.ts';
import { CHAPTERED, MYTHS, PATTERNS, PHASES, SEGMENTS, SLIPS, TRANSCRIPT } from '../../support/seed-facts.ts';

const root = path.resolve(import.meta.dirname, '../../..');
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

for (const { seed, talk: id, times } of CHAPTERED) {
  test(`talks/${id} has exactly the ${times.length} chapter times of seed ${seed}`, () => {
    assert.deepEqual((talk(id).data.chapters ?? []).map((c) => c.at), times.map(seconds));
  });
}

test(`talks/${TRANSCRIPT.talk} (seed ${TRANSCRIPT.seed}) starts each chapter at a transcript turn`, () => {
  const turns = new Set(TRANSCRIPT.turns.map(([at]) => seconds(at)));
  const chapters = talk(TRANSCRIPT.talk).data.chapters ?? [];
  assert.ok(chapters.length >= 8, `only ${chapters.length} chapters`);
  assert.deepEqual(chapters.map((c) => c.at).filter((t) => !turns.has(t)), []);
});

test(`talks/${SEGMENTS.talk} (seed ${SEGMENTS.seed}) has its segments' lengths and no invented start times`, () => {
  const t = talk(SEGMENTS.talk);
  assert.equal(t.data.chapters, undefined);
  assert.deepEqual(t.data.segments?.map((s) => s.length), SEGMENTS.lengths.map(seconds));
});

test('every myth of seed 001 has an entry stated at its moment', () => {
  const entries = kb.entries.filter((e): e is Entry<'myth'> => e.type === 'myth');
  assert.equal(entries.length, MYTHS.length);
  for (const myth of MYTHS) {
    const found = entries.find((m) => m.data.number === myth.number);
    assert.ok(found, `no entry for myth ${myth.number} (${myth.name})`);
    assert.deepEqual([found.data.statedIn.id, found.data.statedIn.at], ['principles-of-good-ml-systems-design', seconds(myth.at)], `myth ${myth.number}`);
  }
});

test('every phase of seed 001 is a level of the four-phases model, citing its moment', () => {
  const model = kb.entries.find((e) => e.key === 'maturity:four-phases-of-ml-adoption') as Entry<'maturity'> | undefined;
  assert.ok(model);
  assert.deepEqual(model.data.levels.map((l) => l.ordinal), PHASES.map((p) => p.ordinal));
  for (const [i, phase] of PHASES.entries()) {
    const cited: Array<number | undefined> = model.data.levels[i].sources.map((s) => s.ref).filter((r) => r.id === 'principles-of-good-ml-systems-design').map((r) => r.at);
    assert.ok(cited.includes(seconds(phase.at)), `level ${phase.ordinal} does not cite ${phase.at}`);
  }
});

test('every pattern of seed 002 has an entry', () => {
  const titles = new Set(kb.entries.filter((e) => e.type === 'pattern').map((e) => e.title.toLowerCase()));
  assert.deepEqual(PATTERNS.filter((p) => !titles.has(p.toLowerCase())), []);
});

test('every entry that is not a talk cites a moment that exists, what a talk\'s page says (a whole talk with a locator), or (seed 004 only) its whole talk', () => {
  const uncited = kb.entries
    .filter((e) => e.type !== 'talk')
    .filter((e) => !kb.graph.outgoing.get(e.key)?.some((edge) => edge.to.startsWith('talk:') && (edge.at !== undefined || edge.to === `talk:${SEGMENTS.talk}` || (edge.relation === 'cites' && edge.locator !== undefined))));
  assert.deepEqual(uncited.map((e) => e.key), []);
});

test('the seeds\' transcription slips are corrected in the entries', () => {
  const offending: string[] = [];
  for (const e of kb.entries) {
    const text = readFileSync(path.join(root, e.file), 'utf8');
    for (const slip of SLIPS) if (slip.heard.test(text)) offending.push(`${e.file}: ${slip.heard} (write ${slip.meant})`);
  }
  assert.deepEqual(offending, []);
});

test('every cited moment of a seed talk is a time the seed itself gives', () => {
  // The durations are unknown, so the validator cannot bound these times; the seeds can.
  const given = new Map<string, Set<number>>([
    ...CHAPTERED.map(({ talk: id, times }) => [`talk:${id}`, new Set(times.map(seconds))] as const),
    [`talk:${TRANSCRIPT.talk}`, new Set(TRANSCRIPT.turns.map(([at]) => seconds(at)))],
  ]);
  const unknown = kb.graph.edges
    .filter((e) => e.at !== undefined && given.has(e.to) && !given.get(e.to)!.has(e.at))
    .map((e) => `${e.from} ${e.field} → ${e.to}@${e.at}`);
  assert.deepEqual(unknown, []);
});
