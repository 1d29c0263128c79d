/**
 * Guards the GitHub plumbing in .github/ with the rules in
 * tools/ci/workflow-rules.ts: the real files must give no problem, and a
 * table of small bad workflows (and of mutations of the real files) must each
 * be rejected with the expected message, so every rule is shown able to fail.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { checkIssueForm, checkWorkflow, type Obj } from '../../../tools/ci/workflow-rules.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const workflowsDir = path.join(root, '.github/workflows');
const formsDir = path.join(root, '.github/ISSUE_TEMPLATE');
// ---------------------------------------------------------------------------

const testScript: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.test;
const workflowFiles = existsSync(workflowsDir) ? readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f)).sort() : [];
const rel = (f: string) => `.github/workflows/${f}`;
const realText = (f: string) => readFileSync(path.join(workflowsDir, f), 'utf8');

describe('the real workflows', () => {
  test('both workflows exist', () => {
    assert.ok(workflowFiles.includes('pull-request.yml'), 'missing .github/workflows/pull-request.yml');
    assert.ok(workflowFiles.includes('deploy.yml'), 'missing .github/workflows/deploy.yml');
  });
  for (const f of workflowFiles) {
    test(`${rel(f)} passes every rule`, () => assert.deepEqual(checkWorkflow(rel(f), realText(f), testScript), []));
  }
});

// A minimal workflow that passes every general rule; the bad cases below are
// small departures from it.
const SHA_A = 'a'.repeat(40);
const GOOD = `
on: push
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - uses: actions/checkout@${SHA_A} # v7.0.1
        with:
          fetch-depth: 0
          persist-credentials: false
      - run: npm ci
`;

const steps = (body: string) => `
on: push
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
${body}`;

// [case, file name, YAML, expected message]
const BAD: Array<[string, string, string, RegExp]> = [
  ['pull_request_target as a map key', 'ci.yml', GOOD.replace('on: push', 'on:\n  pull_request_target:\n    types: [opened]'), /ci\.yml: triggers on pull_request_target/],
  ['pull_request_target in a list', 'ci.yml', GOOD.replace('on: push', 'on: [push, pull_request_target]'), /ci\.yml: triggers on pull_request_target/],
  ['pull_request_target as a string', 'ci.yml', GOOD.replace('on: push', 'on: pull_request_target'), /ci\.yml: triggers on pull_request_target/],
  [
    'checkout of the PR head in a privileged workflow',
    'ci.yml',
    GOOD.replace('on: push', 'on: pull_request_target').replace('fetch-depth: 0', 'fetch-depth: 0\n          ref: ${{ github.event.pull_request.head.sha }}'),
    /ci\.yml: job "test": step "actions\/checkout@a{40}": checks out the pull request's head in a privileged workflow/,
  ],
  [
    'checkout of the head_ref after workflow_run',
    'ci.yml',
    GOOD.replace('on: push', 'on: workflow_run').replace('fetch-depth: 0', 'fetch-depth: 0\n          ref: ${{ github.head_ref }}'),
    /job "test": step "actions\/checkout@a{40}": checks out the pull request's head/,
  ],
  ['checkout of a pull request merge ref after workflow_run', 'ci.yml', GOOD.replace('on: push', 'on:\n  workflow_run:\n    workflows: [CI]').replace('fetch-depth: 0', 'fetch-depth: 0\n          ref: refs/pull/${{ github.event.workflow_run.pull_requests[0].number }}/merge'), /checks out the pull request's head in a privileged workflow/],
  ['empty top-level permissions', 'ci.yml', GOOD.replace('permissions:\n  contents: read', 'permissions:'), /ci\.yml: top-level permissions must be a map/],
  ['no top-level permissions', 'ci.yml', GOOD.replace('permissions:\n  contents: read\n', ''), /ci\.yml: no top-level permissions/],
  ['top-level write-all', 'ci.yml', GOOD.replace('permissions:\n  contents: read', 'permissions: write-all'), /ci\.yml: top-level permissions are "write-all"/],
  ['top-level contents: write', 'ci.yml', GOOD.replace('contents: read', 'contents: write'), /ci\.yml: top-level permissions grant contents: write/],
  ['top-level pages: write even in deploy.yml', 'deploy.yml', GOOD.replace('contents: read', 'contents: read\n  pages: write'), /deploy\.yml: top-level permissions grant pages: write/],
  ['job-level write outside deploy.yml', 'ci.yml', GOOD.replace('timeout-minutes: 10', 'timeout-minutes: 10\n    permissions:\n      pages: write'), /ci\.yml: job "test": grants pages: write/],
  ['job-level contents: write in deploy.yml', 'deploy.yml', GOOD.replace('timeout-minutes: 10', 'timeout-minutes: 10\n    permissions:\n      contents: write'), /deploy\.yml: job "test": grants contents: write/],
  ['job-level write-all', 'ci.yml', GOOD.replace('timeout-minutes: 10', 'timeout-minutes: 10\n    permissions: write-all'), /ci\.yml: job "test": permissions "write-all"/],
  ['action on a tag', 'ci.yml', GOOD.replace(`actions/checkout@${SHA_A} # v7.0.1`, 'actions/checkout@v7'), /job "test": step "actions\/checkout@v7": actions\/checkout@v7 is not pinned to a full 40-character commit SHA/],
  ['action on a branch', 'ci.yml', steps('      - name: Setup\n        uses: actions/setup-node@main'), /step "Setup": actions\/setup-node@main is not pinned/],
  ['action on a short SHA', 'ci.yml', steps('      - uses: actions/setup-node@8207627 # v7.0.0'), /actions\/setup-node@8207627 is not pinned/],
  ['action with no version', 'ci.yml', steps('      - uses: someone/action'), /someone\/action has no version/],
  ['action on an upper-case SHA', 'ci.yml', steps(`      - uses: actions/setup-node@${'A'.repeat(40)} # v7.0.0`), /is not pinned to a full 40-character commit SHA/],
  ['docker action by tag', 'ci.yml', steps('      - uses: docker://alpine:3.20'), /docker:\/\/alpine:3\.20 is not pinned by digest/],
  ['container image by tag', 'ci.yml', GOOD.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    container:\n      image: node:24'), /job "test": container node:24 is not pinned by digest/],
  ['container image given as a string', 'ci.yml', GOOD.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    container: node:24'), /job "test": container node:24 is not pinned by digest/],
  ['service image by tag', 'ci.yml', GOOD.replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    services:\n      db:\n        image: postgres:17'), /job "test": service db postgres:17 is not pinned by digest/],
  ['reusable workflow on a tag', 'ci.yml', 'on: push\npermissions:\n  contents: read\njobs:\n  call:\n    uses: org/repo/.github/workflows/x.yml@v1\n', /job "call": org\/repo\/\.github\/workflows\/x\.yml@v1 is not pinned/],
  ['pinned SHA without a version comment', 'ci.yml', GOOD.replace(' # v7.0.1', ''), /ci\.yml:\d+: actions\/checkout@a{40} has no "# vX\.Y\.Z" comment/],
  ['job without timeout-minutes', 'ci.yml', GOOD.replace('    timeout-minutes: 10\n', ''), /ci\.yml: job "test": no timeout-minutes/],
  ['checkout keeping the token', 'ci.yml', GOOD.replace('          persist-credentials: false\n', ''), /step "actions\/checkout@a{40}": checkout must set persist-credentials: false/],
  ['building job with a shallow checkout', 'ci.yml', GOOD.replace('          fetch-depth: 0\n', '').replace('run: npm ci', 'run: npm run build'), /job "test": step "actions\/checkout@a{40}": this job builds the site.*fetch-depth: 0/],
];

// The pull-request workflow's own rules, as departures from a good one.
const PR_GOOD = `
on:
  pull_request:
permissions:
  contents: read
jobs:
  check:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    steps:
      - uses: actions/checkout@${SHA_A} # v7.0.1
        with:
          fetch-depth: 0
          persist-credentials: false
      - name: Validate
        run: npm run validate -- --strict --annotations
      - name: Build
        run: npm run build
      - name: Tests
        run: npm test
`;
const SCRIPT = 'node scripts/test.ts';
const CHAIN = 'npm run validate -- --strict && npm run test:unit && npm run build && npm run test:build && npm run test:e2e';

const PR_BAD: Array<[string, string, RegExp]> = [
  ['no pull_request trigger', PR_GOOD.replace('  pull_request:', '  push:'), /pull-request\.yml: does not trigger on pull_request/],
  ['validate without --annotations', PR_GOOD.replace(' --annotations', ''), /job "check": step "Validate": validate runs without --annotations/],
  ['validate without --strict', PR_GOOD.replace('--strict ', ''), /step "Validate": validate runs without --strict/],
  ['no validate step', PR_GOOD.replace('        run: npm run validate -- --strict --annotations', '        run: echo skipped'), /no step runs "npm run validate -- --strict --annotations"/],
  ['validate sharing a step with the build', PR_GOOD.replace('--strict --annotations', '--strict --annotations && npm run build'), /step "Validate": validate must be a step of its own/],
  ['validate after the build', PR_GOOD.replace('run: npm run validate -- --strict --annotations', 'run: npm run build').replace('      - name: Build\n        run: npm run build', '      - name: Build\n        run: npm run validate -- --strict --annotations'), /validate must run before the build/],
  ['no build', PR_GOOD.replace('run: npm run build', 'run: echo no build'), /no step builds the site/],
  ['no npm test', PR_GOOD.replace('run: npm test', 'run: npm run test:unit'), /pull-request\.yml: does not run npm test \("node scripts\/test\.ts"\)/],
];

// The deploy workflow's own rules.
const DEPLOY_GOOD = `
on:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 20
    steps:
      - uses: actions/checkout@${SHA_A} # v7.0.1
        with:
          fetch-depth: 0
          persist-credentials: false
      - id: pages
        uses: actions/configure-pages@${SHA_A} # v6.0.0
      - name: Build
        run: npm run build
        env:
          SITE_URL: \${{ steps.pages.outputs.base_url }}/
  deploy:
    needs: build
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      pages: write
      id-token: write
    steps:
      - id: deployment
        uses: actions/deploy-pages@${SHA_A} # v5.0.1
`;

const DEPLOY_BAD: Array<[string, string, RegExp]> = [
  ['build without SITE_URL', DEPLOY_GOOD.replace(/\n {8}env:\n.*SITE_URL.*\n/, '\n'), /deploy\.yml: job "build": step "Build": builds without SITE_URL/],
  ['empty SITE_URL', DEPLOY_GOOD.replace(/SITE_URL: .*/, "SITE_URL: ''"), /step "Build": builds without SITE_URL/],
  ['shallow checkout', DEPLOY_GOOD.replace('          fetch-depth: 0\n', ''), /deploy\.yml: job "build": checks out without fetch-depth: 0/],
  ['fetch-depth 1', DEPLOY_GOOD.replace('fetch-depth: 0', 'fetch-depth: 1'), /job "build": checks out without fetch-depth: 0/],
  ['deploy job without id-token: write', DEPLOY_GOOD.replace('      id-token: write\n', ''), /job "deploy": the deploy job needs job-level permissions pages: write and id-token: write/],
  ['no deploy step', DEPLOY_GOOD.replace(`uses: actions/deploy-pages@${SHA_A} # v5.0.1`, 'run: echo nothing'), /no step uses actions\/deploy-pages/],
  ['no build step', DEPLOY_GOOD.replace('run: npm run build', 'run: echo no build'), /deploy\.yml: no step runs "npm run build"/],
  ['validate without the build\'s SITE_URL', DEPLOY_GOOD.replace('      - name: Build\n', '      - name: Validate\n        run: npm run validate -- --strict\n      - name: Build\n'), /deploy\.yml: job "build": step "Validate": validates without the SITE_URL the build uses/],
  ['validate without the build\'s SITE_URL', DEPLOY_GOOD.replace('      - name: Build\n', '      - name: Validate\n        run: npm run validate -- --strict\n      - name: Build\n'), /deploy\.yml: job "build": step "Validate": validates without the SITE_URL the build uses/],
];

