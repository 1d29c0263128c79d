/**
 * What Lighthouse's best-practices audit reads from the console: no page
 * type logs an error or a warning, throws, or requests a file that is not
 * there. The site icons are linked from every page and are what they claim.
 */
import { expect, test, type Page } from '@playwright/test';
import { pageOfEachType } from '../support/page-of-each-type.ts';

const NOT_FOUND = '/no-such-page/';

function watch(page: Page) {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    // The 404 page is served with status 404, as it must be; Chromium logs that about the document itself.
    if (/status of 404/.test(m.text()) && new URL(m.location().url).pathname === NOT_FOUND) return;
    problems.push(`${m.type()}: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && r.request().resourceType() !== 'document' && problems.push(`${r.status()}: ${r.url()}`));
  return problems;
}

// One test a page type: together, at 2 s a page under load, they outran one test's 30 s.
for (const [label, path] of [...pageOfEachType(), ['404', NOT_FOUND] as [string, string]]) {
  test(`the ${label} page logs no error or warning, and requests no missing file`, async ({ page }) => {
    const problems = watch(page);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    // The icons a browser fetches for its tab, as it would on its own.
    for (const icon of await page.locator('link[rel~="icon"], link[rel="apple-touch-icon"]').evaluateAll((ls) => ls.map((l) => (l as HTMLLinkElement).href))) {
      const r = await page.request.get(icon);
      if (!r.ok()) problems.push(`${r.status()}: ${icon}`);
    }
    expect(problems, `${label} (${path})`).toEqual([]);
  });
}

test('every page links the site icon as SVG, PNG and apple-touch icon, and each is the icon', async ({ page }) => {
  for (const [, path] of pageOfEachType()) {
    await page.goto(path);
    const links = await page.locator('head link[rel~="icon"], head link[rel="apple-touch-icon"]').evaluateAll((ls) => ls.map((l) => `${l.getAttribute('rel')} ${l.getAttribute('type') ?? ''} ${l.getAttribute('sizes') ?? ''}`.trim()));
    expect(links, path).toEqual(['icon image/svg+xml', 'icon image/png 32x32', 'apple-touch-icon']);
  }
  // Each file decodes at its size, and its middle is the icon's white mark on the brand blue background.
  const drawn = await page.evaluate(async () => {
    const probe = async (url: string, size: number) => {
      const img = new Image(size, size);
      img.src = url;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = size;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0, size, size);
      const at = (x: number, y: number) => Array.from(ctx.getImageData(Math.round(x * size), Math.round(y * size), 1, 1).data).join(',');
      return { natural: img.naturalWidth, background: at(0.5, 0.8), mark: at(0.5, 0.3) };
    };
    return {
      svg: await probe('/favicon.svg', 64),
      png: await probe('/favicon-32.png', 32),
      ico: await probe('/favicon.ico', 32),
      apple: await probe('/apple-touch-icon.png', 180),
    };
  });
  const blue = '10,86,194,255';
  const white = '255,255,255,255';
  expect(drawn).toEqual({
    svg: { natural: 32, background: blue, mark: white },
    png: { natural: 32, background: blue, mark: white },
    ico: { natural: 32, background: blue, mark: white },
    apple: { natural: 180, background: blue, mark: white },
  });
});
