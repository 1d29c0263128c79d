/**
 * A transcript is content like an entry: adding one renders its talk's pages
 * again and changes nothing else by a byte (the stylesheet included, so a
 * talk without a transcript is as it was); editing the .vtt alone renders the
 * talk again; and the rebuilt site is the clean build of the same content.
 */
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { astroBuild, pageRuns } from '../../tools/astro-build.ts';
import { listFiles } from '../../src/lib/build/output-folder.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = path.join(root, 'node_modules/.cache/kb-test/transcript-rebuild');
const content = path.join(work, 'content');
const vtt = path.join(content, 'talks/fixture-talk.vtt');

function build(out: string, cache: string): string {
  const r = astroBuild({ contentDir: content, cacheDir: path.join(work, cache), outDir: path.join(work, out) });
  assert.equal(r.status, 0, r.log.slice(-3000));
  return r.log;
}

/** A transcript written for this test: lines around the fixture talk's 7:57 moment, one of them given as `said`. */
const transcript = (said: string) =>
  ['WEBVTT', '', ...['We opened with the pager history.', 'Three alerts fired on the same night.', said, 'Nobody had looked at the threshold since launch.', 'So we wrote it down.', 'Then we moved on to drift.', 'That took longer.'].flatMap((text, i) => [`00:07:${String(50 + i).padStart(2, '0')}.000 --> 00:07:${String(51 + i).padStart(2, '0')}.000`, `<v Fixture Person>${text}`, ''])].join('\n');

let added = '';
let edited = '';
before(() => {
  rmSync(work, { recursive: true, force: true });
  cpSync(path.join(root, 'tests/fixtures/validator/_base/content'), content, { recursive: true });
  build('dist', 'cache');
  cpSync(path.join(work, 'dist'), path.join(work, 'before'), { recursive: true });
  writeFileSync(vtt, transcript('The threshold was a guess from the first week.'));
  added = build('dist', 'cache');
  cpSync(path.join(work, 'dist'), path.join(work, 'added'), { recursive: true });
  writeFileSync(vtt, transcript('The threshold was copied from another service.'));
  edited = build('dist', 'cache');
  build('clean', 'clean-cache');
});
after(() => rmSync(work, { recursive: true, force: true }));

const read = (dir: string, file: string) => readFileSync(path.join(work, dir, file), 'utf8');

test('adding a transcript renders its talk again and leaves pages that do not show it in place', () => {
  const runs = pageRuns(added);
  assert.equal(runs.get('/talks/fixture-talk/index.html'), 'rendered');
  // Moment pages are filled into one template on every build (src/lib/rendering/moment-page.ts), never skipped.
  assert.equal(runs.get('/talks/fixture-talk/at/07-57/index.html'), undefined);
  assert.notEqual(read('before', 'talks/fixture-talk/at/07-57/index.html'), read('added', 'talks/fixture-talk/at/07-57/index.html'));
  // Every entry of the base corpus cites the talk, so only pages keyed by the list lines alone stay.
  assert.equal(runs.get('/myths/index.html'), 'skipped', [...runs].join('\n'));
});

test('the talk page offers the transcript, collapsed, each line an anchor with a link to itself and to the recording at that second', () => {
  const html = read('added', 'talks/fixture-talk/index.html');
  assert.match(html, /<details><summary[^>]*>Show the transcript \(7 lines\)<\/summary>/);
  assert.match(html, /<h3 id="t-472" role="none"><a class="time" href="#t-472">07:52<\/a><\/h3><p>The threshold was a guess from the first week\. <a href="https:\/\/www\.youtube\.com\/watch\?v=fixture0001&amp;t=472s"/);
  const ids = [...html.matchAll(/ id="(t-\d+)"/g)].map((m) => m[1]);
  assert.equal(ids.length, 7);
  assert.equal(new Set(ids).size, ids.length, 'anchors are unique');
});

test('a moment page shows the few lines around its second, never the whole transcript', () => {
  const html = read('added', 'talks/fixture-talk/at/07-57/index.html');
  const said = /<section aria-labelledby="said-here">.*?<\/section>/s.exec(html)?.[0] ?? '';
  assert.equal([...said.matchAll(/<li>/g)].length, 6);
  assert.match(said, /href="\/talks\/fixture-talk\/#t-476">07:56<\/a> <b>Fixture Person<\/b>: That took longer\./);
  assert.doesNotMatch(html, /We opened with the pager history/, 'the first line is outside the window');
  assert.doesNotMatch(html, /<details>/);
});

test('pages that do not show the talk are byte for byte what they were before it had a transcript; the search page now offers what was said', async () => {
  const files = listFiles(path.join(work, 'before')).filter((f) => !f.startsWith('talks/fixture-talk/') && !f.startsWith('pagefind/'));
  const differ = files.filter((f) => !readFileSync(path.join(work, 'before', f)).equals(readFileSync(path.join(work, 'added', f))));
  assert.deepEqual(differ, ['search/index.html']);
  assert.doesNotMatch(read('before', 'search/index.html'), /id="said"/);
  assert.match(read('added', 'search/index.html'), /<section id="said"/);
});

test('an edit to the .vtt alone renders the talk again, and the rebuilt site is the clean build', async () => {
  assert.equal(pageRuns(edited).get('/talks/fixture-talk/index.html'), 'rendered');
  assert.match(read('dist', 'talks/fixture-talk/index.html'), /copied from another service/);
  const [rebuilt, clean] = [listFiles(path.join(work, 'dist')), listFiles(path.join(work, 'clean'))];
  assert.deepEqual(rebuilt.sort(), clean.sort());
  assert.deepEqual(rebuilt.filter((f) => !readFileSync(path.join(work, 'dist', f)).equals(readFileSync(path.join(work, 'clean', f)))), []);
});
