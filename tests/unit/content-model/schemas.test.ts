/** Each entry type's schema: a minimal valid entry, its normalised shape, and what it rejects. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SCHEMAS } from '../../../src/lib/content-model/schemas/index.ts';
import { ENTRY_TYPES } from '../../../src/lib/content-model/entry-types.ts';
import { inputSchema } from '../../../src/lib/content-model/schema-docs.ts';

const base = { added: '2026-11-22' };
const moment = 'talk:t@7:57';
const MINIMAL = {
  talk: { ...base, title: 'T', series: 'S', duration: '10:00', recordings: [{ kind: 'video', url: 'https://youtu.be/x' }], people: [{ person: 'p', role: 'guest' }], description: 'D', takeaways: ['K'], topics: ['x'] },
  person: { ...base, name: 'P', description: 'D', sources: [moment] },
  myth: { ...base, title: 'M', claim: 'C', reality: 'R', statedIn: moment, sources: [moment], topics: ['x'] },
  maturity: { ...base, title: 'M', publisher: 'P', description: 'D', sources: [moment], topics: ['x'], levels: [{ ordinal: 0, name: 'A', summary: 'S', characteristics: ['c'], sources: [moment] }, { ordinal: 1, name: 'B', summary: 'S', characteristics: ['c'], changes: 'X', sources: [moment] }] },
  'war-story': { ...base, title: 'W', context: 'C', whatHappened: 'H', impact: 'I', lesson: 'L', toldIn: 'talk:t', topics: ['x'] },
  pattern: { ...base, title: 'P', category: 'reproducibility', problem: 'P', solution: 'S', tradeOffs: ['T'], sources: [moment], topics: ['x'] },
  reference: { ...base, title: 'R', kind: 'paper', authors: ['A'], year: 2017, description: 'D', sources: [moment] },
  topic: { ...base, name: 'T', description: 'D', sources: [moment] },
} as const;

const messages = (type: keyof typeof SCHEMAS, input: unknown) => {
  const r = SCHEMAS[type].safeParse(input, { reportInput: true });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message.split('\n')[0]}`);
};

describe('every schema accepts its minimal entry', () => {
  for (const type of ENTRY_TYPES) test(type, () => assert.deepEqual(messages(type, MINIMAL[type]), []));
});

describe('every schema is strict', () => {
  for (const type of ENTRY_TYPES) {
    test(type, () => {
      const r = SCHEMAS[type].safeParse({ ...MINIMAL[type], tittle: 'x' });
      assert.equal(r.success, false);
      assert.deepEqual(r.error!.issues.map((i) => i.code), ['unrecognized_keys']);
    });
  }
});

describe('every field is documented', () => {
  for (const type of ENTRY_TYPES) {
    test(type, () => {
      const undocumented = Object.entries(inputSchema(type).properties ?? {}).filter(([, s]) => !s.description).map(([k]) => k);
      assert.deepEqual(undocumented, []);
    });
  }
});

describe('shorthands are normalised to one shape', () => {
  test('a source string becomes { ref }', () => {
    const out = SCHEMAS.myth.parse({ ...MINIMAL.myth, sources: ['talk:t@7:57', { ref: 'reference:r', locator: 'Chapter 6' }] });
    assert.deepEqual(out.sources, [{ ref: { type: 'talk', id: 't', at: 477 } }, { ref: { type: 'reference', id: 'r' }, locator: 'Chapter 6' }]);
  });
  test('a related string becomes { to, relation: related }', () => {
    const out = SCHEMAS.pattern.parse({ ...MINIMAL.pattern, related: ['pattern:a', { to: 'pattern:b', relation: 'uses', note: 'n' }] });
    assert.deepEqual(out.related, [{ to: { type: 'pattern', id: 'a' }, relation: 'related' }, { to: { type: 'pattern', id: 'b' }, relation: 'uses', note: 'n' }]);
  });
  test('a takeaway string becomes { text }', () => {
    const out = SCHEMAS.talk.parse({ ...MINIMAL.talk, takeaways: ['A', { text: 'B', at: '1:00' }] });
    assert.deepEqual(out.takeaways, [{ text: 'A' }, { text: 'B', at: 60 }]);
  });
  test('an author string becomes { name }', () => {
    const out = SCHEMAS.reference.parse({ ...MINIMAL.reference, authors: ['A', { name: 'B', person: 'b' }] });
    assert.deepEqual(out.authors, [{ name: 'A' }, { name: 'B', person: { type: 'person', id: 'b' } }]);
  });
  test('duration "unknown" becomes null and a time becomes seconds', () => {
    assert.equal(SCHEMAS.talk.parse({ ...MINIMAL.talk, duration: 'unknown' }).duration, null);
    assert.equal(SCHEMAS.talk.parse(MINIMAL.talk).duration, 600);
  });
  test('evidence defaults to the recording itself', () => {
    assert.equal(SCHEMAS.talk.parse(MINIMAL.talk).evidence, 'recording');
    assert.equal(SCHEMAS.talk.parse({ ...MINIMAL.talk, evidence: 'chapter-titles' }).evidence, 'chapter-titles');
  });
  test('topics become references', () => {
    assert.deepEqual(SCHEMAS.topic.parse({ ...MINIMAL.topic, broader: 'b' }).broader, { type: 'topic', id: 'b' });
  });
  test('partial dates keep their precision', () => {
    assert.deepEqual(SCHEMAS.talk.parse({ ...MINIMAL.talk, date: 2021 }).date, { year: 2021, month: undefined, day: undefined, iso: '2021' });
  });
});

describe('what each schema rejects', () => {
  const cases: Array<[keyof typeof SCHEMAS, object, string[]]> = [
    ['talk', { chapters: [{ at: '0:00', title: 'a' }, { at: '0:00', title: 'b' }] }, ['chapters.1.at: chapter 2 starts at 00:00, not after chapter 1 at 00:00; chapters must be in order, each later than the one before']],
    ['talk', { chapters: [{ at: '0:30', title: 'a' }] }, ['chapters.0.at: the first chapter starts at 00:30; a chapter list starts at 0:00']],
    ['talk', { chapters: [{ at: '0:00', title: 'a' }], segments: [{ title: 's', length: '1:00' }] }, ['segments: a talk has either chapters (start times) or segments (lengths only), not both']],
    ['talk', { duration: 600 }, ['duration: 600 is not a duration']],
    ['talk', { recordings: [] }, ['recordings: lists no recording']],
    ['talk', { evidence: 'slides' }, ['evidence: "slides" is not a kind of evidence']],
    ['talk', { recordings: [{ kind: 'video', url: 'javascript:alert(1)' }] }, ['recordings.0.url: "javascript:alert(1)" is not a web address']],
    ['talk', { people: [{ person: 'p', role: 'star' }] }, ['people.0.role: Invalid option: expected one of "guest"|"host"|"speaker"|"panelist"|"moderator"']],
    ['myth', { statedIn: 'talk:t' }, ['statedIn: "talk:t" names a talk but not the moment']],
    ['myth', { statedIn: 'reference:r' }, ['statedIn: "reference:r" points at a reference, but this field takes talk']],
    ['myth', { sources: [] }, ['sources: lists no source']],
    ['myth', { sources: ['pattern:x'] }, ['sources.0.ref: "pattern:x" points at a pattern, but this field takes talk or reference']],
    ['myth', { topics: [] }, ['topics: lists no topic']],
    ['myth', { related: [{ to: 'pattern:x', relation: 'hates' }] }, ['related.0.relation: "hates" is not a relation']],
    ['maturity', { levels: [{ ordinal: 0, name: 'A', summary: 'S', characteristics: ['c'], sources: [moment] }, { ordinal: 2, name: 'B', summary: 'S', characteristics: ['c'], sources: [moment] }] }, ['levels.1.ordinal: level 2 follows level 0', 'levels.1: does not say what changes from the level before']],
    ['maturity', { levels: [{ ordinal: 0, name: 'A', summary: 'S', characteristics: ['c'], sources: [moment] }] }, ['levels: needs at least two levels']],
    ['reference', { year: 17 }, ['year: Too small: expected number to be >=1900']],
    ['topic', { name: '  ' }, ['name: is empty']],
    ['topic', { added: '2026-02-29' }, ['added: "2026-02-29" is not a real date: February 2026 has 28 days']],
    ['war-story', { toldIn: 'talk:t@7:75' }, ['toldIn: "7:75" has 75 seconds; seconds run from 00 to 59']],
    ['person', { affiliations: [{ organisation: 'O', role: 'R', asOf: '2021-13' }] }, ['affiliations.0.asOf: "2021-13" has month 13; months run from 01 to 12']],
  ];
  for (const [type, patch, expected] of cases) {
    test(`${type}: ${expected[0]}`, () => assert.deepEqual(messages(type, { ...MINIMAL[type], ...patch }), expected));
  }
});
