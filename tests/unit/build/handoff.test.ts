/** Hand-offs between Astro's module graphs: what an integration gets, and when. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openHandoff, publish, take } from '../../../src/lib/build/handoff.ts';

test('a value published before the hand-off is opened is dropped (astro dev, astro sync)', () => {
  publish('test-closed', 1);
  assert.throws(() => take('test-closed', 'nothing published'), /^Error: nothing published$/);
});

test('an opened hand-off keeps what was published for one take', () => {
  openHandoff('test-take');
  publish('test-take', { pages: 3 });
  assert.deepEqual(take('test-take', 'missing'), { pages: 3 });
  assert.throws(() => take('test-take', 'taken already'), /^Error: taken already$/);
});

test('a receiver gets the value the moment it is published, not later', () => {
  const got: unknown[] = [];
  openHandoff('test-receive', (v) => got.push(v));
  assert.deepEqual(got, []);
  publish('test-receive', 'jobs');
  assert.deepEqual(got, ['jobs']);
});
