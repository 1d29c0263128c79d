/**
 * Search over a small built site whose entries were written for it
 * (tests/fixtures/site/search/ on the validator's base corpus), so each
 * ranking rule has a case that does not move when the real content does:
 * questions, widening to entries holding most words, typos, words half
 * typed, and aliases at low weight. Built once, searched in Chromium through
 * the search page, as a reader would.
 */
import assert from 'node:assert/strict';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from '@playwright/test';
import { buildAndServe, type ServedSite } from '../support/served-site.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = path.join(root, 'node_modules/.cache/kb-test/search-fixture');
let site: ServedSite | undefined;
let browser: Browser;
let base: string;

before(async () => {
  rmSync(work, { recursive: true, force: true });
  cpSync(path.join(root, 'tests/fixtures/validator/_base/content'), path.join(work, 'content'), { recursive: true });
  cpSync(path.join(root, 'tests/fixtures/site/search/content'), path.join(work, 'content'), { recursive: true });
  site = await buildAndServe(path.join(work, 'content'), work);
  ({ base, browser } = site);
});
after(async () => {
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

/** What the search page shows for a query: the result URLs in order, and the notice above them. */
async function search(query: string): Promise<{ urls: string[]; notice: string }> {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
    await page.locator('#search-status', { hasText: /\d+ results? for|Nothing matches/ }).waitFor();
    const urls = await page.locator('#results > li h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const notice = (await page.locator('#search-notice').isVisible()) ? ((await page.locator('#search-notice').textContent()) ?? '') : '';
    return { urls, notice };
  } finally {
    await page.close();
  }
}

const talk = '/talks/keeping-models-fresh/';
const topic = '/topics/retraining/';
const myth = '/myths/models-never-decay/';
const story = '/war-stories/calendar-training/';
const person = '/people/priya-okafor/';

const CASES: Array<{ query: string; why: string; first?: string[]; only?: string[]; holds?: string[]; notice: string }> = [
  {
    query: 'when should I retrain a model',
    why: 'a question: its content words, and the entries holding both in titles and chapter titles first',
    first: [topic, talk, myth],
    notice: 'Showing results for “retrain model”, and for entries holding most of these words.',
  },
  {
    query: 'decay nightly compute',
    why: 'no entry holds all three: the one holding two comes; one holding a single word, even in its title, does not',
    only: [story],
    notice: 'Showing results for “decay nightly compute”, and for entries holding most of these words.',
  },
  {
    query: 'decay budget',
    why: 'of two words, one is most: each entry holds one, and the title match ranks first',
    only: [myth, story],
    notice: 'Showing results for “decay budget”, and for entries holding most of these words.',
  },
  {
    query: 'who is priya okafor',
    why: 'few entries, all holding every word: nothing to widen',
    first: [person],
    notice: 'Showing results for “priya okafor”.',
  },
  { query: 'okafr', why: 'a typo of a name: its results at once', first: [person], notice: 'Did you mean: Okafor? Showing its results.' },
  { query: 'calend', why: 'a word half typed matches the words it begins', only: [talk], notice: '' },
  {
    query: 'continual learning',
    why: "a topic's alias: the topic first, and entries tagged with it, which hold the alias only at low weight, after",
    first: [topic],
    holds: [story],
    notice: '',
  },
  { query: 'what is the fixture jargon', why: 'an alias asked as a question', first: ['/topics/fixture-topic/'], notice: 'Showing results for “fixture jargon”.' },
  { query: 'xqzvw', why: 'nothing near: no suggestion', only: [], notice: '' },
];

for (const c of CASES) {
  test(`"${c.query}": ${c.why}`, async () => {
    const { urls, notice } = await search(c.query);
    if (c.first) assert.deepEqual(urls.slice(0, c.first.length), c.first, urls.join(' '));
    if (c.only) assert.deepEqual(urls, c.only);
    for (const url of c.holds ?? []) assert.ok(urls.includes(url), `${url} in ${urls.join(' ')}`);
    assert.equal(notice, c.notice);
  });
}
