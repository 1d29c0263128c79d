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
