/**
 * tools/ci/workflow-steps.ts turns a workflow job into the bash script .ci/run
 * executes in a stranger's clone: run steps in order with their env,
 * overrides announced, actions listed, expressions refused.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { shellQuote, stepsScript } from '../../../tools/ci/workflow-steps.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const bash = (script: string) => spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH } });

const WORKFLOW = `
jobs:
  check:
    steps:
      - uses: actions/checkout@abc
      - name: Greet
        run: echo "hello $WHO"
        env:
          WHO: "it's me"
      - name: Browser
        run: echo "$CHROMIUM_PATH"
        env:
          CHROMIUM_PATH: /usr/bin/google-chrome
      - name: Fail
        run: |
          false
          echo never
      - name: After
        run: echo after
`;

test('run steps execute in order with their env; a failing step stops the script', () => {
  const r = bash(stepsScript(WORKFLOW, 'check', { CHROMIUM_PATH: '/usr/bin/chromium' }));
  assert.notEqual(r.status, 0);
  assert.equal(
    r.stdout,
    [
      '· actions/checkout@abc: the action actions/checkout@abc, not run here',
      '▶ Greet',
      "hello it's me",
      '  CHROMIUM_PATH=/usr/bin/chromium here (the workflow says /usr/bin/google-chrome)',
      '▶ Browser',
      '/usr/bin/chromium',
      '▶ Fail',
      '',
    ].join('\n'),
  );
});

test('what GitHub alone can evaluate, or what is not a job, is refused', () => {
  assert.throws(() => stepsScript(WORKFLOW, 'build'), /no job "build"/);
  assert.throws(() => stepsScript('jobs: { j: { steps: [ { run: "echo ${{ github.ref }}" } ] } }', 'j'), /its command holds an expression/);
  assert.throws(() => stepsScript('jobs: { j: { steps: [ { run: "x", env: { A: "${{ secrets.T }}" } } ] } }', 'j'), /env A holds an expression/);
  assert.throws(() => stepsScript('jobs: { j: { steps: [ { run: "x", env: { "A;rm": "1" } } ] } }', 'j'), /not an environment variable name/);
});

test('shellQuote survives quotes and substitutions', () => {
  for (const s of [`it's`, '$(touch /tmp/x)', '`id`', "a'b'c", '']) assert.equal(bash(`printf %s ${shellQuote(s)}`).stdout, s);
});

test('the pull-request workflow becomes a script that runs npm test with a local browser', () => {
  const script = stepsScript(readFileSync(path.join(root, '.github/workflows/pull-request.yml'), 'utf8'), 'check', { CHROMIUM_PATH: '/usr/bin/chromium' });
  assert.match(script, /npm install/);
  assert.match(script, /export CHROMIUM_PATH='\/usr\/bin\/chromium'\nnpm test/);
});