describe('workflow rules reject bad workflows', () => {
  test('the good fixtures pass, so each bad case fails for its own reason', () => {
    assert.deepEqual(checkWorkflow('ci.yml', GOOD, SCRIPT), []);
    assert.deepEqual(checkWorkflow('pull-request.yml', PR_GOOD, SCRIPT), []);
    assert.deepEqual(checkWorkflow('deploy.yml', DEPLOY_GOOD, SCRIPT), []);
  });
  const cases: Array<[string, string, string, RegExp]> = [
    ...BAD,
    ...PR_BAD.map(([n, y, m]): [string, string, string, RegExp] => [n, 'pull-request.yml', y, m]),
    ...DEPLOY_BAD.map(([n, y, m]): [string, string, string, RegExp] => [n, 'deploy.yml', y, m]),
  ];
  for (const [name, file, yaml, message] of cases) {
    test(`rejects ${name}`, () => {
      const good = file === 'pull-request.yml' ? PR_GOOD : file === 'deploy.yml' ? DEPLOY_GOOD : GOOD;
      assert.notEqual(yaml, good, 'the fixture did not change; the replacement text is out of date');
      const problems = checkWorkflow(file, yaml, SCRIPT);
      assert.ok(
        problems.some((p) => message.test(p)),
        `expected a problem matching ${message}, got:\n${problems.join('\n') || '(none)'}`,
      );
    });
  }
  test('not YAML is reported, not thrown', () => {
    assert.match(checkWorkflow('ci.yml', 'on: [push\n', SCRIPT)[0], /ci\.yml: not valid YAML/);
  });
  test('a local action needs no SHA', () => {
    assert.deepEqual(checkWorkflow('ci.yml', steps('      - uses: ./.github/actions/setup'), SCRIPT), []);
  });
  test('a docker action pinned by digest passes', () => {
    assert.deepEqual(checkWorkflow('ci.yml', steps(`      - uses: docker://alpine@sha256:${'0'.repeat(64)}`), SCRIPT), []);
  });
  // When package.json's test script is a plain chain of npm run commands,
  // running each of them counts as running the tests; a command added to the
  // chain must then be added to the workflow too.
  const split = PR_GOOD.replace('        run: npm test\n', '        run: |\n          npm run test:unit\n          npm run test:build\n          npm run test:e2e\n');
  test('with a chain-style test script, running each of its commands covers the tests', () => {
    assert.notEqual(split, PR_GOOD);
    assert.deepEqual(checkWorkflow('pull-request.yml', split, CHAIN), []);
    assert.deepEqual(checkWorkflow('pull-request.yml', PR_GOOD, CHAIN), []);
  });
  test('with a chain-style test script, a missing command is named', () => {
    const problems = checkWorkflow('pull-request.yml', split.replace('          npm run test:e2e\n', ''), CHAIN);
    assert.ok(problems.some((p) => /does not run "npm run test:e2e", which npm test runs/.test(p)), problems.join('\n'));
    assert.ok(checkWorkflow('pull-request.yml', split, `${CHAIN} && npm run test:links`).some((p) => /does not run "npm run test:links"/.test(p)));
  });
  test('with any other test script, only npm test covers the tests', () => {
    assert.ok(checkWorkflow('pull-request.yml', split, SCRIPT).some((p) => /does not run npm test/.test(p)));
  });
});

