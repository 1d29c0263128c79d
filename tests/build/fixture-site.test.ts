/**
 * A real build of a small fixture site: the validator's base corpus plus
 * tests/fixtures/site/ (an entry whose body links a heading that does not
 * exist, a renamed talk, and people whose names are in several scripts, one
 * of which no card font draws). Built once into its own directories.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { astroBuild, type AstroBuildRun } from '../../tools/astro-build.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = path.join(root, 'node_modules/.cache/kb-test/fixture-site');
const contentDir = path.relative(root, path.join(work, 'content'));
let run: AstroBuildRun;

before(() => {
  rmSync(work, { recursive: true, force: true });
  cpSync(path.join(root, 'tests/fixtures/validator/_base/content'), path.join(work, 'content'), { recursive: true });
  cpSync(path.join(root, 'tests/fixtures/site/broken-anchor/content'), path.join(work, 'content'), { recursive: true });
  run = astroBuild({ contentDir: path.join(work, 'content'), cacheDir: path.join(work, 'cache'), outDir: path.join(work, 'dist') });
});
after(() => rmSync(work, { recursive: true, force: true }));

test('a broken #anchor fails the build, naming its source file', () => {
  assert.notEqual(run.status, 0, 'the build must fail');
  assert.match(run.log, /1 broken link in the built site:/);
  const expected = `${contentDir}/myths/broken-anchor.mdx (page /myths/broken-anchor/): link "/patterns/fixture-pattern/#no-such-heading" points at #no-such-heading, which /patterns/fixture-pattern/ does not have`;
  assert.ok(run.log.includes(expected), run.log.slice(-2000));
  assert.ok(!existsSync(path.join(work, 'dist/_headers')), 'the build stopped at the link check');
});

test("a renamed talk's old URLs, the page and its moments, redirect to the new ones", () => {
  const page = readFileSync(path.join(work, 'dist/talks/talk-with-an-old-name/index.html'), 'utf8');
  assert.match(page, /<meta http-equiv="refresh" content="0;url=\/talks\/renamed-talk\/">/);
  assert.match(page, /<link rel="canonical" href="http:\/\/localhost:4321\/talks\/renamed-talk\/">/);
  const moment = readFileSync(path.join(work, 'dist/talks/talk-with-an-old-name/at/01-30/index.html'), 'utf8');
  assert.match(moment, /<meta http-equiv="refresh" content="0;url=\/talks\/renamed-talk\/at\/01-30\/">/);
});

test("the build names the entry whose card cannot draw some characters, and only that one", () => {
  const expected = `${contentDir}/people/tenzin-norbu.mdx: the card's title has characters no card font draws: U+0F56 བ, U+0F66 ས, U+0F9F ◌ྟ, U+0F53 ན, U+0F0B ་, U+0F60 འ, U+0F5B ཛ, U+0F72 ◌ི; the card shows the rest\n  fix: add a font that covers them to src/lib/cards/fonts.ts`;
  assert.ok(run.log.includes(expected), run.log.slice(-3000));
  assert.equal(run.log.match(/no card font draws/g)?.length, 1, 'the Japanese, Arabic and emoji name draws without a warning');
});
