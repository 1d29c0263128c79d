/**
 * The site's own chapter exports (/talks/<id>/chapters.json and
 * chapters.vtt, src/lib/rendering/chapter-exports.ts) import back to the same
 * chapters: every talk of the real content, and a talk whose chapter titles
 * hold what WebVTT and JSON give a meaning to.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { knownIds } from '../../../src/lib/authoring/entry-values.ts';
import { knownPeople, knownTopics } from '../../../src/lib/authoring/import/known-entries.ts';
import { importTalk } from '../../../src/lib/authoring/import/talk-entry.ts';
import type { Entry } from '../../../src/lib/content-model/link-graph.ts';
import { formatTimestamp } from '../../../src/lib/content-model/timestamps.ts';
import { podcastChapters, vttChapters } from '../../../src/lib/rendering/chapter-exports.ts';
import { parseYaml, splitFrontmatter } from '../../../src/lib/validator/entry-file.ts';
import { loadKnowledgeBase } from '../../../src/lib/validator/validate-content.ts';

const repo = path.resolve(import.meta.dirname, '../../..');
const content = path.join(repo, 'content');
const kb = await loadKnowledgeBase({ root: repo, contentDir: 'content' });
const talks = kb.entries.filter((e): e is Entry<'talk'> => e.type === 'talk' && Boolean(e.data.chapters?.length));

/** A real talk with chapter titles that mean something to WebVTT, JSON or YAML, as a valid entry may have them (no HTML tags: the validator refuses those in frontmatter). */
const hostile: Entry<'talk'> = {
  ...talks[0],
  title: 'Escapes --> everywhere',
  data: {
    ...talks[0].data,
    chapters: [
      { at: 0, title: 'Q&A: 1 < 2 --> next' },
      { at: 61, title: 'R&amp;D, "quoted" and {braced}: a colon' },
      { at: 125, title: 'NOTE this, then <3 and 3 > 2' },
      { at: 3725, title: 'An hour in \\ backslash' },
    ],
  },
};

function importExport(text: string, title?: string) {
  const r = importTalk(text, { id: 'round-trip', title, urls: ['https://example.org/talk'], people: [{ person: 'd-sculley', role: 'guest' }], values: { topics: ['ml-testing'] }, today: '2026-11-22', known: knownIds(content), knownPeople: knownPeople(content), knownTopics: knownTopics(content) });
  assert.deepEqual(r.problems, []);
  const fm = splitFrontmatter(r.files[0].text);
  assert.ok(fm.ok);
  const data = parseYaml(fm.yaml).data as { title: string; chapters: Array<{ at: string; title: string }> };
  return { reading: r.reading, data };
}

describe('the site\'s chapter exports import back to the same chapters', () => {
  assert.ok(talks.length >= 3, 'the content has talks with chapters');
  for (const talk of [...talks, hostile]) {
    const want = talk.data.chapters!.map((c) => ({ at: formatTimestamp(c.at), title: c.title }));
    const name = talk === hostile ? 'hostile titles' : talk.id;
    test(`${name}: chapters.json`, () => {
      const json = JSON.stringify(podcastChapters(talk, (p) => `https://kb.example.org${p}`), null, 2);
      const { reading, data } = importExport(json, talk.title);
      assert.equal(reading.ourWords, true, 'recognised as the site\'s own export');
      assert.deepEqual(data.chapters, want);
    });
    test(`${name}: chapters.vtt`, () => {
      const { reading, data } = importExport(vttChapters(talk));
      assert.equal(reading.ourWords, true, 'recognised as the site\'s own export');
      assert.equal(data.title, talk.title.replace(/-->/g, '→'), 'the title comes from the header');
      assert.deepEqual(data.chapters, want);
    });
  }
});
