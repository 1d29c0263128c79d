/** Reusing the output folder between builds: only ever what this project's last successful build left. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { LAST_FILE, OutputFolder, listFiles, orphans, planStart, type OutputStamp } from '../../../src/lib/build/output-folder.ts';

const last = { size: 10, mtimeMs: 1_700_000_000_000.5, ino: 42 };
const stamp: OutputStamp = { outDir: '/site/dist', last, generated: ['index.html', 'talks/t/index.html'] };

test('the folder is reused only when the stamp describes it', () => {
  const cases: Array<[string, OutputStamp | undefined, string, typeof last | undefined, string]> = [
    ['first build', undefined, '/site/dist', undefined, 'all: no earlier successful build recorded'],
    ['another output folder', stamp, '/elsewhere', last, 'all: the last build wrote /site/dist'],
    ['headers file gone (folder deleted)', stamp, '/site/dist', undefined, 'all: _headers is not the one the last build wrote'],
    ['headers file rewritten by another build', stamp, '/site/dist', { ...last, mtimeMs: last.mtimeMs + 1 }, 'all: _headers is not the one the last build wrote'],
    ['headers file replaced', stamp, '/site/dist', { ...last, ino: 43 }, 'all: _headers is not the one the last build wrote'],
    ['same folder, untouched', stamp, '/site/dist', { ...last }, 'others: keep index.html, talks/t/index.html'],
  ];
  for (const [name, s, outDir, found, expected] of cases) {
    const plan = planStart(s, outDir, found);
    assert.equal(plan.clean === 'all' ? `all: ${plan.reason}` : `others: keep ${[...plan.keep].join(', ')}`, expected, name);
  }
});

test('orphans are the files the last build generated and this one did not', () => {
  assert.deepEqual(orphans(new Set(['a/index.html', 'b/index.html', 'c.json']), new Set(['b/index.html', 'd/index.html'])), ['a/index.html', 'c.json']);
  assert.deepEqual(orphans(new Set(), new Set(['a'])), []);
});

test('a build cycle: kept pages stay, other files go, orphans go, a failed build leaves no stamp', async () => {
  const base = mkdtempSync(path.join(tmpdir(), 'kb-out-'));
  const out = path.join(base, 'dist');
  const cache = path.join(base, 'cache');
  const write = (f: string, text = f) => {
    mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
    writeFileSync(path.join(out, f), text);
  };
  // Build 1 on a folder with leftovers of something else, and a git checkout.
  write('stale.html');
  write('.git/HEAD');
  let folder = new OutputFolder(out, cache);
  assert.equal(await folder.prepare(), 'output folder emptied: no earlier successful build recorded');
  assert.deepEqual(listFiles(out), []);
  assert.equal(readFileSync(path.join(out, '.git/HEAD'), 'utf8'), '.git/HEAD');
  for (const f of ['index.html', 'talks/a/index.html', 'talks/b/index.html', 'cards/a.png', LAST_FILE]) write(f);
  assert.deepEqual(await folder.prune(new Set(['index.html', 'talks/a/index.html', 'talks/b/index.html'])), []);
  folder.record();

  // Build 2: talk b was deleted. Generated files stay for Astro; the rest is written again.
  folder = new OutputFolder(out, cache);
  assert.equal(await folder.prepare(), 'output folder reused: 3 generated files kept for Astro to skip or rewrite, 2 other files removed');
  assert.deepEqual(listFiles(out).sort(), ['index.html', 'talks/a/index.html', 'talks/b/index.html']);
  assert.deepEqual(await folder.prune(new Set(['index.html', 'talks/a/index.html'])), ['talks/b/index.html']);
  assert.deepEqual(listFiles(out).sort(), ['index.html', 'talks/a/index.html']);
  assert.deepEqual(readFileSync(path.join(out, '.git/HEAD'), 'utf8'), '.git/HEAD');
  // ...and it fails before recording: the next build must not trust the folder.
  folder = new OutputFolder(out, cache);
  assert.match(await folder.prepare(), /^output folder emptied: /);
  assert.deepEqual(listFiles(out), []);
});
