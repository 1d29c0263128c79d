/** The link graph: which relation each reference expresses, and how pages group links. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildGraph, edgesOf, groupLinks, type Entry, type EntryOf } from '../../../src/lib/content-model/link-graph.ts';
import { SCHEMAS, type EntryData } from '../../../src/lib/content-model/schemas/index.ts';
import type { EntryType } from '../../../src/lib/content-model/entry-types.ts';

function entry<T extends EntryType>(type: T, id: string, input: object, bodyRefs: Entry['bodyRefs'] = []): EntryOf<T> {
  const data = SCHEMAS[type].parse({ added: '2026-11-22', ...input }) as EntryData[T];
  return { type, id, key: `${type}:${id}`, file: `content/${type}/${id}.mdx`, digest: id, data, title: id, summary: '', bodyRefs } as EntryOf<T>;
}

const talk = entry('talk', 't', {
  title: 'T', series: 'S', duration: '10:00', recordings: [{ kind: 'video', url: 'https://youtu.be/x' }],
  people: [{ person: 'g', role: 'guest' }, { person: 'h', role: 'host' }], description: 'D', takeaways: ['K'], topics: ['x'], references: ['r'],
});
const myth = entry('myth', 'm', {
  title: 'M', claim: 'C', reality: 'R', statedIn: 'talk:t@1:00', sources: ['talk:t@1:00', { ref: 'reference:r', locator: 'p. 3' }],
  topics: ['x'], related: [{ to: 'pattern:p', relation: 'counters', note: 'why' }],
}, [{ ref: { type: 'talk', id: 't', at: 120 }, position: { line: 9, column: 1 } }, { ref: { type: 'pattern', id: 'p' }, position: { line: 9, column: 30 } }]);
const pattern = entry('pattern', 'p', { title: 'P', category: 'reproducibility', problem: 'P', solution: 'S', tradeOffs: ['T'], sources: ['talk:t@2:00'], topics: ['x'] });
const story = entry('war-story', 'w', { title: 'W', context: 'C', whatHappened: 'H', impact: 'I', lesson: 'L', toldIn: 'talk:t', toldBy: ['g'], topics: ['x'] });
const person = entry('person', 'g', { name: 'G', description: 'D', affiliations: [{ organisation: 'O', role: 'R', source: 'talk:t@0:00' }], sources: ['talk:t@0:00'] });
const reference = entry('reference', 'r', { title: 'R', kind: 'paper', authors: [{ name: 'G', person: 'g' }], year: 2017, description: 'D', sources: ['talk:t@1:00'] });
const topic = entry('topic', 'x', { name: 'X', description: 'D', broader: 'y', sources: ['talk:t@1:00'] });
const model = entry('maturity', 'a', {
  title: 'A', publisher: 'P', description: 'D', sources: ['talk:t@1:00'], topics: ['x'],
  levels: [
    { ordinal: 0, name: 'L0', summary: 'S', characteristics: ['c'], sources: ['talk:t@1:00'], mapsTo: [{ level: 'maturity:b#level-1', note: 'editorial' }] },
    { ordinal: 1, name: 'L1', summary: 'S', characteristics: ['c'], changes: 'X', sources: ['talk:t@2:00'] },
  ],
});

const summary = (e: Entry) => edgesOf(e).map((x) => `${x.field} ${x.relation} ${x.to}${x.at !== undefined ? `@${x.at}` : ''}${x.fragment ? `#${x.fragment}` : ''}${x.note ? ` (${x.note})` : ''}`);

describe('edgesOf: every reference becomes one typed edge', () => {
  test('talk', () => assert.deepEqual(summary(talk), ['people[0].person speaker person:g', 'people[1].person host person:h', 'topics[0] tagged topic:x', 'references[0] cites reference:r']));
  test('myth, with body links', () => assert.deepEqual(summary(myth), [
    'statedIn stated-in talk:t@60', 'sources[0].ref cites talk:t@60', 'sources[1].ref cites reference:r', 'topics[0] tagged topic:x',
    'related[0].to counters pattern:p (why)', 'body cites talk:t@120', 'body mentions pattern:p',
  ]));
  test('war story', () => assert.deepEqual(summary(story), ['toldIn told-in talk:t', 'toldBy[0] told-by person:g', 'topics[0] tagged topic:x']));
  test('person', () => assert.deepEqual(summary(person), ['affiliations[0].source affiliation-source talk:t@0', 'sources[0].ref cites talk:t@0']));
  test('reference', () => assert.deepEqual(summary(reference), ['authors[0].person author person:g', 'sources[0].ref cites talk:t@60']));
  test('topic', () => assert.deepEqual(summary(topic), ['broader broader topic:y', 'sources[0].ref cites talk:t@60']));
  test('maturity levels', () => assert.deepEqual(summary(model), [
    'levels[0].mapsTo[0].level maps-to maturity:b#level-1 (editorial)', 'levels[0].sources[0].ref cites talk:t@60', 'levels[1].sources[0].ref cites talk:t@120',
    'sources[0].ref cites talk:t@60', 'topics[0] tagged topic:x',
  ]));
});

describe('groupLinks: both directions, grouped by relation', () => {
  const graph = buildGraph([talk, myth, pattern, story, person, reference, topic, model]);
  const view = (key: Entry['key'], dir: 'in' | 'out') => groupLinks(graph, key, dir).map((g) => `${g.label}: ${g.items.map((i) => `${i.entry.id}${i.moments.length ? `@${i.moments.join(',')}` : ''}`).join(' ')}`);
  test('the talk lists what points at it under inverse labels, in type order', () => assert.deepEqual(view('talk:t', 'in'), [
    'Cited by: m@60,120 p@120 a@60,120 r@60 g@0 x@60', 'Myths stated here: m@60', 'War stories told here: w', 'States affiliations of: g@0',
  ]));
  test('the myth lists what it points at under labels', () => assert.deepEqual(view('myth:m', 'out'), [
    'Sources: t@60,120 r', 'Stated in: t@60', 'Topics: x', 'Mentions: p', 'Counters: p',
  ]));
  test('the pattern sees the myth that counters it', () => assert.deepEqual(view('pattern:p', 'in'), ['Mentioned in: m', 'Countered by: m']));
  test('the person sees their talks, stories and writing', () => assert.deepEqual(view('person:g', 'in'), ['Spoke in: t', 'War stories they told: w', 'Wrote: r']));
  test('an edge to an entry that does not exist is not listed', () => assert.deepEqual(view('topic:x', 'out'), ['Sources: t@60']));
});

describe('groupLinks: the order of a group is the order of every list of it', () => {
  const talkOn = (id: string, date: string) => entry('talk', id, {
    title: id, series: 'S', date, duration: '10:00', recordings: [{ kind: 'video', url: 'https://youtu.be/x' }],
    people: [{ person: 'g', role: 'guest' }], description: 'D', takeaways: ['K'], topics: ['x'],
  });
  const mythNamed = (id: string) => entry('myth', id, { title: id, claim: 'C', reality: 'R', statedIn: 'talk:t@1:00', sources: ['talk:t@1:00'], topics: ['x'] });
  const graph = buildGraph([talkOn('b-old', '2019-05'), talkOn('a-new', '2024-01-02'), talkOn('c-mid', '2021'), mythNamed('zeta'), mythNamed('alpha'), topic]);
  test('talks newest first, then other types by title', () => assert.deepEqual(
    groupLinks(graph, 'topic:x', 'in', ['tagged'])[0].items.map((i) => i.entry.id),
    ['a-new', 'c-mid', 'b-old', 'alpha', 'zeta'],
  ));
});