// The same rules, on the real files with one property broken in memory.
const MUTATIONS: Array<[string, string, (t: string) => string, RegExp]> = [
  ['pull-request.yml', 'pull_request becomes pull_request_target', (t) => t.replace(/^ {2}pull_request:$/m, '  pull_request_target:'), /triggers on pull_request_target/],
  ['pull-request.yml', 'checkout on a tag', (t) => t.replace(/actions\/checkout@[0-9a-f]{40}/, 'actions/checkout@v7'), /actions\/checkout@v7 is not pinned/],
  ['pull-request.yml', 'contents: write at the top', (t) => t.replace(/^permissions:\n {2}contents: read$/m, 'permissions:\n  contents: write'), /top-level permissions grant contents: write/],
  ['pull-request.yml', 'no timeout on the job', (t) => t.replace(/^ {4}timeout-minutes: \d+\n/m, ''), /job "check": no timeout-minutes/],
  ['pull-request.yml', 'validate without --annotations', (t) => t.replace('--strict --annotations', '--strict'), /validate runs without --annotations/],
  ['pull-request.yml', 'npm test dropped', (t) => t.replace('run: npm test', 'run: npm run test:unit'), /does not run npm test/],
  ['deploy.yml', 'pages: write moved to the top', (t) => t.replace(/^permissions:\n {2}contents: read$/m, 'permissions:\n  contents: read\n  pages: write'), /top-level permissions grant pages: write/],
  ['deploy.yml', 'SITE_URL dropped', (t) => t.replace(/^ +SITE_URL:.*\n/gm, ''), /builds without SITE_URL/],
  ['deploy.yml', 'validation without SITE_URL', (t) => t.replace(/^( +- name: Validate content\n(?: {8}.*\n)*?) {8}env:\n(?: {10}.*\n)+/m, '$1'), /step "Validate content": validates without the SITE_URL the build uses/],
  ['deploy.yml', 'shallow checkout', (t) => t.replace('fetch-depth: 0', 'fetch-depth: 1'), /fetch-depth: 0/],
  ['deploy.yml', 'build job may write contents', (t) => t.replace(/^ {4}permissions:\n {6}contents: read$/m, '    permissions:\n      contents: write'), /job "build": grants contents: write/],
];

