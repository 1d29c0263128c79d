/**
 * npm run bench -- --entries real,1000,5000 [--runs 1] [--out bench-results/bench.json] [--no-browser] [--seed 1]
 *                   [--queries "feature store,drift,monitoring"] [--transcripts all|<n>]
 *
 * Benchmarks validation, clean and incremental builds, output size, and what
 * first visits and first searches transfer, for the real content and
 * synthetic corpora of the given sizes (tools/bench/run.ts), their talks with
 * transcripts when --transcripts says so (all, or n talks). Prints progress
 * and a table, and writes the results as JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchTable } from '../tools/bench/report.ts';
import { runBench } from '../tools/bench/run.ts';
import { parseTranscripts } from '../tools/corpus/transcripts.ts';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000,5000' },
    out: { type: 'string', default: 'bench-results/bench.json' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '1' },
    queries: { type: 'string', default: 'feature store,drift,monitoring' },
    browser: { type: 'boolean', default: true },
    'no-browser': { type: 'boolean', default: false },
    transcripts: { type: 'string' },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const sizes = values.entries!.split(',').map((n) => (n.trim() === 'real' ? 'real' : Number(n.trim())));
const runs = Number(values.runs);
const usage = 'usage: npm run bench -- --entries real,1000,5000 [--runs 1] [--out bench-results/bench.json] [--no-browser] [--seed 1] [--queries "a,b"] [--transcripts all|<n>]';
const transcripts = parseTranscripts(values.transcripts);
if (sizes.some((n) => n !== 'real' && !Number.isInteger(n)) || !Number.isInteger(runs) || runs < 1 || !/^-?\d+$/.test(values.seed!) || transcripts === null) {
  console.error(`--entries takes sizes or "real", --runs a whole number of at least 1, --seed a whole number, --transcripts "all" or a whole number\n${usage}`);
  process.exit(2);
}

const results = await runBench({
  sizes,
  seed: Number(values.seed),
  transcripts,
  runs,
  queries: values.queries!.split(',').map((q) => q.trim()),
  browser: values.browser! && !values['no-browser'],
  progress: (line) => console.error(line),
});
mkdirSync(path.dirname(path.resolve(root, values.out!)), { recursive: true });
writeFileSync(path.resolve(root, values.out!), JSON.stringify(results, null, 2) + '\n');
console.log(benchTable(results));
console.error(`\nwrote ${values.out}`);
