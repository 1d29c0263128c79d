/**
 * Byte budgets of the built site: deterministic, so they are tests (times are
 * only reported, by npm run bench). Sizes are gzip, as a static host serves them.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { dist, distFile } from '../support/built-site.ts';

const BUDGET = {
  /** All the JavaScript a page that is only read may carry (the inline bootstrap). */
  readJs: 1024,
  /** The site's one stylesheet. */
  css: 4 * 1024,
  /** A talk page's first visit: its HTML and the stylesheet. */
  talkFirstVisit: 25 * 1024,
  /** Any other page's HTML. */
  pageHtml: 20 * 1024,
  /** The search module and its logic module together, loaded only when someone searches. */
  searchModule: 8 * 1024,
} as const;

const gz = (file: string) => gzipSync(readFileSync(file)).length;

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) {
      if (item.name !== 'pagefind' && item.name !== 'cards' && item.name !== '_astro') out.push(...htmlFiles(full));
    } else if (item.name.endsWith('.html')) out.push(full);
  }
  return out;
}

const pages = htmlFiles(dist);
const stylesheets = (html: string) => [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);

test('every page links one stylesheet, within budget', () => {
  const sheets = new Set(pages.flatMap((p) => stylesheets(readFileSync(p, 'utf8'))));
  assert.equal(sheets.size, 1, [...sheets].join(', '));
  const [sheet] = sheets;
  assert.ok(gz(distFile(sheet)) <= BUDGET.css, `${sheet}: ${gz(distFile(sheet))} bytes gzip`);
});

test('a page that is only read carries at most 1 KB of JavaScript, all of it inline', () => {
  for (const p of pages.filter((f) => !f.endsWith('/search/index.html'))) {
    const html = readFileSync(p, 'utf8');
    const scripts = [...html.matchAll(/<script(?![^>]*application\/ld\+json)([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.ok(scripts.every((s) => !/\ssrc=/.test(s[1])), `${path.relative(dist, p)} loads a script file`);
    const bytes = scripts.reduce((n, s) => n + Buffer.byteLength(s[2]), 0);
    assert.ok(bytes <= BUDGET.readJs, `${path.relative(dist, p)}: ${bytes} bytes of JavaScript`);
  }
});

test("a talk page's first visit (HTML and CSS) stays within 25 KB gzip, and other pages' HTML within 20 KB", () => {
  const css = gz(distFile(stylesheets(readFileSync(path.join(dist, 'index.html'), 'utf8'))[0]));
  for (const p of pages) {
    const rel = path.relative(dist, p);
    const isTalk = /^talks\/[^/]+\/index\.html$/.test(rel);
    const html = gz(p);
    if (isTalk) assert.ok(html + css <= BUDGET.talkFirstVisit, `${rel}: ${html} + ${css} bytes`);
    else assert.ok(html <= BUDGET.pageHtml, `${rel}: ${html} bytes`);
  }
});

test('the search module and its logic are small, and only the search page loads the module directly', () => {
  const search = readFileSync(path.join(dist, 'search/index.html'), 'utf8');
  const src = /<script type="module" src="([^"]+)"/.exec(search)?.[1];
  const logic = /data-search-logic="([^"]+)"/.exec(search)?.[1];
  assert.ok(src, 'the search page loads the search module');
  assert.ok(logic, 'the header form names the logic module');
  const bytes = gz(distFile(src)) + gz(distFile(logic));
  assert.ok(bytes <= BUDGET.searchModule, `${src} and ${logic}: ${bytes} bytes gzip`);
});
