/**
 * Settings: the site's name, and what the environment may change (the
 * public address, the repository edit links open, the content root), read
 * in one place. The content root is configurable so benchmarks and tests
 * can build other corpora without touching content/.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The site's name, on every page, card and feed. */
export const SITE_NAME = 'MLOps Community Knowledge Base';

/**
 * The site's public address: one setting, `SITE_URL`, from which Astro's
 * `site` and `base` (for a project site under a path) both come.
 */
export interface SiteAddress {
  /** Origin and path, with a trailing slash: `https://example.org/kb/`. */
  url: string;
  /** Origin only, as Astro's `site` wants it. */
  origin: string;
  /** Path prefix with leading and trailing slash: `/` or `/kb/`. */
  base: string;
}

export function siteAddress(env: NodeJS.ProcessEnv = process.env): SiteAddress {
  const raw = env.SITE_URL || 'http://localhost:4321/';
  const u = new URL(raw);
  const base = u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`;
  return { url: `${u.origin}${base}`, origin: u.origin, base };
}

/** Prefixes a site path (`/talks/x/`) with the base path. */
export function withBase(base: string, path: string): string {
  return base === '/' ? path : `${base.replace(/\/$/, '')}${path}`;
}

/**
 * The repository that "Edit this page" links point into: `REPO_URL`, else the
 * git remote `origin` (as https), else package.json's `repository`. A CI
 * deploy sets REPO_URL from the workflow's own repository.
 */
let cachedRepository: { key: string; url: string | undefined } | undefined;

export function repositoryUrl(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): string | undefined {
  // Pages call this once each; asking git once per build is enough.
  const key = `${env.REPO_URL ?? ''}\n${root}`;
  if (cachedRepository?.key !== key) cachedRepository = { key, url: findRepositoryUrl(env, root) };
  return cachedRepository.url;
}

function findRepositoryUrl(env: NodeJS.ProcessEnv, root: string): string | undefined {
  if (env.REPO_URL) return env.REPO_URL.replace(/\.git$/, '').replace(/\/$/, '');
  try {
    const origin = execFileSync('git', ['remote', 'get-url', 'origin'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const ssh = /^git@([^:]+):(.+?)(\.git)?$/.exec(origin);
    if (ssh) return `https://${ssh[1]}/${ssh[2]}`;
    if (/^https?:\/\//.test(origin)) return origin.replace(/\.git$/, '').replace(/^(https?:\/\/)[^@/]+@/, '$1');
  } catch {
    // no git, or no origin: fall through
  }
  try {
    const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
    const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    return url ? String(url).replace(/^git\+/, '').replace(/\.git$/, '') : undefined;
  } catch {
    return undefined;
  }
}

/** Branch that edit links open: `REPO_BRANCH`, else main. */
export const repositoryBranch = (env: NodeJS.ProcessEnv = process.env) => env.REPO_BRANCH || 'main';

/** Content directory: `KB_CONTENT_DIR`, or `content`. Relative paths are from the project root. */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.KB_CONTENT_DIR || 'content';
}

