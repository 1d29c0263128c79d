/**
 * One Node story. The README says which Node a user needs (to run npm) and
 * which one the scripts run on; package.json's `engines`, the `node`
 * package and `.nvmrc` (read by nvm and GitHub's setup-node) must agree with
 * it, the Node they pull in must satisfy Astro, and the tests themselves
 * must be running on it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (f: string) => readFileSync(path.join(root, f), 'utf8');
const pkg = JSON.parse(read('package.json'));
const readme = read('README.md');
const major = (v: string) => Number(/(\d+)/.exec(v)?.[1]);

test('README, engines, the node package and .nvmrc tell one story', () => {
  const [, needed, runs] = /You need Node\.js (\d+) or later with npm.*?runs on Node\.js (\d+)/s.exec(readme) ?? [];
  assert.ok(needed && runs, 'the README\'s Set-up no longer says which Node is needed and which one runs');
  assert.equal(pkg.engines.node, `>=${needed}`, 'engines.node is what a user needs to install');
  assert.equal(major(pkg.dependencies.node), Number(runs), 'the node package is the Node the scripts run on');
  assert.equal(read('.nvmrc').trim(), runs, '.nvmrc names the Node the scripts run on');
});

test('the Node the scripts run on satisfies Astro, and the tests run on it', () => {
  const astro = JSON.parse(read('node_modules/astro/package.json')).engines.node as string;
  const [, aMajor, aMinor] = /(\d+)\.(\d+)/.exec(astro) ?? [];
  const [vMajor, vMinor] = process.versions.node.split('.').map(Number);
  assert.ok(vMajor > Number(aMajor) || (vMajor === Number(aMajor) && vMinor >= Number(aMinor)), `Node ${process.versions.node} does not satisfy Astro's ${astro}`);
  assert.equal(vMajor, major(pkg.dependencies.node), `the tests run on Node ${process.versions.node}, not on the node package: run them through npm`);
});
