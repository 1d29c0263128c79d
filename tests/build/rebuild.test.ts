/**
 * A second build into the same folder reuses what it can, and yet gives the
 * same site as a clean build: a body-only edit shows, a deleted entry's files
 * are gone, nothing else differs by a byte.
 */
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { astroBuild, pageRuns } from '../../tools/astro-build.ts';
import { listFiles } from '../../src/lib/build/output-folder.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = path.join(root, 'node_modules/.cache/kb-test/rebuild');
const content = path.join(work, 'content');

function build(out: string, cache: string): string {
  const r = astroBuild({ contentDir: content, cacheDir: path.join(work, cache), outDir: path.join(work, out) });
  assert.equal(r.status, 0, r.log.slice(-3000));
  return r.log;
}

let edited = '';
let deleted = '';
before(() => {
  rmSync(work, { recursive: true, force: true });
  cpSync(path.join(root, 'tests/fixtures/validator/_base/content'), content, { recursive: true });
  build('dist', 'cache');
  appendFileSync(path.join(content, 'myths/fixture-myth.mdx'), '\nA sentence added after the first build.\n');
  edited = build('dist', 'cache');
  rmSync(path.join(content, 'war-stories/fixture-story.mdx'));
  deleted = build('dist', 'cache');
  build('clean', 'clean-cache');
});
after(() => rmSync(work, { recursive: true, force: true }));

test("after a body-only edit, the entry and its neighbours are rendered again and other pages are left in place", () => {
  assert.match(edited, /output folder reused: \d+ generated files kept/);
  const runs = pageRuns(edited);
  for (const page of ['/myths/fixture-myth/', '/talks/fixture-talk/', '/patterns/fixture-pattern/']) assert.equal(runs.get(`${page}index.html`), 'rendered', page);
  for (const page of ['/maturity/fixture-model/', '/people/fixture-person/']) assert.equal(runs.get(`${page}index.html`), 'skipped', page);
  assert.match(readFileSync(path.join(work, 'dist/myths/fixture-myth/index.html'), 'utf8'), /A sentence added after the first build\./);
  // No moment page shows a body, nor does a chapter file: each is made again and found unchanged, so none is written.
  assert.match(edited, /[1-9]\d* moment pages filled into one template and [1-9]\d* chapter files made; 0 of them written/);
});

test("after an entry is deleted, its page goes", () => {
  assert.match(deleted, /removed 1 files the last build generated and this one did not/);
});

test('the rebuilt folder is the clean build, file for file and byte for byte', async () => {
  const [rebuilt, clean] = [listFiles(path.join(work, 'dist')), listFiles(path.join(work, 'clean'))];
  assert.deepEqual(rebuilt.sort(), clean.sort());
  assert.ok(!rebuilt.some((f) => f.includes('fixture-story')), "the deleted story's page and card are gone");
  const differ = rebuilt.filter((f) => !readFileSync(path.join(work, 'dist', f)).equals(readFileSync(path.join(work, 'clean', f))));
  assert.deepEqual(differ, []);
});
