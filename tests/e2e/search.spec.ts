/** Search on the real content: ranking, questions and typos, sub-results at talk moments, facets, shareable URLs, keyboard. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { dist, readFragments } from '../support/built-site.ts';

const results = (page: Page) => page.locator('#results > li');

async function searchPage(page: Page, query: string) {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator('#search-status')).toContainText('result');
}

test('"feature store" puts the Feature Store pattern first', async ({ page }) => {
  await searchPage(page, 'feature store');
  const first = results(page).first();
  await expect(first.locator('h2')).toHaveText('Feature Store');
  await expect(first.locator('.badge')).toHaveText('Pattern');
});

test('a question is searched by its content words, and the results say so', async ({ page }) => {
  await searchPage(page, 'what is a feature store');
  await expect(results(page).first().locator('h2')).toHaveText('Feature Store');
  await expect(page.locator('#search-notice')).toHaveText('Showing results for “feature store”.');
  await expect(page.locator('#search-status')).toHaveText(/^\d+ results for “feature store”\.$/);
  await expect(page).toHaveURL(/\?q=what\+is\+a\+feature\+store$/);
});

test('when few entries hold every word, entries holding most of them follow, and the facets count them all', async ({ page }) => {
  await searchPage(page, 'who owns the cloud bill');
  await expect(page.locator('#search-notice')).toHaveText('Showing results for “owns cloud bill”, and for entries holding most of these words.');
  await expect(results(page).first().locator('h2')).toHaveText('Who owns the cloud bill when anyone can spin up resources');
  const total = Number((await page.locator('#search-status').textContent())!.match(/(\d+) result/)![1]);
  const byType = (await page.locator('#facets fieldset[data-facet="type"] .facet:not([hidden]) .note').allTextContents()).map((t) => Number(t.replace(/\D/g, '')));
  expect(byType.reduce((a, b) => a + b, 0)).toBe(total);
});

test('a typo with one clear correction shows its results at once; the suggestion becomes the query when followed', async ({ page }) => {
  await searchPage(page, 'sculey');
  await expect(page.locator('#search-notice')).toHaveText('Did you mean: Sculley? Showing its results.');
  await expect(results(page).first().locator('h2')).toHaveText('D. Sculley');
  await page.locator('#search-notice').getByRole('link', { name: 'Sculley' }).click();
  await expect(page.getByLabel('Search for')).toHaveValue('Sculley');
  await expect(page).toHaveURL(/\?q=Sculley$/);
  await expect(page.locator('#search-notice')).toBeHidden();
  await expect(results(page).first().locator('h2')).toHaveText('D. Sculley');
});

test('a typo with no clear correction offers the candidates and searches the other words', async ({ page }) => {
  await searchPage(page, 'cloud cots');
  await expect(page.locator('#search-notice')).toHaveText('Did you mean: cloud cost or cloud costs? Showing results for “cloud”.');
  await page.locator('#search-notice').getByRole('link', { name: 'cloud costs' }).click();
  await expect(page).toHaveURL(/\?q=cloud\+costs$/);
  await expect(results(page).first().locator('h2')).toHaveText('Cloud costs');
});

test('the word list loads only for a word that is not a word of the site, and only its first letter\'s part', async ({ page }) => {
  const lists: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/pagefind/words/')) lists.push(new URL(r.url()).pathname);
  });
  await searchPage(page, 'what is a feature store');
  expect(lists).toEqual([]);
  await page.getByLabel('Search for').fill('sculey');
  await expect(page.locator('#search-notice')).toContainText('Did you mean: Sculley?');
  expect(lists).toEqual(['/pagefind/words/s.json']);
});

test('the header box answers questions and typos as the search page does', async ({ page }) => {
  for (const query of ['what did chip huyen say about deployment', 'kubernetis']) {
    await searchPage(page, query);
    const expected = (await results(page).locator('h2').allTextContents()).slice(0, 3);
    const notice = await page.locator('#search-notice').textContent();
    await page.goto('/myths/deploying-is-hard/');
    await page.getByRole('searchbox', { name: 'Search the knowledge base' }).fill(query);
    const panel = page.getByRole('region', { name: 'Search results' });
    // The panel shows its notice and results together, once the search has finished.
    await expect(panel.locator('.search-notice')).toHaveText(notice!);
    expect((await panel.locator('h3').allTextContents()).slice(0, 3)).toEqual(expected);
  }
});

test('in the header box, a suggestion is a link the arrow keys reach and Enter follows', async ({ page }) => {
  await page.goto('/myths/deploying-is-hard/');
  const box = page.getByRole('searchbox', { name: 'Search the knowledge base' });
  await box.fill('cloud cots');
  const panel = page.getByRole('region', { name: 'Search results' });
  await expect(panel.locator('.search-notice')).toHaveText('Did you mean: cloud cost or cloud costs? Showing results for “cloud”.');
  await expect(page.getByRole('status')).toHaveText(/^Did you mean: cloud cost or cloud costs\? Showing results for “cloud”\. \d+ results$/);
  await box.press('ArrowDown');
  await expect(panel.getByRole('link', { name: 'cloud cost', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue('cloud costs');
  await expect(box).toBeFocused();
  await expect(panel.locator('.search-notice')).toHaveCount(0);
});

test('"deploying is hard" finds the first production myth', async ({ page }) => {
  await searchPage(page, 'deploying is hard');
  const first = results(page).first();
  await expect(first.locator('h2')).toHaveText('Deploying is hard');
  await expect(first.locator('.badge')).toHaveText('Myth');
});

test('"test score" finds the Sculley talk, and its ML Test Score chapter opens at that moment', async ({ page }) => {
  await searchPage(page, 'test score');
  const talk = results(page).filter({ has: page.getByRole('link', { name: 'The Godfather of MLOps', exact: true }) });
  await expect(talk).toHaveCount(1);
  const chapter = talk.locator('.sub-results a', { hasText: '07:57' });
  await expect(chapter).toHaveText(/07:57 .*Test Score/);
  await chapter.click();
  await expect(page).toHaveURL(/\/talks\/godfather-of-mlops\/#at-07-57$/);
  await expect(page.locator('#at-07-57')).toBeInViewport();
});

test('an alias finds the entries of its topic', async ({ page }) => {
  await searchPage(page, 'CT');
  await expect(results(page).first().locator('h2')).toHaveText('Continuous training');
  expect(await results(page).count()).toBeGreaterThan(1);
});

test('a filter narrows the results and is kept in the URL', async ({ page }) => {
  await searchPage(page, 'model');
  const before = await results(page).count();
  const allBefore = Number((await page.locator('#search-status').textContent())!.match(/(\d+) result/)![1]);
  await page.locator('#facets').getByRole('checkbox', { name: /^Myth/ }).check();
  await expect(page).toHaveURL(/[?&]type=Myth/);
  // Wait for the filtered count, not the "Searching…" in between.
  const status = page.locator('#search-status');
  await expect(status).not.toHaveText(`${allBefore} results for “model”.`);
  await expect(status).toHaveText(/^\d+ results? for “model”\.$/);
  const after = Number((await status.textContent())!.match(/(\d+) result/)![1]);
  expect(after).toBeLessThan(allBefore);
  expect(before).toBeGreaterThan(0);
  for (const badge of await results(page).locator('.badge').allTextContents()) expect(badge).toBe('Myth');
});

test('?q= and filters round-trip through the URL', async ({ page }) => {
  await page.goto('/search/?q=feature+store&type=Pattern&sort=date');
  await expect(page.getByLabel('Search for')).toHaveValue('feature store');
  await expect(page.getByLabel('Order')).toHaveValue('date');
  await expect(page.locator('#facets').getByRole('checkbox', { name: /^Pattern/ })).toBeChecked();
  await expect(results(page).first().locator('.badge')).toHaveText('Pattern');
  await page.getByLabel('Search for').fill('cascade');
  await expect(page).toHaveURL(/\?q=cascade&type=Pattern&sort=date$/);
  await page.reload();
  await expect(page.getByLabel('Search for')).toHaveValue('cascade');
  await expect(results(page).first().locator('h2')).toHaveText('Cascade');
});

test('keyboard: / focuses the header box, results follow the arrow keys, Enter opens one', async ({ page }) => {
  await page.goto('/myths/deploying-is-hard/');
  await page.keyboard.press('/');
  const box = page.getByRole('searchbox', { name: 'Search the knowledge base' });
  await expect(box).toBeFocused();
  await page.keyboard.type('feature store');
  const panel = page.getByRole('region', { name: 'Search results' });
  await expect(panel.locator('h3').first()).toHaveText('Feature Store');
  await expect(panel).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(panel.getByRole('link', { name: 'Feature Store', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(box).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/patterns\/feature-store\/$/);

  await page.keyboard.press('Control+k');
  await expect(box).toBeFocused();
  await page.keyboard.type('cascade');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=cascade$/);
  await expect(results(page).first().locator('h2')).toHaveText('Cascade');
});

/**
 * Results for "cascade", then "feature store" typed and the arrow pressed at once: the reader
 * goes down into the results still shown while the new search waits for a pause in typing.
 */
