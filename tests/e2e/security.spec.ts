/** The Content-Security-Policy holds on every page type, search works under it, and nothing is loaded from elsewhere. */
import { expect, test, type Page } from '@playwright/test';
import { pageOfEachType } from '../support/page-of-each-type.ts';

async function watch(page: Page) {
  const violations: string[] = [];
  const foreign: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      ((window as unknown as { __csp: string[] }).__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  page.on('request', (r) => !r.url().startsWith('http://127.0.0.1') && !r.url().startsWith('data:') && foreign.push(r.url()));
  return async () => {
    const seen = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    return { violations: [...violations, ...seen], foreign };
  };
}

// One test a page type, as in console.spec.ts: all in one test outran its 30 s under load.
for (const [label, path] of pageOfEachType()) {
  test(`the ${label} page: no CSP violation, no request to another host`, async ({ page }) => {
    const report = await watch(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await report(), `${label} (${path})`).toEqual({ violations: [], foreign: [] });
  });
}

test('search and copy-link work under the policy', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const report = await watch(page);
  await page.goto('/search/?q=feature+store');
  await expect(page.locator('#results > li').first()).toBeVisible();
  await page.goto('/talks/principles-of-good-ml-systems-design/');
  await page.keyboard.press('/');
  await page.keyboard.type('drift');
  await expect(page.getByRole('region', { name: 'Search results' }).locator('h3').first()).toBeVisible();
  await page.locator('li', { has: page.locator('#at-09-52') }).getByRole('button', { name: /Copy link/ }).click();
  expect(await report()).toEqual({ violations: [], foreign: [] });
});

test('the policy has no unsafe-eval and no unsafe-inline, in the meta tag and in the header', async ({ page }) => {
  const response = await page.goto('/myths/deploying-is-hard/');
  const header = response!.headers()['content-security-policy'];
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const policy of [header, meta]) {
    expect(policy).toBeTruthy();
    expect(policy).not.toContain("'unsafe-eval'");
    expect(policy).not.toContain("'unsafe-inline'");
    expect(policy).toContain("default-src 'self'");
  }
  expect(header).toBe(`${meta}; frame-ancestors 'none'`);
});

test('the referrer policy is in the page itself, for hosts that send no header (GitHub Pages), and matches the header', async ({ page }) => {
  const response = await page.goto('/talks/');
  const meta = await page.locator('meta[name="referrer"]').getAttribute('content');
  expect(meta).toBe('strict-origin-when-cross-origin');
  expect(response!.headers()['referrer-policy']).toBe(meta);
});

test('a script smuggled into a page would be blocked', async ({ page }) => {
  const report = await watch(page);
  await page.goto('/');
  // What an injected inline script would meet: the policy blocks it and reports a violation.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.append(s);
  });
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
  expect((await report()).violations.length).toBeGreaterThan(0);
});
