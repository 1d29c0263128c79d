/**
 * npm test: every check, in order, stopping at the first that fails.
 * The build runs with a secret in SECRET_CANARY so the build checks can
 * prove that no content reaches the environment, and with the network
 * tripwire (tests/support/network-tripwire.ts) so they can prove it
 * connected to nothing.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const env = {
  ...process.env,
  SECRET_CANARY: `kb-canary-${randomBytes(12).toString('hex')}`,
  KB_NETWORK_LOG: path.join(mkdtempSync(path.join(tmpdir(), 'kb-network-')), 'connections.txt'),
};
// npm gives scripts the node-options of .npmrc in place of NODE_OPTIONS; the build keeps them and loads the tripwire too.
const npmrc = /^node-options=(.*)$/m.exec(readFileSync(path.join(import.meta.dirname, '..', '.npmrc'), 'utf8'))?.[1] ?? '';
const steps: Array<[string, string[]]> = [
  ['Validate content', ['run', 'validate', '--', '--strict']],
  ['Type check', ['run', 'check']],
  ['Unit tests', ['run', 'test:unit']],
  ['Build', ['run', 'build', `--node-options=${npmrc} --import=./tests/support/network-tripwire.ts`.trim()]],
  ['Build checks', ['run', 'test:build']],
  ['Browser tests', ['run', 'test:e2e']],
];
for (const [name, args] of steps) {
  console.log(`\n▶ ${name}: npm ${args.join(' ')}`);
  const started = performance.now();
  const r = spawnSync('npm', args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
