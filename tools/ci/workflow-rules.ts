/**
 * The rules the GitHub plumbing in .github/ must follow: the workflows'
 * security rules (no pull_request_target, read-only tokens, actions pinned by
 * commit SHA, timeouts), what the pull-request and deploy workflows must run,
 * and the shape of the issue forms. Each rule is a small function over the
 * parsed YAML that returns problems naming the file, job and step;
 * tests/unit/project/workflows.test.ts holds the real files to them and shows
 * every rule able to fail.
 */
import path from 'node:path';
import { parse } from 'yaml';

export type Obj = Record<string, unknown>;
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
