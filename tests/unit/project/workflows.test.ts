/**
 * Guards the GitHub plumbing in .github/: the workflows' security rules
 * (no pull_request_target, read-only tokens, actions pinned by commit SHA,
 * timeouts), what the pull-request and deploy workflows must run, and the
 * shape of the issue forms.
 *
 * Each rule is a small function over the parsed YAML that returns problems
 * naming the file, job and step. The real files must give none; a table of
 * small bad workflows (and of mutations of the real files) must each be
 * rejected with the expected message, so every rule is shown able to fail.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../../..');
const workflowsDir = path.join(root, '.github/workflows');
const formsDir = path.join(root, '.github/ISSUE_TEMPLATE');

type Obj = Record<string, unknown>;
type Step = Obj;
type Job = Obj;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const jobsOf = (doc: Obj): Array<[string, Job]> => (isObj(doc.jobs) ? Object.entries(doc.jobs).filter((e): e is [string, Job] => isObj(e[1])) : []);
const stepsOf = (job: Job): Step[] => (Array.isArray(job.steps) ? job.steps.filter(isObj) : []);
const stepLabel = (step: Step, i: number): string => String(step.name ?? step.id ?? step.uses ?? `#${i + 1}`);
const where = (file: string, job?: string, step?: string): string => [file, job && `job "${job}"`, step && `step "${step}"`].filter(Boolean).join(': ');

/** Event names a workflow's `on:` lists, whatever its form (string, list or map). */
export function triggers(doc: Obj): string[] {
  const on = doc.on;
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  if (isObj(on)) return Object.keys(on);
  return [];
}

/** Shell commands of a step's `run:`, one per line and per `&&`. */
function commands(step: Step): string[][] {
  if (typeof step.run !== 'string') return [];
  return step.run
    .split(/\n|&&|;/)
    .map((c) => c.trim().split(/\s+/).filter(Boolean))
    .filter((c) => c.length > 0);
}

/** True when `cmd` runs `npm run <script>` (or `npm test` for `test`), ignoring extra arguments. */
function runsScript(cmd: string[], script: string): boolean {
  if (cmd[0] !== 'npm') return false;
  if (script === 'test' && (cmd[1] === 'test' || cmd[1] === 't') && cmd.length >= 2) return true;
  return (cmd[1] === 'run' || cmd[1] === 'run-script') && cmd[2] === script;
}

// ---------------------------------------------------------------------------
// Rules for every workflow
// ---------------------------------------------------------------------------

const PR_HEAD = /github\.event\.pull_request\.head|github\.head_ref|github\.event\.workflow_run\.head|refs\/pull\//;

/** No `pull_request_target`, and (the rule it protects) never a checkout of the PR head in a privileged workflow. */
export function checkNoPullRequestTarget(file: string, doc: Obj): string[] {
  const problems: string[] = [];
  const on = triggers(doc);
  if (on.includes('pull_request_target')) {
    problems.push(`${file}: triggers on pull_request_target, which runs with a write token and secrets; use pull_request`);
  }
  if (on.includes('pull_request_target') || on.includes('workflow_run')) {
    for (const [jobName, job] of jobsOf(doc)) {
      stepsOf(job).forEach((step, i) => {
        const uses = typeof step.uses === 'string' ? step.uses : '';
        const ref = isObj(step.with) ? String(step.with.ref ?? '') + String(step.with.repository ?? '') : '';
        if (uses.startsWith('actions/checkout@') && PR_HEAD.test(ref)) {
          problems.push(`${where(file, jobName, stepLabel(step, i))}: checks out the pull request's head in a privileged workflow`);
        }
      });
    }
  }
  return problems;
}

/** Top-level `permissions` must exist and grant only `read` (or `none`). */
export function checkTopLevelPermissions(file: string, doc: Obj): string[] {
  if (!('permissions' in doc)) return [`${file}: no top-level permissions; add "permissions: contents: read"`];
  const perms = doc.permissions;
  if (typeof perms === 'string' && perms !== 'read-all') return [`${file}: top-level permissions are "${perms}"; grant only read`];
  if (!isObj(perms) && typeof perms !== 'string') return [`${file}: top-level permissions must be a map of scopes to read`];
  if (isObj(perms)) {
    const extra = Object.entries(perms).filter(([, v]) => v !== 'read' && v !== 'none');
    if (extra.length) return [`${file}: top-level permissions grant ${extra.map(([k, v]) => `${k}: ${v}`).join(', ')}; grant only read at the top, write in the one job that needs it`];
  }
  return [];
}

