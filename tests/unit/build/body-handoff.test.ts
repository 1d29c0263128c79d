/** Entry bodies beside Astro's store: kept between builds by digest, rendered again only when their entry changed. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { BODY_CACHE_FILE, BodyCache, bodyOf } from '../../../src/lib/build/body-handoff.ts';
import type { Entry } from '../../../src/lib/content-model/link-graph.ts';

const entry = (key: string, digest: string) => ({ key, digest }) as unknown as Entry;

function sync(dir: string, bodies: Record<string, [digest: string, html: string]>, base = '/'): string[] {
  const rendered: string[] = [];
  const cache = new BodyCache(dir, base);
  for (const [key, [digest, html]] of Object.entries(bodies)) {
    cache.body(key as never, digest, () => (rendered.push(key), html));
  }
  cache.publish();
  return rendered;
}

test('a body is rendered once, then taken from the cache while its entry keeps its digest', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kb-bodies-'));
  try {
    const cases: Array<{ name: string; bodies: Record<string, [string, string]>; rendered: string[] }> = [
      { name: 'first build: all rendered', bodies: { 'myth:a': ['d1', '<p>a</p>'], 'talk:b': ['d2', '<p>b</p>'] }, rendered: ['myth:a', 'talk:b'] },
      { name: 'nothing changed: none rendered', bodies: { 'myth:a': ['d1', '<p>a</p>'], 'talk:b': ['d2', '<p>b</p>'] }, rendered: [] },
      { name: 'one entry changed: that one', bodies: { 'myth:a': ['d3', '<p>a2</p>'], 'talk:b': ['d2', '<p>b</p>'] }, rendered: ['myth:a'] },
      { name: 'one added, one gone: the new one', bodies: { 'myth:a': ['d3', '<p>a2</p>'], 'topic:c': ['d4', '<p>c</p>'] }, rendered: ['topic:c'] },
    ];
    for (const c of cases) {
      assert.deepEqual(sync(dir, c.bodies), c.rendered, c.name);
      for (const [key, [digest, html]] of Object.entries(c.bodies)) assert.equal(bodyOf(entry(key, digest)), html, `${c.name}: ${key}`);
    }
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(path.join(dir, BODY_CACHE_FILE), 'utf8')).bodies).sort(), ['myth:a', 'topic:c'], 'a body whose entry is gone leaves the cache');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unreadable cache is an empty one', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kb-bodies-'));
  try {
    for (const text of ['{not json', 'null', '[1,2]', '{"base": "/"}', '{"base": "/", "bodies": null}', '{"base": "/", "bodies": {"myth:a": "<p>a</p>"}}', '{"base": "/", "bodies": {"myth:a": ["d1"]}}', '{"myth:a": ["d1", "<p>a</p>"]}']) {
      writeFileSync(path.join(dir, BODY_CACHE_FILE), text);
      assert.deepEqual(sync(dir, { 'myth:a': ['d1', '<p>a</p>'] }), ['myth:a'], text);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bodies made under another base path are made again: their links start with it', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kb-bodies-'));
  try {
    const cases: Array<{ base: string; rendered: string[] }> = [
      { base: '/', rendered: ['myth:a'] },
      { base: '/', rendered: [] },
      { base: '/kb/', rendered: ['myth:a'] },
      { base: '/kb/', rendered: [] },
      { base: '/', rendered: ['myth:a'] },
    ];
    for (const c of cases) assert.deepEqual(sync(dir, { 'myth:a': ['d1', `<a href="${c.base}x/">x</a>`] }, c.base), c.rendered, c.base);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a page asking for a body the loader did not publish, or of another version of its entry, fails the build', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kb-bodies-'));
  try {
    sync(dir, { 'myth:a': ['d1', '<p>a</p>'] });
    assert.throws(() => bodyOf(entry('myth:zz', 'd1')), /^Error: body-handoff: the content loader did not publish the body of myth:zz as of digest d1; pages render after content sync$/);
    assert.throws(() => bodyOf(entry('myth:a', 'd0')), /^Error: body-handoff: the content loader did not publish the body of myth:a as of digest d0/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