describe('the real workflows, each broken once in memory, are rejected', () => {
  for (const [file, name, mutate, message] of MUTATIONS) {
    test(`${file}: ${name}`, () => {
      const text = realText(file);
      const broken = mutate(text);
      assert.notEqual(broken, text, 'the mutation did not apply; update it to the file');
      const problems = checkWorkflow(rel(file), broken, testScript);
      assert.ok(problems.some((p) => message.test(p)), `expected ${message}, got:\n${problems.join('\n') || '(none)'}`);
    });
  }
});

describe('issue forms', () => {
  const forms = ['suggest-a-talk.yml', 'report-an-error.yml'];
  for (const f of forms) {
    test(`${f} is a valid issue form`, () => {
      const file = path.join(formsDir, f);
      assert.ok(existsSync(file), `missing .github/ISSUE_TEMPLATE/${f}`);
      assert.deepEqual(checkIssueForm(f, readFileSync(file, 'utf8')), []);
    });
  }
  test('config.yml turns off blank issues, and any contact link is absolute', () => {
    const config = parse(readFileSync(path.join(formsDir, 'config.yml'), 'utf8')) as Obj;
    assert.equal(config.blank_issues_enabled, false);
    for (const link of Array.isArray(config.contact_links) ? config.contact_links : []) {
      assert.match(String((link as Obj).url), /^https:\/\//, 'contact_links need absolute URLs');
    }
  });
  const FORM_BAD: Array<[string, string, RegExp]> = [
    ['not YAML', 'name: [x\n', /not valid YAML/],
    ['no name', 'description: d\nbody:\n  - type: input\n    id: a\n    attributes: { label: A }\n', /form\.yml: no name/],
    ['no description', 'name: n\nbody:\n  - type: input\n    id: a\n    attributes: { label: A }\n', /form\.yml: no description/],
    ['no body', 'name: n\ndescription: d\n', /no body items/],
    ['an item without id', 'name: n\ndescription: d\nbody:\n  - type: input\n    attributes: { label: A }\n', /body item 1 \(input\): no id/],
    ['an item without label', 'name: n\ndescription: d\nbody:\n  - type: textarea\n    id: a\n    attributes: { description: x }\n', /body item 1 \(a\): no label/],
    ['a repeated id', 'name: n\ndescription: d\nbody:\n  - type: input\n    id: a\n    attributes: { label: A }\n  - type: input\n    id: a\n    attributes: { label: B }\n', /body item 2: id "a" used twice/],
    ['a dropdown without options', 'name: n\ndescription: d\nbody:\n  - type: dropdown\n    id: a\n    attributes: { label: A }\n', /dropdown without options/],
  ];
  for (const [name, yaml, message] of FORM_BAD) {
    test(`rejects a form with ${name}`, () => {
      const problems = checkIssueForm('form.yml', yaml);
      assert.ok(problems.some((p) => message.test(p)), `expected ${message}, got:\n${problems.join('\n') || '(none)'}`);
    });
  }
  test('the pull request template exists and asks for npm run validate', () => {
    const template = readFileSync(path.join(root, '.github/pull_request_template.md'), 'utf8');
    assert.match(template, /npm run validate/);
    assert.match(template, /talk:<id>@<m:ss>/);
  });
});
