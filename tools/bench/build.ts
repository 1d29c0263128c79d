/**
 * The build half of the benchmark: a timed `astro build` of a corpus with
 * its phases read from the log and its peak memory from a probe preloaded
 * into the build process (./rss-probe.mjs), and what the output weighs.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { astroBuild, pageRuns } from '../astro-build.ts';

const root = path.resolve(import.meta.dirname, '../..');

export interface BuildRun {
  seconds: number;
  peakMemoryMB: number;
  phases: Record<string, number>;
  rendered: number;
  /** Pages Astro did not render: left in place from the last build, or copied back from its cache. */
  skipped: number;
}

/** Runs a build of `corpus` and reads its phases from the log. */
export function timedBuild(corpus: string, cache: string, out: string): BuildRun {
  const rssFile = path.join(root, '.bench', 'rss.txt');
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const r = astroBuild({ contentDir: corpus, cacheDir: cache, outDir: out, nodeArgs: ['--import', path.join(import.meta.dirname, 'rss-probe.mjs')], env: { BENCH_RSS_FILE: rssFile } });
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
      'moment pages (filled and written, beside the search index)': ms(/\[kb-finish-build\] \d+ moment pages .* in (\d+) (ms)/),
      'link check': ms(/\[kb-finish-build\] \d+ links .* in (\d+) (ms)/),
      'search index (beside the moment pages and the link check)': ms(/\[kb-finish-build\] indexed \d+ pages in (\d+) (ms)/),
      'index of what was said (after the search index)': ms(/\[kb-finish-build\] indexed \d+ transcripts in (\d+) (ms)/),
    },
    rendered: [...runs.values()].filter((r) => r === 'rendered').length,
    skipped: [...runs.values()].filter((r) => r === 'skipped').length,
  };
}

export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

export interface OutputSize {
  pages: number;
  outputMB: number;
  /** Page size must not grow with the number of entries: the largest page, not a typical one, shows that. */
  largestPage: { path: string; gzip: number };
  /** HTML gzip bytes, median and largest, of talk pages with and without a transcript and of moment pages. */
  pageBytes: Record<'talk with transcript' | 'talk without transcript' | 'moment', { pages: number; median: number; largest: number }>;
}

function spread(sizes: number[]): { pages: number; median: number; largest: number } {
  const sorted = [...sizes].sort((a, b) => a - b);
  return { pages: sorted.length, median: sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : 0, largest: sorted.at(-1) ?? 0 };
}

export function outputSize(out: string): OutputSize {
  const files = filesUnder(out);
  const html = files.filter((f) => f.endsWith('.html'));
  const largestPage = html
    .map((f) => ({ path: '/' + path.relative(out, f).replace(/index\.html$/, ''), gzip: gzipSync(readFileSync(f)).length }))
    .reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const outputMB = Math.round(files.reduce((s, f) => s + statSync(f).size, 0) / 1024 / 102.4) / 10;
  const talks = { with: [] as number[], without: [] as number[], moment: [] as number[] };
  for (const f of html) {
    const rel = path.relative(out, f).split(path.sep);
    if (rel[0] !== 'talks' || rel.length < 3 || rel[1] === 'page') continue;
    const text = readFileSync(f);
    // Redirect pages of renamed talks are not talk pages.
    if (text.includes('http-equiv="refresh"')) continue;
    if (rel.length === 3) (text.includes('aria-labelledby="transcript"') ? talks.with : talks.without).push(gzipSync(text).length);
    else if (rel[2] === 'at') talks.moment.push(gzipSync(text).length);
  }
  const pageBytes = { 'talk with transcript': spread(talks.with), 'talk without transcript': spread(talks.without), moment: spread(talks.moment) };
  return { pages: html.length, outputMB, largestPage, pageBytes };
}
