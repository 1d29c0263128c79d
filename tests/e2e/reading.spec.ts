/** What a reader does: follow links between entries, open a talk at a chapter, read on a phone or on paper. */
import { expect, test } from '@playwright/test';
import { pageOfEachType } from '../support/page-of-each-type.ts';

test('from home to a talk, to a myth that cites it, and back through "Referenced by"', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Talks' }).click();
  await expect(page).toHaveURL(/\/talks\/$/);
  await page.getByRole('link', { name: 'Principles of Good ML Systems Design' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Principles of Good ML Systems Design');

  const referencedBy = page.getByRole('region', { name: 'Referenced by' });
  await referencedBy.getByRole('link', { name: 'Deploying is hard' }).first().click();
  await expect(page).toHaveURL(/\/myths\/deploying-is-hard\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deploying is hard');

  // The myth says where it was stated; that moment leads back to the talk, which lists the myth.
  await page.locator('dl.facts').getByRole('link', { name: /Principles of Good ML Systems Design at 09:52/ }).click();
  await expect(page).toHaveURL(/\/talks\/principles-of-good-ml-systems-design\/at\/09-52\/$/);
  await page.getByRole('link', { name: 'Principles of Good ML Systems Design' }).first().click();
  await expect(page).toHaveURL(/\/talks\/principles-of-good-ml-systems-design\/$/);
  await expect(page.getByRole('region', { name: 'Referenced by' }).getByRole('link', { name: 'Deploying is hard' }).first()).toBeVisible();
});

test('a chapter has its own anchor and opens the recording at its second', async ({ page }) => {
  await page.goto('/talks/principles-of-good-ml-systems-design/');
  const chapter = page.locator('#at-09-52');
  await expect(chapter).toContainText('09:52');
  const item = page.locator('li', { has: chapter });
  await expect(item.getByRole('link', { name: /Play from 09:52/ })).toHaveAttribute('href', 'https://www.youtube.com/watch?v=q9dxu3hR7F0&t=592s');
  await expect(item.getByRole('link', { name: /Moment page/ })).toHaveAttribute('href', '/talks/principles-of-good-ml-systems-design/at/09-52/');
  await chapter.getByRole('link', { name: '09:52' }).click();
  await expect(page).toHaveURL(/#at-09-52$/);

  await page.goto('/talks/principles-of-good-ml-systems-design/at/09-52/');
  await expect(page.getByRole('link', { name: 'Play from 09:52' })).toHaveAttribute('href', /[?&]t=592s$/);
});

// One test a page type, as in console.spec.ts: all in one test outran its 30 s under load.
for (const [label, path] of pageOfEachType().filter(([l]) => l !== 'search')) {
  test(`the ${label} page carries one small inline script and loads no script files`, async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(path);
    const inline = await page.locator('script:not([type="application/ld+json"])').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src || e.textContent!.length));
    expect(inline.length, `${label}: scripts`).toBe(1);
    expect(inline[0], `${label}: the inline script is at most 1 KB`).toBeLessThanOrEqual(1024);
    expect(scripts, `${label}: script requests`).toEqual([]);
  });
}

test('the "Copy link" of a chapter copies its moment permalink, which opens that moment', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/talks/principles-of-good-ml-systems-design/');
  const item = page.locator('li', { has: page.locator('#at-09-52') });
  await item.getByRole('button', { name: /Copy link/ }).click();
  await expect(item.getByRole('button', { name: /Copied/ })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\/talks\/principles-of-good-ml-systems-design\/at\/09-52\/$/);
  await page.goto(new URL(copied).pathname);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^09:52 · Myth 1/);
  await expect(page.getByRole('link', { name: 'Play from 09:52' })).toHaveAttribute('href', /t=592s/);
});

test('pages fit a phone screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const [label, path] of pageOfEachType()) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${label} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});

test('printing leaves out navigation and spells out link targets', async ({ page }) => {
  await page.goto('/talks/principles-of-good-ml-systems-design/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.search-form')).toBeHidden();
  const after = await page.locator('main a[href^="https://www.youtube.com"]').first().evaluate((a) => getComputedStyle(a, '::after').content);
  expect(after).toContain('youtube.com');
});