async function downIntoStaleResults(page: Page) {
  await page.goto('/myths/deploying-is-hard/');
  const box = page.getByRole('searchbox', { name: 'Search the knowledge base' });
  const panel = page.getByRole('region', { name: 'Search results' });
  await box.fill('cascade');
  await expect(panel.locator('h3').first()).toHaveText('Cascade');
  await box.fill('feature store');
  await page.keyboard.press('ArrowDown');
  return { box, panel };
}

test('Escape while a search is still waiting or running keeps the panel closed', async ({ page }) => {
  const { box, panel } = await downIntoStaleResults(page);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  // Long enough for a search left waiting to run and fetch its index chunks.
  await page.waitForTimeout(1000);
  await page.waitForLoadState('networkidle');
  await expect(panel).toBeHidden();
  await expect(box).toBeFocused();
});

test('results that arrive while the reader is in the panel keep the focus there', async ({ page }) => {
  const { panel } = await downIntoStaleResults(page);
  await expect(panel.locator('h3').first()).toHaveText('Feature Store');
  await expect(panel.getByRole('link', { name: 'Feature Store', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/patterns\/feature-store\/$/);
});

test('a page that is only read loads no search code; typing loads it', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/talks/godfather-of-mlops/');
  await page.waitForLoadState('networkidle');
  expect(requested.filter((p) => p.endsWith('.js') || p.includes('pagefind'))).toEqual([]);
  await page.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('drift');
  await expect(page.getByRole('region', { name: 'Search results' })).toBeVisible();
  expect(requested.some((p) => p.includes('/pagefind/pagefind.js'))).toBe(true);
});

for (const query of ['monitoring', 'cloud cots']) {
  test(`the search page with results, facets and any notice ("${query}") has no WCAG 2.2 AA violations`, async ({ page }) => {
    await searchPage(page, query);
    const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
    expect(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}

test('the header panel with a suggestion has no WCAG 2.2 AA violations', async ({ page }) => {
  await page.goto('/myths/deploying-is-hard/');
  await page.getByRole('searchbox', { name: 'Search the knowledge base' }).fill('sculey');
  await expect(page.getByRole('region', { name: 'Search results' }).locator('.search-notice')).toContainText('Did you mean');
  const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
  expect(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
});

test('without JavaScript the search page explains and links every section', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/search/?q=feature+store');
  await expect(page.getByText('Searching needs JavaScript')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Patterns' }).last()).toHaveAttribute('href', '/patterns/');
  await context.close();
});

test('"Newest first" orders results by the order file, loaded only then', async ({ page }) => {
  const order = new Map((await readFragments()).map((f) => [f.url, f.id]));
  // Served reversed, so the expected order differs from relevance even where dates are equal.
  const reversed = (JSON.parse(readFileSync(path.join(dist, 'pagefind/newest.json'), 'utf8')) as string[]).reverse();
  let fetched = 0;
  await page.route('**/pagefind/newest.json', (route) => {
    fetched++;
    return route.fulfill({ json: reversed });
  });
  await searchPage(page, 'model');
  expect(fetched).toBe(0);
  await page.getByLabel('Order').selectOption('date');
  await expect(page).toHaveURL(/sort=date/);
  await expect(page.locator('#search-status')).toContainText('result');
  const urls = await results(page).locator('h2 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(urls.length).toBeGreaterThan(3);
  const rank = (url: string) => reversed.indexOf(order.get(url)!);
  expect(urls.map(rank)).toEqual(urls.map(rank).sort((a, b) => a - b));
  expect(fetched).toBe(1);
});
