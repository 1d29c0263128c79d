/**
 * npm run bench -- --entries real,1000,5000 [--runs 1] [--out bench-results/bench.json] [--no-browser] [--seed 1]
 *                   [--queries "feature store,drift,monitoring"]
 *
 * For each size: writes a synthetic corpus to .bench/ (never content/; `real`
 * copies the real content there instead), then
 * measures validation, a clean full build (pages, cards, link check, search
 * index), a second build after changing one entry, the output, what a first
 * visit to each page type transfers (gzip, split into HTML, CSS and JS), and
 * what a first search fetches and how long it takes to show results (for the
 * corpus's most common long word, the worst case, and for each of --queries,
 * since a query's bytes depend on how many pages hold its words). Prints
 * a table and writes JSON. Times vary with the machine; tests never assert
 * them (budgets on bytes and counts live in tests/build/budgets.test.ts).
 * With --runs N, each clean build runs N times and the fastest is reported:
 * on a shared machine the others measure the neighbours as much as the build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../tools/browser.ts';
import { astroBuild, pageRuns } from '../tools/astro-build.ts';
import { generateCorpus } from '../tools/corpus/generate.ts';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000,5000' },
    out: { type: 'string', default: 'bench-results/bench.json' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '1' },
    queries: { type: 'string', default: 'feature store,drift,monitoring' },
    browser: { type: 'boolean', default: true },
    'no-browser': { type: 'boolean', default: false },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const sizes = values.entries!.split(',').map((n) => (n.trim() === 'real' ? 'real' : Number(n.trim())));
const node = process.execPath;

interface BuildRun {
  seconds: number;
  peakMemoryMB: number;
  phases: Record<string, number>;
  rendered: number;
  /** Pages Astro did not render: left in place from the last build, or copied back from its cache. */
  skipped: number;
}

/** Runs a build of `corpus` and reads its phases from the log. */
function build(corpus: string, cache: string, out: string): BuildRun {
  const rssFile = path.join(root, '.bench', 'rss.txt');
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const r = astroBuild({ contentDir: corpus, cacheDir: cache, outDir: out, nodeArgs: ['--import', path.join(root, 'scripts/bench-rss.mjs')], env: { BENCH_RSS_FILE: rssFile } });
  const seconds = (performance.now() - started) / 1000;
  const log = r.log;
  if (r.status !== 0) throw new Error(`build of ${corpus} failed:\n${log.slice(-3000)}`);
  const ms = (re: RegExp) => {
    const m = re.exec(log);
    return m ? Number(m[1]) * (m[2] === 's' ? 1000 : 1) : NaN;
  };
  const runs = pageRuns(log);
  return {
    seconds,
    peakMemoryMB: Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024),
    phases: {
      'content + types': ms(/\[types\] Generated ([\d.]+)(m?s)/),
      'bundle (vite)': ms(/\[vite\] ✓ built in ([\d.]+)(m?s)/),
      'render pages': ms(/✓ Completed in ([\d.]+)(m?s)\.\s*\n\s*\n?[^\n]*\[build\] ✓ Completed/),
      'cards (worker thread, beside the pages)': ms(/\[kb-cards\] .* in (\d+) (ms)/),
      'link check': ms(/\[kb-finish-build\] \d+ links .* in (\d+) (ms)/),
      'search index (beside the link check)': ms(/\[kb-finish-build\] indexed \d+ pages in (\d+) (ms)/),
    },
    rendered: [...runs.values()].filter((r) => r === 'rendered').length,
    skipped: [...runs.values()].filter((r) => r === 'skipped').length,
  };
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

interface Transfer {
  html: number;
  css: number;
  js: number;
  other: number;
}

