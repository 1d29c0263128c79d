/**
 * Importing the five source talks in ../shared/seeds/ (skipped, with one
 * line saying why, where they are absent): the chapters at the seeds' own
 * times, the transcript's turns and speakers, the segments' lengths, the
 * people as the curated entries list them, and every import validating.
 * Times and counts come from tests/support/seed-facts.ts, which
 * tests/unit/content/seed-facts.test.ts holds to the seeds themselves.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { knownIds } from '../../../src/lib/authoring/entry-values.ts';
import { knownPeople, knownTopics } from '../../../src/lib/authoring/import/known-entries.ts';
import { importTalk, type ImportResult } from '../../../src/lib/authoring/import/talk-entry.ts';
import { formatTimestamp, parseTimestamp } from '../../../src/lib/content-model/timestamps.ts';
import { readWebVtt } from '../../../src/lib/content-model/webvtt.ts';
import { parseYaml, splitFrontmatter } from '../../../src/lib/validator/entry-file.ts';
import { loadKnowledgeBase } from '../../../src/lib/validator/validate-content.ts';
import { CHAPTERED, SEGMENTS, TRANSCRIPT } from '../../support/seed-facts.ts';
import { seedsMissing, seedText } from '../../support/seeds.ts';
import { copyContent } from '../../support/project-copy.ts';

const repo = path.resolve(import.meta.dirname, '../../..');
const content = path.join(repo, 'content');
const TODAY = '2026-11-22';
const scratch = mkdtempSync(path.join(tmpdir(), 'kb-import-seeds-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Seeds whose page links no recording are imported with one, as a contributor would pass it. */
const URL_FOR: Record<string, string | undefined> = { '000': 'https://example.org/seed-000', '001': 'https://example.org/seed-001', '002': 'https://example.org/seed-002', '003': undefined, '004': 'https://example.org/seed-004' };

function importSeed(seed: string): ImportResult {
  const url = URL_FOR[seed];
  return importTalk(seedText(seed), { id: `imported-seed-${seed}`, urls: url ? [url] : [], today: TODAY, known: knownIds(content), knownPeople: knownPeople(content), knownTopics: knownTopics(content) });
}

const seconds = (t: string) => {
  const r = parseTimestamp(t);
  assert.ok(r.ok, t);
  return r.seconds;
};

/** The frontmatter of a written file. */
function dataOf(r: ImportResult, file: string): Record<string, unknown> {
  const f = r.files.find((x) => x.path === file);
  assert.ok(f, `${file} is written`);
  const fm = splitFrontmatter(f.text);
  assert.ok(fm.ok);
  return parseYaml(fm.yaml).data as Record<string, unknown>;
}

/** The people of the curated entry for the same talk, as { person, role }. */
async function curatedPeople(talk: string): Promise<unknown> {
  const kb = await loadKnowledgeBase({ root: repo, contentDir: 'content' });
  const entry = kb.entries.find((e) => e.key === `talk:${talk}`);
  assert.ok(entry && entry.type === 'talk');
  return entry.data.people.map((p) => ({ person: p.person.id, role: p.role }));
}

