/** Incremental-build keys change exactly when something a page shows changes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntryType } from '../../../src/lib/content-model/entry-types.ts';
import { buildGraph, type Entry, type EntryOf } from '../../../src/lib/content-model/link-graph.ts';
import { keyOf, pageKeys } from '../../../src/lib/build/page-keys.ts';
import { summaryOf } from '../../../src/lib/validator/validate-content.ts';
import { SCHEMAS, type EntryData } from '../../../src/lib/content-model/schemas/index.ts';

function entry<T extends EntryType>(type: T, id: string, input: object, title = id): EntryOf<T> {
  const data = SCHEMAS[type].parse({ added: '2026-11-22', ...input }) as EntryData[T];
  return { type, id, key: `${type}:${id}`, file: `content/${type}/${id}.mdx`, digest: 'd0', data, title, summary: summaryOf(type, data), bodyRefs: [] } as EntryOf<T>;
}
const talk = (claimTitle = 'Talk') =>
  entry('talk', 't', { title: claimTitle, series: 'S', duration: '10:00', recordings: [{ kind: 'video', url: 'https://youtu.be/x' }], people: [{ person: 'p', role: 'guest' }], description: 'D', takeaways: ['K'], topics: ['x'] }, claimTitle);
const myth = (reality = 'R') => entry('myth', 'm', { title: 'M', claim: 'C', reality, statedIn: 'talk:t@1:00', sources: ['talk:t@1:00'], topics: ['x'] });
const person = entry('person', 'p', { name: 'P', description: 'D', sources: ['talk:t@0:00'] });
const topic = entry('topic', 'x', { name: 'X', description: 'D', sources: ['talk:t@0:00'] });
const lonely = entry('topic', 'y', { name: 'Y', description: 'D', sources: ['reference:r'] });

const keysFor = (entries: Entry[], settings = ['repo']) => pageKeys(buildGraph(entries), settings);
const base = keysFor([talk(), myth(), person, topic, lonely]);

test('keys are stable for the same content', () => {
  const again = keysFor([talk(), myth(), person, topic, lonely]);
  for (const k of ['talk:t', 'myth:m', 'person:p', 'topic:x', 'topic:y'] as const) assert.equal(again.entry(k), base.entry(k));
  assert.equal(keyOf(again, 'talk', 1), keyOf(base, 'talk', 1));
});

test('changing a field only its page shows re-keys it and its neighbours, not unrelated pages', () => {
  // Neither the myth's title nor its summary line changes: only pages that show the myth in full.
  const edited = keysFor([talk(), { ...myth(), bodyRefs: [{ ref: { type: 'person', id: 'p' }, position: { line: 1, column: 1 } }] }, person, topic, lonely]);
  assert.notEqual(edited.entry('myth:m'), base.entry('myth:m'));
  assert.notEqual(edited.entry('talk:t'), base.entry('talk:t'), 'the talk lists the myth');
  assert.notEqual(edited.entry('person:p'), base.entry('person:p'), 'the new link points at the person');
  assert.equal(edited.entry('topic:y'), base.entry('topic:y'));
  assert.equal(keyOf(edited, 'talk', 1), keyOf(base, 'talk', 1));
});

test('changing only the body (the file, not its fields) re-keys its page, not unrelated pages', () => {
  const edited = keysFor([talk(), { ...myth(), digest: 'd1' }, person, topic, lonely]);
  assert.notEqual(edited.entry('myth:m'), base.entry('myth:m'));
  assert.equal(edited.entry('topic:y'), base.entry('topic:y'));
  assert.equal(keyOf(edited, 'talk', 1), keyOf(base, 'talk', 1));
});

test('changing what lists show (a summary) re-keys every page', () => {
  const edited = keysFor([talk(), myth('Another reality'), person, topic, lonely]);
  assert.notEqual(edited.entry('topic:y'), base.entry('topic:y'));
  assert.notEqual(keyOf(edited, 'talk', 1), keyOf(base, 'talk', 1));
});

test('site settings shown on pages (the repository for edit links) re-key every page', () => {
  const moved = keysFor([talk(), myth(), person, topic, lonely], ['another repo']);
  assert.notEqual(moved.entry('topic:y'), base.entry('topic:y'));
});
