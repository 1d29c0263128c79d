/**
 * A content folder built into a site of its own, served on a free port and
 * opened in Chromium: the set-up of the build tests that read a fixture site
 * as a reader does (search, transcripts).
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { astroBuild } from '../../tools/astro-build.ts';
import { CHROMIUM_ARGS, findChromium } from '../../tools/browser.ts';
import { serveDist } from '../../tools/serve-dist.ts';

export interface ServedSite {
  /** The site's address, without a trailing slash. */
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds `content` into `work`/dist (cache in `work`/cache), serves it and launches the browser. */
export async function buildAndServe(content: string, work: string): Promise<ServedSite> {
  const run = astroBuild({ contentDir: content, cacheDir: path.join(work, 'cache'), outDir: path.join(work, 'dist') });
  assert.equal(run.status, 0, run.log.slice(-3000));
  const server: Server = await serveDist({ dir: path.join(work, 'dist'), port: 0 });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    async close() {
      await browser.close();
      server.closeAllConnections();
      server.close();
    },
  };
}