describe('importing the seeds', { skip: seedsMissing }, () => {
  for (const { seed, talk, times } of CHAPTERED) {
    test(`seed ${seed}: ${times.length} chapters at the seed's own times, and nothing to report`, () => {
      const r = importSeed(seed);
      assert.deepEqual(r.problems, []);
      assert.deepEqual(r.reading.chapters.map((c) => c.at), times.map(seconds));
      const data = dataOf(r, `talks/imported-seed-${seed}.mdx`);
      assert.deepEqual((data.chapters as Array<{ at: string }>).map((c) => seconds(c.at)), times.map(seconds));
      assert.equal(data.evidence, 'chapter-titles');
      assert.equal(data.duration, 'unknown', 'no duration is invented');
      assert.equal(r.files.length, 1, `no transcript and no new person for ${talk}`);
    });
  }

  test('seed 000: the guest and the hosts, as the curated entry has them; series and episode', async () => {
    const data = dataOf(importSeed('000'), 'talks/imported-seed-000.mdx');
    assert.deepEqual(data.people, await curatedPeople('godfather-of-mlops'));
    assert.equal(data.series, 'MLOps Coffee Sessions');
    assert.equal(data.episode, 32);
  });

  test('seed 002: the speaker matched through his profile link, and the host', async () => {
    const data = dataOf(importSeed('002'), 'talks/imported-seed-002.mdx');
    assert.deepEqual(data.people, await curatedPeople('ml-design-patterns-for-mlops'));
  });

  test('seed 003: a transcript of its timed turns with their speakers, the recording link, the speakers', async () => {
    const r = importSeed(TRANSCRIPT.seed);
    assert.deepEqual(r.problems, []);
    const data = dataOf(r, 'talks/imported-seed-003.mdx');
    assert.equal(data.evidence, 'transcript');
    assert.equal(data.date, '2022-04-18');
    const link = /^https:\/\/youtu\.be\/\S+$/m.exec(seedText('003'))?.[0];
    assert.ok(link, 'the seed links its video');
    assert.deepEqual(data.recordings, [{ kind: 'video', url: link }]);
    const curated = (await curatedPeople(TRANSCRIPT.talk)) as Array<{ person: string }>;
    assert.deepEqual((data.people as Array<{ person: string }>).map((p) => p.person).sort(), curated.map((p) => p.person).sort());
    const vtt = r.files.find((f) => f.path === 'talks/imported-seed-003.vtt');
    assert.ok(vtt, 'the transcript is written next to the talk');
    const cues = readWebVtt(vtt.text);
    assert.deepEqual(cues.problems, []);
    const names = new Map(knownPeople(content).map((p) => [p.name.split(' ')[0], p.name]));
    assert.deepEqual(
      cues.cues.map((c) => [formatTimestamp(c.start / 1000), c.spans.map((s) => s.voice).join()]),
      TRANSCRIPT.turns.map(([at, speaker]) => [at, names.get(speaker)]),
    );
    // Each cue runs to the next turn; the last to the end of the recording, whose length the page does not give.
    for (const [i, c] of cues.cues.entries()) if (i + 1 < cues.cues.length && cues.cues[i + 1].start > c.start) assert.equal(c.end, cues.cues[i + 1].start);
  });

  test('seed 004: segments with their lengths and no invented start times; a transcript without times', async () => {
    const r = importSeed(SEGMENTS.seed);
    assert.deepEqual(r.problems, []);
    const data = dataOf(r, 'talks/imported-seed-004.mdx');
    assert.deepEqual((data.segments as Array<{ length: string }>).map((s) => s.length), SEGMENTS.lengths);
    assert.equal(data.chapters, undefined);
    assert.equal(data.evidence, 'untimed-transcript');
    assert.equal(r.files.some((f) => f.path.endsWith('.vtt')), false, 'a transcript without times is no WebVTT');
    assert.deepEqual(data.people, await curatedPeople(SEGMENTS.talk));
    assert.equal(data.series, 'Georgian Impact Podcast');
  });

  test('every import validates, with exactly the placeholders as warnings, and the same input gives the same files', async () => {
    const root = path.join(scratch, 'all');
    copyContent(root);
    const written: string[] = [];
    for (const seed of ['000', '001', '002', '003', '004']) {
      const r = importSeed(seed);
      assert.deepEqual(importSeed(seed).files, r.files, `seed ${seed}: deterministic`);
      for (const f of r.files) {
        mkdirSync(path.dirname(path.join(root, 'content', f.path)), { recursive: true });
        writeFileSync(path.join(root, 'content', f.path), f.text, { flag: 'wx' });
        written.push(`content/${f.path}`);
      }
    }
    const kb = await loadKnowledgeBase({ root, contentDir: 'content' });
    assert.deepEqual(kb.diagnostics.filter((d) => d.severity === 'error'), []);
    // Nothing but the imported files has anything to say, and what they say is a placeholder to fill in or the summary's length.
    for (const d of kb.diagnostics) {
      assert.ok(written.includes(d.file), `${d.file}: ${d.message}`);
      assert.match(`${d.field}: ${d.message}`, /^[\w[\].]+: still holds the placeholder "TODO|^body: the body still starts with the placeholder TODO$|^body: the summary has \d+ words$/);
    }
  });
});
