/**
 * Runs `astro build` on a content folder in a child process and reads its log.
 * Shared by the build tests and the benchmark, which both build corpora other
 * than content/ and read what Astro printed.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');

export interface AstroBuildOptions {
  /** The content folder to build instead of content/. */
  contentDir: string;
  /** Astro's cacheDir and the site's own caches. */
  cacheDir: string;
  outDir: string;
  /** Flags for the child node, before astro's own (the benchmark's memory probe). */
  nodeArgs?: string[];
  env?: Record<string, string>;
}

export interface AstroBuildRun {
  status: number | null;
  /** stdout then stderr, without colour codes: Astro colours its log when the terminal or CI asks for it. */
  log: string;
}

export function astroBuild(opts: AstroBuildOptions): AstroBuildRun {
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), astro, 'build', '--outDir', opts.outDir], {
    cwd: root,
    encoding: 'utf8',
    // NODE_TEST_CONTEXT would make the child node report to the parent's test runner instead of printing.
    env: { ...process.env, NODE_TEST_CONTEXT: undefined, KB_CONTENT_DIR: path.relative(root, opts.contentDir), KB_CACHE_DIR: opts.cacheDir, ...opts.env },
    maxBuffer: 1024 * 1024 * 1024,
  });
  return { status: r.status, log: stripVTControlCharacters(r.stdout + r.stderr) };
}

/**
 * What Astro did with each page it routed, from its "generating static
 * routes" lines: rendered it ("(+12ms)"), or left it from the last build
 * ("(cached)") or copied it back from its cache ("(restored)").
 */
export function pageRuns(log: string): Map<string, 'rendered' | 'skipped'> {
  const out = new Map<string, 'rendered' | 'skipped'>();
  for (const m of stripVTControlCharacters(log).matchAll(/(\/\S*)\s+\((?:\+\d+ms|(cached|restored))\)/g)) {
    out.set(m[1], m[2] ? 'skipped' : 'rendered');
  }
  return out;
}
