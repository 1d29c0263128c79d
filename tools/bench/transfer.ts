/**
 * The browser half of the benchmark: serves a built site (../serve-dist.ts)
 * and, in Chromium with an empty cache each time, measures what a first
 * visit to each page type transfers (gzip, split into HTML, CSS and JS) and
 * what a first search fetches and how long it takes to show results: for the
 * corpus's most common long word (the worst case), from the header box and
 * from /search/, and for each of the given queries, since a query's bytes
 * depend on how many pages hold its words.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Page, type Response } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../browser.ts';
import { serveDist } from '../serve-dist.ts';
import { filesUnder } from './build.ts';

export interface Transfer {
  html: number;
  css: number;
  js: number;
  other: number;
}

export interface SearchRun {
  query: string;
  path: string;
  kilobytes: number;
  requests: number;
  /** Bytes by what was fetched (see searchFileKind), so a change in one part of the index shows. */
  bytesByKind: Record<string, number>;
  /** What the search showed: its results (all of them, not only those on screen). */
  results: number;
  msToResults: number;
}

/** What a file fetched by a search is, from its URL. */
export function searchFileKind(pathname: string): string {
  if (/\/pagefind\/said\//.test(pathname)) return 'index of what was said';
  if (/\/pagefind\/index\//.test(pathname)) return 'index chunks';
  if (/\/pagefind\/fragment\//.test(pathname)) return 'fragments';
  if (/\/pagefind\/filter\//.test(pathname)) return 'filters';
  if (/\/pagefind\/[^/]+\.pf_meta$/.test(pathname)) return 'metadata';
  if (/\/pagefind\/(pagefind\.js|wasm\.[^/]+)$/.test(pathname)) return 'Pagefind code';
  if (/\/pagefind\/pagefind-entry\.json$/.test(pathname)) return 'Pagefind code';
  if (/\/pagefind\/words\/[^/]+\.json$/.test(pathname)) return 'word lists';
  if (/\/pagefind\/[^/]+$/.test(pathname)) return 'site lists';
  if (/\/_astro\/[^/]+\.js$/.test(pathname)) return 'search module';
  return 'other';
}

/** Bytes on the wire (gzip) of a first visit, by kind. */
async function firstVisit(page: Page, url: string): Promise<Transfer> {
  const t: Transfer = { html: 0, css: 0, js: 0, other: 0 };
  const pending: Promise<void>[] = [];
  const onResponse = (res: Response) => {
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

/**
 * A first search from the header box of a content page, or from /search/, or
 * from /search/ asking for what was said in the talks too (`said`): bytes
 * fetched after the first keystroke, and time until results show.
 */
async function firstSearch(page: Page, base: string, from: string, query: string, searchPage: boolean, said = false): Promise<SearchRun> {
  let requests = 0;
  const bytesByKind: Record<string, number> = {};
  const pending: Promise<void>[] = [];
  let counting = false;
  page.on('response', (res) => {
    if (!counting) return;
    requests++;
    const kind = searchFileKind(new URL(res.url()).pathname);
    pending.push(res.request().sizes().then((s) => void (bytesByKind[kind] = (bytesByKind[kind] ?? 0) + s.responseBodySize + s.responseHeadersSize)));
  });
  let started: number;
  if (searchPage) {
    await page.goto(`${base}/search/${said ? '?said=1' : ''}`, { waitUntil: 'networkidle' });
    counting = true;
    started = Date.now();
    await page.evaluate((q) => {
      const input = document.getElementById('search-q') as HTMLInputElement;
      input.value = q;
      input.form!.requestSubmit();
    }, query);
    // The status names the count once the search has finished, whether or not it found anything.
    await page.locator('#search-status', { hasText: /\d+ results?\b|Nothing matches/ }).waitFor();
    if (said) await page.locator('#said-status', { hasText: /talks? says?|No talk/ }).waitFor();
  } else {
    await page.goto(`${base}${from}`, { waitUntil: 'networkidle' });
    counting = true;
    started = Date.now();
    await page.locator('#site-search').fill(query);
    // The panel opens once the search has finished, whether or not it found anything.
    await page.locator('#search-panel').waitFor();
  }
  const ms = Date.now() - started;
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  const status = said ? (await page.locator('#said-status').textContent())?.replace(/talks? says?/, 'results') : searchPage ? await page.locator('#search-status').textContent() : await page.locator('#search-panel .all-results').textContent();
  const bytes = Object.values(bytesByKind).reduce((a, b) => a + b, 0);
  return {
    query,
    path: said ? '/search/ with what was said' : searchPage ? '/search/' : `header box on ${from}`,
    kilobytes: Math.round(bytes / 102.4) / 10,
    requests,
    bytesByKind,
    results: Number(/(\d+) results?\b/.exec(status ?? '')?.[1] ?? 0),
    msToResults: ms,
  };
}

/** A word the corpus uses often, so the query finds many results, as a real one would. */
function commonWord(corpus: string): string {
  const counts = new Map<string, number>();
  for (const f of filesUnder(corpus).filter((f) => f.endsWith('.mdx')).slice(0, 400)) {
    for (const w of readFileSync(f, 'utf8').toLowerCase().match(/\b[a-z]{7,}\b/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

/** First visits to one page of each type in the built site `out`, then first searches; `corpus` is its content. */
export async function measureTransfer(out: string, corpus: string, queries: readonly string[]): Promise<{ visits: Record<string, Transfer>; searches: SearchRun[] }> {
  const server = await serveDist({ dir: out, port: 0 });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
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
    const visits: Record<string, Transfer> = {};
    for (const [label, p] of Object.entries(targets)) {
      const context = await browser.newContext();
      visits[label] = await firstVisit(await context.newPage(), `${base}${p}`);
      await context.close();
    }
    const query = commonWord(corpus);
    const runs: Array<[string, boolean]> = [[query, false], [query, true], ...queries.map((q): [string, boolean] => [q, false])];
    const searches: SearchRun[] = [];
    for (const [q, searchPage] of runs) {
      const context = await browser.newContext();
      searches.push(await firstSearch(await context.newPage(), base, `/talks/${talk}/`, q, searchPage));
      await context.close();
    }
    // With transcripts, what a search of what was said costs on top, for the first query.
    if (existsSync(path.join(out, 'pagefind/said')) && queries.length) {
      const context = await browser.newContext();
      searches.push(await firstSearch(await context.newPage(), base, '', queries[0], true, true));
      await context.close();
    }
    return { visits, searches };
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
}