/** Write permissions only at job level, only in deploy.yml, only `pages` and `id-token`. */
export function checkJobPermissions(file: string, doc: Obj): string[] {
  const problems: string[] = [];
  const allowed = path.basename(file) === 'deploy.yml' ? new Set(['pages', 'id-token']) : new Set<string>();
  for (const [jobName, job] of jobsOf(doc)) {
    if (!('permissions' in job)) continue;
    const perms = job.permissions;
    if (typeof perms === 'string') {
      if (perms !== 'read-all') problems.push(`${where(file, jobName)}: permissions "${perms}"; list only the scopes the job needs`);
      continue;
    }
    if (!isObj(perms)) continue;
    for (const [scope, level] of Object.entries(perms)) {
      if (level === 'read' || level === 'none') continue;
      if (!allowed.has(scope)) problems.push(`${where(file, jobName)}: grants ${scope}: ${level}; only deploy.yml's deploy job may write, and only pages and id-token`);
    }
  }
  return problems;
}

const SHA = /^[0-9a-f]{40}$/;
const DIGEST = /@sha256:[0-9a-f]{64}$/;

function pinProblem(uses: string): string | undefined {
  if (uses.startsWith('./')) return undefined; // an action in this repository
  if (uses.startsWith('docker://')) return DIGEST.test(uses) ? undefined : `${uses} is not pinned by digest (@sha256:…)`;
  const at = uses.lastIndexOf('@');
  if (at < 0) return `${uses} has no version; pin it to a full 40-character commit SHA`;
  return SHA.test(uses.slice(at + 1)) ? undefined : `${uses} is not pinned to a full 40-character commit SHA`;
}

/** Every remote action (and reusable workflow) is pinned to a commit SHA; docker images by digest. */
export function checkPinnedActions(file: string, doc: Obj): string[] {
  const problems: string[] = [];
  for (const [jobName, job] of jobsOf(doc)) {
    if (typeof job.uses === 'string') {
      const p = pinProblem(job.uses);
      if (p) problems.push(`${where(file, jobName)}: ${p}`);
    }
    const images: Array<[string, unknown]> = [['container', isObj(job.container) ? job.container.image : job.container]];
    if (isObj(job.services)) for (const [name, svc] of Object.entries(job.services)) images.push([`service ${name}`, isObj(svc) ? svc.image : svc]);
    for (const [what, image] of images) {
      if (typeof image === 'string' && !DIGEST.test(image)) problems.push(`${where(file, jobName)}: ${what} ${image} is not pinned by digest (@sha256:…)`);
    }
    stepsOf(job).forEach((step, i) => {
      if (typeof step.uses !== 'string') return;
      const p = pinProblem(step.uses);
      if (p) problems.push(`${where(file, jobName, stepLabel(step, i))}: ${p}`);
    });
  }
  return problems;
}

/** A SHA alone tells a reader nothing: each pinned line carries the release as a comment (`# v7.0.1`). */
export function checkVersionComments(file: string, text: string): string[] {
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /^\s*(?:-\s*)?uses:\s*["']?([^\s"'#]+@[0-9a-f]{40})["']?\s*(#.*)?$/.exec(line);
    if (m && !/^#\s*v?\d+(\.\d+)*/.test(m[2] ?? '')) problems.push(`${file}:${i + 1}: ${m[1]} has no "# vX.Y.Z" comment naming its release`);
  });
  return problems;
}

/** Every job that runs steps has `timeout-minutes` (a job calling a reusable workflow cannot have one). */
export function checkTimeouts(file: string, doc: Obj): string[] {
  return jobsOf(doc)
    .filter(([, job]) => typeof job.uses !== 'string' && job['timeout-minutes'] === undefined)
    .map(([jobName]) => `${where(file, jobName)}: no timeout-minutes; a hung step would hold a runner for six hours`);
}

