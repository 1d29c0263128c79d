/**
 * Prints a GitHub Actions job's `run:` steps as one bash script, so `.ci/run`
 * can run the pull-request workflow's own steps in a stranger's clone: what a
 * GitHub runner would run, in order, with each step's `env:`. Steps that use
 * an action (checkout, setup-node, upload) are listed, not run: the clone and
 * the Node that .ci/run provides stand in for the first two; `if:` conditions
 * are not evaluated (every step runs, as on a passing run). An `${{ }}` expression in
 * a command or an environment value cannot be evaluated here, so it is an
 * error rather than a command run with the expression left in.
 *
 *   node tools/ci/workflow-steps.ts <workflow.yml> <job> [NAME=value ...]
 *
 * NAME=value replaces that variable wherever a step sets it (the runner's
 * /usr/bin/google-chrome is /usr/bin/chromium here), and says so.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Single-quotes a value for bash. */
export const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function stepsScript(workflowYaml: string, job: string, overrides: Record<string, string> = {}): string {
  const doc: unknown = parse(workflowYaml);
  const steps = isObj(doc) && isObj(doc.jobs) && isObj(doc.jobs[job]) ? doc.jobs[job].steps : undefined;
  if (!Array.isArray(steps)) throw new Error(`the workflow has no job "${job}" with steps`);
  // What every GitHub runner sets; the validator's annotations and Playwright's reporters read them.
  const out = ['set -euo pipefail', 'export CI=true GITHUB_ACTIONS=true'];
  steps.forEach((step: unknown, i) => {
    if (!isObj(step)) throw new Error(`step ${i + 1} of job "${job}" is not a mapping`);
    const name = String(step.name ?? step.id ?? step.uses ?? `step ${i + 1}`);
    if (typeof step.run !== 'string') {
      out.push(`echo ${shellQuote(`· ${name}: the action ${String(step.uses)}, not run here`)}`);
      return;
    }
    const env = isObj(step.env) ? step.env : {};
    const assignments: string[] = [];
    for (const [key, raw] of Object.entries(env)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new Error(`step "${name}": "${key}" is not an environment variable name`);
      const value = key in overrides ? overrides[key] : String(raw);
      if (value.includes('${{')) throw new Error(`step "${name}": env ${key} holds an expression, which only GitHub can evaluate`);
      if (key in overrides) out.push(`echo ${shellQuote(`  ${key}=${overrides[key]} here (the workflow says ${String(raw)})`)}`);
      assignments.push(`export ${key}=${shellQuote(value)}`);
    }
    if (step.run.includes('${{')) throw new Error(`step "${name}": its command holds an expression, which only GitHub can evaluate`);
    out.push(`echo ${shellQuote(`▶ ${name}`)}`, `(${[...assignments, step.run.trim()].join('\n')}\n)`);
  });
  return out.join('\n') + '\n';
}

if (import.meta.main) {
  const [file, job, ...pairs] = process.argv.slice(2);
  if (!file || !job) {
    console.error('usage: node tools/ci/workflow-steps.ts <workflow.yml> <job> [NAME=value ...]');
    process.exit(2);
  }
  const overrides = Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  process.stdout.write(stepsScript(readFileSync(file, 'utf8'), job, overrides));
}
