/**
 * A build fetches nothing: no fonts, no images, no telemetry (Astro's is turned off in
 * astro.config.mjs). `npm test` builds with the network tripwire (tests/support/network-tripwire.ts),
 * which lists every connection the build's main thread opened: Astro, Vite, the loader and the
 * integrations all run there (the card and file-writer threads only draw and write files, and
 * Node's --import does not reach them).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

test('the build opened no network connection', () => {
  const log = process.env.KB_NETWORK_LOG;
  assert.ok(log, 'run this through `npm test`, which builds with KB_NETWORK_LOG set and the network tripwire loaded');
  assert.ok(existsSync(log), `the build did not load tests/support/network-tripwire.ts: ${log} was never made`);
  assert.deepEqual(readFileSync(log, 'utf8').split('\n').filter(Boolean), []);
});
