/**
 * Link integrity of the built site: every internal link and #anchor in the
 * output must resolve, directory URLs must end with a slash (the site's
 * trailing-slash policy), and external links are collected, never fetched.
 * Pure: it reads scanned pages and a list of files, so tests can feed it a
 * fixture site and the build feeds it dist/.
 */

export interface LinkProblem {
  /** Site path of the page the link is on. */
  page: string;
  href: string;
  message: string;
}

export interface LinkReport {
  problems: LinkProblem[];
  /** External URLs and the pages they appear on. */
  external: Map<string, string[]>;
  checked: number;
}

// Astro writes attributes double-quoted and escaped, so a scanner reads its
// output exactly and is many times faster than a DOM parser over thousands of pages.
const LINK_ATTR = /<(a|link|img|script|form|source|iframe|area)\b[^>]*?\s(href|src|action)="([^"]*)"/g;
const META_URL = /<meta\s[^>]*?(?:property|name)="(og:url|og:image|twitter:image)"[^>]*?\scontent="([^"]*)"/g;
const ID_ATTR = /\sid="([^"]*)"/g;

function decode(attr: string): string {
  return attr.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e as string] ?? m);
}

/** Anchor ids of a page. */
export function pageIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(ID_ATTR)) ids.add(decode(m[1]));
  return ids;
}

/** Every URL a page links to or loads. */
export function pageLinks(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(LINK_ATTR)) out.push(decode(m[3]));
  for (const m of html.matchAll(META_URL)) out.push(decode(m[2]));
  return out;
}

/** What the checker needs of a page; the HTML itself can be dropped once read. */
export interface PageScan {
  ids: Set<string>;
  links: string[];
}

export const scanPage = (html: string): PageScan => ({ ids: pageIds(html), links: pageLinks(html) });

/**
 * Checks every page. `pages` maps a site path (`/talks/x/`, `/404.html`) to
 * its scan; `files` holds every file of the site as a site path
 * (`/talks/x/index.html`, `/cards/x.png`); `origin` is the site's own origin
 * and `base` its path prefix.
 */
export function checkLinks(pages: ReadonlyMap<string, PageScan>, files: ReadonlySet<string>, origin: string, base = '/'): LinkReport {
  const ids = (page: string) => pages.get(page)?.ids ?? new Set<string>();
  const problems: LinkProblem[] = [];
  const external = new Map<string, string[]>();
  let checked = 0;

  for (const [page, scan] of pages) {
    const pageUrl = new URL(`${base.replace(/\/$/, '')}${page}`, origin);
    for (const href of scan.links) {
      checked++;
      let url: URL;
      try {
        url = new URL(href, pageUrl);
      } catch {
        problems.push({ page, href, message: 'is not a valid URL' });
        continue;
      }
      if (url.protocol === 'mailto:' || url.protocol === 'tel:') continue;
      if (url.origin !== origin) {
        if (url.protocol === 'http:' || url.protocol === 'https:') {
          const list = external.get(url.href) ?? [];
          if (!list.includes(page)) list.push(page);
          external.set(url.href, list);
        } else {
          problems.push({ page, href, message: `uses the "${url.protocol}" scheme` });
        }
        continue;
      }
      if (!url.pathname.startsWith(base)) {
        problems.push({ page, href, message: `points outside the site's base path ${base}` });
        continue;
      }
      const path = `/${decodeURIComponent(url.pathname.slice(base.length))}`;
      let target: string | undefined;
      if (path.endsWith('/')) {
        if (files.has(`${path}index.html`)) target = path;
      } else if (files.has(path)) {
        target = path.endsWith('.html') ? path : undefined;
        if (!target && url.hash) {
          problems.push({ page, href, message: 'has an #anchor but points at a file that is not a page' });
          continue;
        }
        if (!target) continue;
      } else if (files.has(`${path}/index.html`)) {
        problems.push({ page, href, message: `leaves out the trailing slash; link ${path}/ instead` });
        continue;
      }
      if (!target) {
        problems.push({ page, href, message: 'points at a page that does not exist' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && !ids(target).has(fragment)) {
        problems.push({ page, href, message: `points at #${fragment}, which ${target === page ? 'this page' : target} does not have` });
      }
    }
  }
  // A link repeated on a page (in the body and in the link panel) is one problem.
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.page}\n${p.href}`;
    return !seen.has(key) && (seen.add(key), true);
  });
  return { problems: unique, external, checked };
}
