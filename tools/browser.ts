/**
 * Finds a Chromium to drive: Playwright's own download if there is one,
 * else a system browser. CI installs Debian's chromium (.ci/run); on a
 * laptop, `npx playwright install chromium` or any Chrome works.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  let own: string | undefined;
  try {
    own = chromium.executablePath();
  } catch {
    own = undefined;
  }
  if (own && existsSync(own)) return undefined; // Playwright launches its own by default
  const found = SYSTEM.find((p) => p && existsSync(p));
  if (!found) {
    throw new Error('No Chromium found for the browser tests. Install one: `npx playwright install chromium`, or on Debian/Ubuntu `apt-get install chromium`, or set CHROMIUM_PATH.');
  }
  return found;
}

/** Flags that keep Chromium from calling home; this network is closed. */
export const CHROMIUM_ARGS = ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];
