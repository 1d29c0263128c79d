/**
 * Contributed content cannot read the build's environment: `npm test` builds
 * with a secret in SECRET_CANARY, and the secret must appear nowhere in
 * dist/. (The validator fixture unsafe-expression shows the entry that would
 * try, {process.env.SECRET_CANARY}, being rejected before any build.)
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { dist } from '../support/built-site.ts';

test('the secret in the build environment never reaches the built site', () => {
  const canary = process.env.SECRET_CANARY;
  assert.ok(canary && canary.length >= 16, 'run this through `npm test`, which builds with SECRET_CANARY set');
  const needle = Buffer.from(canary);
  const leaks: string[] = [];
  let files = 0;
  const walk = (dir: string) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) walk(full);
      else {
        files++;
        if (readFileSync(full).includes(needle)) leaks.push(path.relative(dist, full));
      }
    }
  };
  walk(dist);
  assert.ok(files > 100);
  assert.deepEqual(leaks, []);
});
