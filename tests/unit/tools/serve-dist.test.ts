/**
 * The static server the browser tests and the benchmark use behaves as a
 * static host: index.html for directories, a redirect to the trailing
 * slash, 404.html with status 404, gzip on request, the _headers rules, and
 * a Content-Type for every kind of file a site serves (an icon served as a
 * download is what a browser reports as a broken favicon).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { serveDist } from '../../../tools/serve-dist.ts';

let dir: string;
let server: Server;
let base: string;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kb-serve-'));
  mkdirSync(path.join(dir, 'talks/a'), { recursive: true });
  writeFileSync(path.join(dir, 'talks/a/index.html'), '<p>talk a</p>');
  writeFileSync(path.join(dir, '404.html'), '<p>not here</p>');
  writeFileSync(path.join(dir, '_headers'), '/*\n  X-Frame-Options: DENY\n/talks/*\n  Cache-Control: no-cache\n');
  for (const ext of ['ico', 'webp', 'jpg', 'jpeg', 'gif', 'avif', 'woff2', 'png', 'svg', 'pf_index', 'unknown']) writeFileSync(path.join(dir, `file.${ext}`), 'x');
  server = await serveDist({ dir, port: 0 });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('every kind of file has its Content-Type', async () => {
  const expected: Record<string, string> = {
    ico: 'image/x-icon', webp: 'image/webp', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', avif: 'image/avif', woff2: 'font/woff2',
    png: 'image/png', svg: 'image/svg+xml', pf_index: 'application/octet-stream', unknown: 'application/octet-stream',
  };
  for (const [ext, type] of Object.entries(expected)) {
    const res = await fetch(`${base}/file.${ext}`);
    assert.equal(res.status, 200, ext);
    assert.equal(res.headers.get('content-type'), type, ext);
  }
});

test('a directory serves its index.html with the _headers rules that match it', async () => {
  const res = await fetch(`${base}/talks/a/`);
  assert.equal(res.status, 200);
  assert.equal(await res.text(), '<p>talk a</p>');
  assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
  assert.equal(res.headers.get('cache-control'), 'no-cache');
});

test('a directory without its trailing slash is redirected, keeping the query', async () => {
  const res = await fetch(`${base}/talks/a?q=1`, { redirect: 'manual' });
  assert.equal(res.status, 301);
  assert.equal(res.headers.get('location'), '/talks/a/?q=1');
});

test('an unknown path gets 404.html with status 404', async () => {
  const res = await fetch(`${base}/nowhere/`);
  assert.equal(res.status, 404);
  assert.equal(await res.text(), '<p>not here</p>');
});

test('text is gzipped when the client asks, and only then', async () => {
  const raw = await fetch(`${base}/talks/a/`, { headers: { 'accept-encoding': 'identity' } });
  assert.equal(raw.headers.get('content-encoding'), null);
  // fetch decodes gzip itself; node:http's raw bytes show what was sent.
  const body = await new Promise<{ encoding?: string; bytes: Buffer }>((resolve, reject) => {
    request(`${base}/talks/a/`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ encoding: res.headers['content-encoding'], bytes: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
  assert.equal(body.encoding, 'gzip');
  assert.equal(gunzipSync(body.bytes).toString(), '<p>talk a</p>');
});