/** Bytes on the wire (gzip) of a first visit, by kind. */
async function firstVisit(page: Page, url: string): Promise<Transfer> {
  const t: Transfer = { html: 0, css: 0, js: 0, other: 0 };
  const pending: Promise<void>[] = [];
  const onResponse = (res: import('@playwright/test').Response) => {
    pending.push(
      res.request().sizes().then((s) => {
        const type = res.request().resourceType();
        const bytes = s.responseBodySize + s.responseHeadersSize;
        if (type === 'document') t.html += bytes;
        else if (type === 'stylesheet') t.css += bytes;
        else if (type === 'script') t.js += bytes;
        else t.other += bytes;
      }),
    );
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  page.off('response', onResponse);
  return t;
}

interface SearchRun {
  query: string;
  path: string;
  kilobytes: number;
  requests: number;
  msToResults: number;
}

/** A first search from the header box of a content page: bytes fetched after the first keystroke, and time until results show. */
async function firstSearch(page: Page, base: string, from: string, query: string, searchPage: boolean): Promise<SearchRun> {
  let bytes = 0;
  let requests = 0;
  const pending: Promise<void>[] = [];
  let counting = false;
  page.on('response', (res) => {
    if (!counting) return;
    requests++;
    pending.push(res.request().sizes().then((s) => void (bytes += s.responseBodySize + s.responseHeadersSize)));
  });
  let started: number;
  if (searchPage) {
    await page.goto(`${base}/search/`, { waitUntil: 'networkidle' });
    counting = true;
    started = Date.now();
    await page.evaluate((q) => {
      const input = document.getElementById('search-q') as HTMLInputElement;
      input.value = q;
      input.form!.requestSubmit();
    }, query);
    await page.locator('#results > li').first().waitFor();
  } else {
    await page.goto(`${base}${from}`, { waitUntil: 'networkidle' });
    counting = true;
    started = Date.now();
    await page.locator('#site-search').fill(query);
    await page.locator('#search-panel li').first().waitFor();
  }
  const ms = Date.now() - started;
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  return { query, path: searchPage ? '/search/' : `header box on ${from}`, kilobytes: Math.round(bytes / 102.4) / 10, requests, msToResults: ms };
}

/** A word the corpus uses often, so the query finds many results, as a real one would. */
function commonWord(corpus: string): string {
  const counts = new Map<string, number>();
  for (const f of filesUnder(corpus).slice(0, 400)) {
    for (const w of readFileSync(f, 'utf8').toLowerCase().match(/\b[a-z]{7,}\b/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

const results: Array<Record<string, unknown>> = [];

for (const n of sizes) {
  const dir = path.join(root, '.bench');
  const corpus = path.join(dir, `corpus-${n}`);
  const cache = path.join(dir, `cache-${n}`);
  const out = path.join(dir, `dist-${n}`);
  console.error(`\n== ${n} entries`);
  rmSync(corpus, { recursive: true, force: true });
  if (n === 'real') cpSync(path.join(root, 'content'), corpus, { recursive: true });
  else {
    for (const [file, text] of generateCorpus({ entries: n, seed: Number(values.seed) })) {
      mkdirSync(path.dirname(path.join(corpus, file)), { recursive: true });
      writeFileSync(path.join(corpus, file), text);
    }
  }

  const v = spawnSync(node, [path.join(root, 'scripts/validate.ts'), '--content', path.relative(root, corpus), '--strict'], { cwd: root, encoding: 'utf8' });
  const validationMs = Number(/validated in (\d+) ms/.exec(v.stderr)?.[1]);
  if (v.status !== 0) throw new Error(`the synthetic corpus does not validate:\n${v.stdout.slice(-2000)}`);
  console.error(`validated in ${validationMs} ms`);

  let first: BuildRun | undefined;
  const runs: number[] = [];
  for (let run = 0; run < Number(values.runs); run++) {
    rmSync(cache, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    const b = build(corpus, cache, out);
    runs.push(Math.round(b.seconds * 10) / 10);
    console.error(`full build ${b.seconds.toFixed(1)} s, ${b.peakMemoryMB} MB`);
    if (!first || b.seconds < first.seconds) first = b;
  }

  const files = filesUnder(out);
  const pages = files.filter((f) => f.endsWith('.html')).length;
  // Page size must not grow with the number of entries: the largest page, not a typical one, shows that.
  const largest = files
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({ path: '/' + path.relative(out, f).replace(/index\.html$/, ''), gzip: gzipSync(readFileSync(f)).length }))
    .reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const outputMB = Math.round(files.reduce((s, f) => s + statSync(f).size, 0) / 1024 / 102.4) / 10;

  // Change one entry: a sentence more in one myth's body.
  const changed = filesUnder(path.join(corpus, 'myths')).sort()[0];
  appendFileSync(changed, '\nOne more sentence, written after the first build.\n');
  const second = build(corpus, cache, out);
  // A fast second build is worth nothing if it shows the old page.
  const changedPage = readFileSync(path.join(out, 'myths', path.basename(changed, '.mdx'), 'index.html'), 'utf8');
  if (!changedPage.includes('One more sentence, written after the first build.')) throw new Error(`the second build did not update the page of ${changed}`);
  console.error(`build after changing ${path.relative(corpus, changed)}: ${second.seconds.toFixed(1)} s (${second.rendered} rendered, ${second.skipped} skipped)`);

  let visits: Record<string, Transfer> | undefined;
  let searches: SearchRun[] | undefined;
  if (values.browser && !values['no-browser']) {
    const port = 4500 + (n === 'real' ? 399 : n % 400);
    const server = spawn(node, [path.join(root, 'scripts/serve-dist.ts'), '--port', String(port), '--dir', out], { stdio: 'ignore' });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(`${base}/`);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const first = (folder: string) => readdirSync(path.join(out, folder), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'page').map((d) => d.name).sort()[0];
      const talk = first('talks');
      const moment = readdirSync(path.join(out, 'talks', talk, 'at')).sort()[1];
      const targets: Record<string, string> = {
        home: '/',
        'talk index': '/talks/',
        talk: `/talks/${talk}/`,
        moment: `/talks/${talk}/at/${moment}/`,
        myth: `/myths/${first('myths')}/`,
        pattern: `/patterns/${first('patterns')}/`,
        'maturity model': `/maturity/${first('maturity')}/`,
        'war story': `/war-stories/${first('war-stories')}/`,
        reference: `/references/${first('references')}/`,
        person: `/people/${first('people')}/`,
        topic: `/topics/${first('topics')}/`,
        'search page': '/search/',
      };
      visits = {};
      for (const [label, p] of Object.entries(targets)) {
        const context = await browser.newContext();
        visits[label] = await firstVisit(await context.newPage(), `${base}${p}`);
        await context.close();
      }
      const query = commonWord(corpus);
      const queries: Array<[string, boolean]> = [[query, false], [query, true], ...values.queries!.split(',').map((q): [string, boolean] => [q.trim(), false])];
      searches = [];
      for (const [q, searchPage] of queries) {
        const context = await browser.newContext();
        searches.push(await firstSearch(await context.newPage(), base, `/talks/${talk}/`, q, searchPage));
        await context.close();
      }
    } finally {
      await browser.close();
      server.kill();
    }
  }

  results.push({
    entries: n,
    machine: { cpus: os.availableParallelism(), node: process.version },
    validationMs,
    fullBuild: { ...first!, runs, pages, msPerPage: Math.round((first!.seconds * 1000 * 100) / pages) / 100, outputMB, largestPage: largest },
    secondBuild: { changed: path.relative(root, changed), ...second },
    firstVisitBytes: visits,
    firstSearch: searches,
  });
}

mkdirSync(path.dirname(path.resolve(root, values.out!)), { recursive: true });
writeFileSync(path.resolve(root, values.out!), JSON.stringify(results, null, 2) + '\n');

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const rows: string[][] = [['', ...results.map((r) => (r.entries === 'real' ? 'real content' : `${r.entries} entries`))]];
const get = (f: (r: any) => string) => results.map((r) => f(r));
rows.push(['validation', ...get((r) => `${r.validationMs} ms`)]);
rows.push(['full build (fastest clean run)', ...get((r) => `${r.fullBuild.seconds.toFixed(1)} s${r.fullBuild.runs.length > 1 ? ` (runs: ${r.fullBuild.runs.join(', ')} s)` : ''}`)]);
for (const phase of Object.keys((results[0] as any).fullBuild.phases)) rows.push([`  ${phase}`, ...get((r) => `${(r.fullBuild.phases[phase] / 1000).toFixed(1)} s`)]);
rows.push(['ms per page', ...get((r) => `${r.fullBuild.msPerPage}`)]);
rows.push(['peak memory (build process)', ...get((r) => `${r.fullBuild.peakMemoryMB} MB`)]);
rows.push(['pages', ...get((r) => `${r.fullBuild.pages}`)]);
rows.push(['output size', ...get((r) => `${r.fullBuild.outputMB} MB`)]);
rows.push(['largest page (HTML, gzip)', ...get((r) => `${kb(r.fullBuild.largestPage.gzip)} (${r.fullBuild.largestPage.path})`)]);
rows.push(['build after changing one entry', ...get((r) => `${r.secondBuild.seconds.toFixed(1)} s (${r.secondBuild.rendered} rendered, ${r.secondBuild.skipped} skipped)`)]);
if ((results[0] as any).firstVisitBytes) {
  for (const label of Object.keys((results[0] as any).firstVisitBytes)) {
    rows.push([`first visit: ${label} (HTML / CSS / JS)`, ...get((r) => { const t = r.firstVisitBytes[label]; return `${kb(t.html)} / ${kb(t.css)} / ${kb(t.js)}`; })]);
  }
  for (let i = 0; i < (results[0] as any).firstSearch.length; i++) {
    const run = (results[0] as any).firstSearch[i];
    rows.push([`first search, ${run.path.replace(/ on .*/, '')}${i > 1 ? ` ("${run.query}")` : ''}`, ...get((r) => `${r.firstSearch[i].kilobytes} KB in ${r.firstSearch[i].requests} requests, results in ${r.firstSearch[i].msToResults} ms${i > 1 ? '' : ` ("${r.firstSearch[i].query}")`}`)]);
  }
}
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
console.log(rows.map((r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`).join('\n').replace(/\n/, `\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n`));
console.error(`\nwrote ${values.out}`);