/** Checkouts keep no token in .git/config, and a job that builds fetches full history (the build reads git dates). */
export function checkCheckouts(file: string, doc: Obj): string[] {
  const problems: string[] = [];
  for (const [jobName, job] of jobsOf(doc)) {
    const steps = stepsOf(job);
    const builds = steps.some((s) => commands(s).some((c) => runsScript(c, 'build') || runsScript(c, 'test')));
    steps.forEach((step, i) => {
      if (typeof step.uses !== 'string' || !step.uses.startsWith('actions/checkout@')) return;
      const w = isObj(step.with) ? step.with : {};
      if (w['persist-credentials'] !== false) problems.push(`${where(file, jobName, stepLabel(step, i))}: checkout must set persist-credentials: false`);
      if (builds && w['fetch-depth'] !== 0) problems.push(`${where(file, jobName, stepLabel(step, i))}: this job builds the site, which reads git history; check out with fetch-depth: 0`);
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Rules for the two workflows by name
// ---------------------------------------------------------------------------

interface Found {
  job: string;
  step: Step;
  index: number;
  label: string;
}

function findSteps(doc: Obj, pred: (step: Step) => boolean): Found[] {
  const found: Found[] = [];
  for (const [jobName, job] of jobsOf(doc)) {
    stepsOf(job).forEach((step, index) => {
      if (pred(step)) found.push({ job: jobName, step, index, label: stepLabel(step, index) });
    });
  }
  return found;
}

/**
 * The package.json `test` script as `npm run` commands, when it is a chain of
 * them (`npm run validate -- --strict && npm run test:unit && …`); undefined
 * when it is anything else (`node scripts/test.ts`), which only `npm test` runs.
 */
export function testChain(testScript: string): string[][] | undefined {
  const parts = testScript.split('&&').map((p) => p.trim().split(/\s+/).filter(Boolean));
  return parts.every((p) => p[0] === 'npm' && p[1] === 'run' && p[2]) ? parts : undefined;
}

/**
 * pull-request.yml: triggers on pull_request; validates with --strict and
 * --annotations in a step of its own, before the build; builds; and runs the
 * tests: `npm test` itself, or (only when package.json's test script is a
 * plain chain of `npm run` commands) every command of that chain.
 */
export function checkPullRequestWorkflow(file: string, doc: Obj, testScript: string): string[] {
  const problems: string[] = [];
  if (!triggers(doc).includes('pull_request')) problems.push(`${file}: does not trigger on pull_request`);

  const validate = findSteps(doc, (s) => commands(s).some((c) => runsScript(c, 'validate')));
  const build = findSteps(doc, (s) => commands(s).some((c) => runsScript(c, 'build')));
  if (validate.length === 0) {
    problems.push(`${file}: no step runs "npm run validate -- --strict --annotations"`);
  } else {
    const v = validate[0];
    const cmd = commands(v.step).find((c) => runsScript(c, 'validate')) ?? [];
    for (const flag of ['--strict', '--annotations']) {
      if (!cmd.includes(flag)) problems.push(`${where(file, v.job, v.label)}: validate runs without ${flag}`);
    }
    if (commands(v.step).length > 1) problems.push(`${where(file, v.job, v.label)}: validate must be a step of its own, so its annotations show even when a later command fails`);
    const b = build.find((x) => x.job === v.job);
    if (b && b.index < v.index) problems.push(`${where(file, v.job, v.label)}: validate must run before the build ("${b.label}")`);
  }
  if (build.length === 0) problems.push(`${file}: no step builds the site (npm run build)`);

  const allCommands = findSteps(doc, () => true).flatMap((f) => commands(f.step));
  if (!allCommands.some((c) => runsScript(c, 'test'))) {
    const chain = testChain(testScript);
    if (!chain) problems.push(`${file}: does not run npm test ("${testScript}")`);
    for (const part of chain ?? []) {
      const [, , script] = part;
      const flags = part.slice(3).filter((t) => t !== '--');
      const ok = allCommands.some((c) => runsScript(c, script) && flags.every((f) => c.includes(f)));
      if (!ok) problems.push(`${file}: does not run "${part.join(' ')}", which npm test runs`);
    }
  }
  return problems;
}

function envOf(doc: Obj, job: Job, step: Step): Obj {
  return { ...(isObj(doc.env) ? doc.env : {}), ...(isObj(job.env) ? job.env : {}), ...(isObj(step.env) ? step.env : {}) };
}

/** deploy.yml: builds with SITE_URL set, validates with the same, checks out full history, and deploys from a job with pages/id-token write. */
export function checkDeployWorkflow(file: string, doc: Obj): string[] {
  const problems: string[] = [];
  const jobs = Object.fromEntries(jobsOf(doc));
  const builds = findSteps(doc, (s) => commands(s).some((c) => runsScript(c, 'build')));
  if (builds.length === 0) problems.push(`${file}: no step runs "npm run build"`);
  for (const b of builds) {
    const env = envOf(doc, jobs[b.job], b.step);
    if (typeof env.SITE_URL !== 'string' || env.SITE_URL.trim() === '') problems.push(`${where(file, b.job, b.label)}: builds without SITE_URL, so links would point at localhost`);
    const checkout = stepsOf(jobs[b.job]).find((s) => typeof s.uses === 'string' && s.uses.startsWith('actions/checkout@'));
    const depth = checkout && isObj(checkout.with) ? checkout.with['fetch-depth'] : undefined;
    if (depth !== 0) problems.push(`${where(file, b.job)}: checks out without fetch-depth: 0; the build needs git history`);
    // The validator treats links to the site's own address as links within the site; it must know the address the build uses.
    for (const v of findSteps(doc, (s) => commands(s).some((c) => runsScript(c, 'validate'))).filter((v) => v.job === b.job)) {
      if (envOf(doc, jobs[v.job], v.step).SITE_URL !== env.SITE_URL) problems.push(`${where(file, v.job, v.label)}: validates without the SITE_URL the build uses`);
    }
  }
  const deploys = findSteps(doc, (s) => typeof s.uses === 'string' && s.uses.startsWith('actions/deploy-pages@'));
  if (deploys.length === 0) problems.push(`${file}: no step uses actions/deploy-pages`);
  for (const d of deploys) {
    const perms = jobs[d.job].permissions;
    if (!isObj(perms) || perms.pages !== 'write' || perms['id-token'] !== 'write') {
      problems.push(`${where(file, d.job)}: the deploy job needs job-level permissions pages: write and id-token: write`);
    }
  }
  return problems;
}

/** Every rule that applies to `file`, over its text. */
export function checkWorkflow(file: string, text: string, testScript: string): string[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    return [`${file}: not valid YAML: ${(e as Error).message}`];
  }
  if (!isObj(doc)) return [`${file}: not a workflow (no mapping at the top)`];
  const problems = [
    ...checkNoPullRequestTarget(file, doc),
    ...checkTopLevelPermissions(file, doc),
    ...checkJobPermissions(file, doc),
    ...checkPinnedActions(file, doc),
    ...checkVersionComments(file, text),
    ...checkTimeouts(file, doc),
    ...checkCheckouts(file, doc),
  ];
  const base = path.basename(file);
  if (base === 'pull-request.yml') problems.push(...checkPullRequestWorkflow(file, doc, testScript));
  if (base === 'deploy.yml') problems.push(...checkDeployWorkflow(file, doc));
  return problems;
}

// ---------------------------------------------------------------------------
// Issue forms
// ---------------------------------------------------------------------------

export function checkIssueForm(file: string, text: string): string[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    return [`${file}: not valid YAML: ${(e as Error).message}`];
  }
  if (!isObj(doc)) return [`${file}: not an issue form (no mapping at the top)`];
  const problems: string[] = [];
  for (const key of ['name', 'description']) {
    if (typeof doc[key] !== 'string' || (doc[key] as string).trim() === '') problems.push(`${file}: no ${key}`);
  }
  if (!Array.isArray(doc.body) || doc.body.length === 0) return [...problems, `${file}: no body items`];
  const ids = new Set<string>();
  doc.body.forEach((item: unknown, i: number) => {
    const at = `${file}: body item ${i + 1}`;
    if (!isObj(item)) return problems.push(`${at}: not a mapping`);
    const attrs = isObj(item.attributes) ? item.attributes : {};
    if (item.type === 'markdown') {
      if (typeof attrs.value !== 'string') problems.push(`${at}: markdown without a value`);
      return;
    }
    if (typeof item.id !== 'string' || item.id === '') problems.push(`${at} (${String(item.type)}): no id`);
    else if (ids.has(item.id)) problems.push(`${at}: id "${item.id}" used twice`);
    else ids.add(item.id);
    if (typeof attrs.label !== 'string' || attrs.label.trim() === '') problems.push(`${at} (${String(item.id ?? item.type)}): no label`);
    if (item.type === 'dropdown' && (!Array.isArray(attrs.options) || attrs.options.length === 0)) problems.push(`${at} (${String(item.id)}): dropdown without options`);
  });
  return problems;
}

// ---------------------------------------------------------------------------
// Tests
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
