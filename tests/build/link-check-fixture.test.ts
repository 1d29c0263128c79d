/**
 * The link check fails a real build on a broken #anchor and names the content
 * file it came from. Builds the validator's base corpus plus one entry whose
 * body links a heading that does not exist, into its own directories.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const work = path.join(root, 'node_modules/.cache/kb-test/link-check');

test('a broken anchor fails the build, naming its source file', () => {
  rmSync(work, { recursive: true, force: true });
  cpSync(path.join(root, 'tests/fixtures/validator/_base/content'), path.join(work, 'content'), { recursive: true });
  cpSync(path.join(root, 'tests/fixtures/link-check/broken-anchor/content'), path.join(work, 'content'), { recursive: true });
  const contentDir = path.relative(root, path.join(work, 'content'));
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', path.join(work, 'dist')], {
    cwd: root,
    encoding: 'utf8',
    // NODE_TEST_CONTEXT would make the child node report to this test runner instead of printing.
    env: { ...process.env, NODE_TEST_CONTEXT: undefined, KB_CONTENT_DIR: contentDir, KB_CACHE_DIR: path.join(work, 'cache') },
  });
  const output = run.stdout + run.stderr;
  assert.notEqual(run.status, 0, 'the build must fail');
  assert.match(output, /1 broken link in the built site:/);
  assert.ok(
    output.includes(`${contentDir}/myths/broken-anchor.mdx (page /myths/broken-anchor/): link "/patterns/fixture-pattern/#no-such-heading" points at #no-such-heading, which /patterns/fixture-pattern/ does not have`),
    output.slice(-2000),
  );
  assert.ok(!existsSync(path.join(work, 'dist/pagefind')), 'nothing after the link check ran');
  rmSync(work, { recursive: true, force: true });
});
