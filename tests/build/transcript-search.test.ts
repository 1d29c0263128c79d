/**
 * A transcript from end to end, as a contributor and a reader meet it:
 * `npm run import` turns captions written for this test into a talk and its
 * .vtt in a fresh content folder, `npm run validate` passes it, the site
 * builds, and in Chromium a phrase said in the talk, searched for, lands on
 * the talk with a sub-result at the line's second, which opens that line of
 * the transcript (axe clean there).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from '@playwright/test';
import { buildAndServe, type ServedSite } from '../support/served-site.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = path.join(root, 'node_modules/.cache/kb-test/transcript-search');
const content = path.join(work, 'content');
const TALK = 'the-rollback-that-rolled-forward';
let site: ServedSite | undefined;
let browser: Browser;
let base: string;

/** Runs one of the project's npm scripts' entry points on the test's content folder. */
function script(name: string, args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', name), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_TEST_CONTEXT: undefined, KB_CONTENT_DIR: path.relative(root, content) } });
  return { status: r.status, out: r.stdout + r.stderr };
}

before(async () => {
  rmSync(work, { recursive: true, force: true });
  cpSync(path.join(root, 'tests/fixtures/import/_content'), content, { recursive: true });
  const imported = script('import.ts', [path.join(root, 'tests/fixtures/site/transcript/input.vtt'), '--title', 'The Rollback That Rolled Forward', '--url', 'https://www.youtube.com/watch?v=fixture0707', '--topics', 'monitoring']);
  assert.equal(imported.status, 0, imported.out);
  assert.ok(existsSync(path.join(content, `talks/${TALK}.vtt`)), imported.out);
  // As a contributor would, the takeaway is pointed at a moment, which gets a page.
  const mdx = path.join(content, `talks/${TALK}.mdx`);
  writeFileSync(mdx, readFileSync(mdx, 'utf8').replace(/^ {4}# at: TODO.*$/m, '    at: "1:09"'));
  const validated = script('validate.ts', []);
  assert.equal(validated.status, 0, validated.out);
  assert.match(validated.out, / 0 errors, /);
  site = await buildAndServe(content, work);
  ({ base, browser } = site);
});
after(async () => {
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

test('a phrase said in the talk finds the talk, with a sub-result at the second it is said, which opens that line', async () => {
  // axe needs a page of a context of its own.
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${base}/search/?q=${encodeURIComponent('oddly cheerful approvals')}`);
    // No entry says it, so what was said in the talks is searched at once.
    await page.locator('#said-status', { hasText: /talks? says?|No talk/ }).waitFor();
    assert.equal(await page.locator('#results > li').count(), 0, 'the site\'s own index holds no transcript');
    const result = page.locator('#said-results > li', { has: page.locator(`h3 a[href="/talks/${TALK}/"]`) });
    const sub = result.locator(`.sub-results a[href="/talks/${TALK}/#t-62"]`);
    await sub.waitFor();
    assert.equal((await sub.textContent())?.trim(), '01:02 Tomas Ferreira');
    assert.match((await sub.locator('xpath=following-sibling::p[1]').textContent()) ?? '', /oddly cheerful/);
    await sub.click();
    await page.waitForURL(`${base}/talks/${TALK}/#t-62`);
    // The transcript is collapsed until a link to one of its lines opens it.
    const line = page.locator('#t-62');
    assert.ok(await line.isVisible(), 'the line is shown');
    assert.match((await page.locator('li', { has: line }).textContent()) ?? '', /the approvals felt oddly cheerful/);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), []);
  } finally {
    await context.close();
  }
});

test("the talk's moment pages show the lines around their second, linking into the transcript", async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/talks/${TALK}/at/01-09/`);
    const lines = page.locator('section[aria-labelledby="said-here"] li');
    assert.deepEqual((await lines.locator('a').allTextContents()), ['00:11', '00:18', '01:02', '01:09', '01:15', '01:22']);
    await lines.nth(3).locator('a').click();
    await page.waitForURL(`${base}/talks/${TALK}/#t-69`);
    assert.ok(await page.locator('#t-69').isVisible(), 'the line is shown');
  } finally {
    await page.close();
  }
});

test('when entries hold every word, what was said is searched on request, and the address keeps the request', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/search/?q=rollback`);
    await page.locator('#search-status', { hasText: /\d+ results? for/ }).waitFor();
    const button = page.getByRole('button', { name: 'Search what was said in the talks' });
    await button.waitFor();
    assert.equal(await page.locator('#said-results > li').count(), 0, 'nothing is fetched until asked');
    await button.click();
    await page.locator('#said-status', { hasText: /1 talk says “rollback”/ }).waitFor();
    assert.ok(await page.locator(`#said-results .sub-results a[href="/talks/${TALK}/#t-69"]`).isVisible());
    assert.match(page.url(), /[?&]q=rollback&said=1$/);
    // Once what was said is merged into the page's Pagefind, the entries' results are still entries only:
    // "forward" is in the talk's title, so in its page and in its record of what was said.
    await page.locator('#search-q').fill('forward');
    await page.locator('#search-q').press('Enter');
    await page.locator('#said-status', { hasText: /1 talk says “forward”/ }).waitFor();
    assert.equal(await page.locator(`#results > li h2 a[href="/talks/${TALK}/"]`).count(), 1);
  } finally {
    await page.close();
  }
});
