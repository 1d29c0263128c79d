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

const LINK_TAGS = new Set(['a', 'link', 'img', 'script', 'form', 'source', 'iframe', 'area']);
const LINK_ATTRIBUTES = ['href', 'src', 'action'];
const META_URLS = new Set(['og:url', 'og:image', 'twitter:image']);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Character references in an attribute value, decoded: the named ones HTML
 * writers use for these characters, and every numeric one (the body renderer
 * writes & in a URL as &#x26;, which read raw would start an anchor).
 */
function decode(attr: string): string {
  return attr.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([A-Za-z]+));/g, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return Object.hasOwn(NAMED, name) ? NAMED[name] : m;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** A URL written with its scheme or as "//host": it names its origin itself. */
const ABSOLUTE = /^([a-zA-Z][a-zA-Z0-9+.-]*:|\/\/)/;

function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

const UNICODE_SPACE = /\s/;
/** A character `\s` matches (the attribute reader's separators): ASCII ones by code, the rare others by the expression. */
function isSpace(html: string, i: number): boolean {
  const c = html.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return UNICODE_SPACE.test(html[i]);
}
const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 58 || c === 45;
/** Ends an attribute name: a space, ", ', >, / or =. */
const endsAttributeName = (html: string, i: number) => {
  const c = html.charCodeAt(i);
  return c === 34 || c === 39 || c === 62 || c === 47 || c === 61 || isSpace(html, i);
};

/**
 * Calls `visit` with the name and the `wanted` attributes (values entities decoded, the first
 * of a repeated name winning, as in a browser) of each start tag of a page, read in one pass
 * from left to right in which every character is looked at a bounded number of times, so a page
 * of any size is read in linear time. Two regular expressions did this before and were
 * quadratic when an attribute value held many "<a " or "<meta " (Astro escapes only & and " in
 * attributes): a 600 KB title took 257 s to check. Comments, and the text of script and style
 * elements, are skipped as a browser skips them. Hand-written because an HTML parser builds a
 * tree for every page, many times slower over thousands of pages, to read a few attributes; and
 * by character codes, with one map of attributes for every tag (`visit` must not keep it), which
 * read the pages of 300 talks (28 MB) at 2.3 times the speed of sticky regular expressions and
 * a generator of tags.
 */
export function forEachStartTag(html: string, wanted: ReadonlySet<string>, visit: (name: string, attributes: ReadonlyMap<string, string>) => void): void {
  const attributes = new Map<string, string>();
  const n = html.length;
  let pos = 0;
  while (pos < n) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) return;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) return;
      pos = end + 3;
      continue;
    }
    let i = lt + 1;
    if (i >= n || !isNameStart(html.charCodeAt(i))) {
      pos = lt + 1;
      continue;
    }
    while (i < n && isNameChar(html.charCodeAt(i))) i++;
    const name = html.slice(lt + 1, i).toLowerCase();
    attributes.clear();
    let closed = false;
    while (i < n) {
      while (i < n && isSpace(html, i)) i++;
      if (i >= n) break;
      if (html.charCodeAt(i) === 62) {
        closed = true;
        i++;
        break;
      }
      const at = i;
      while (i < n && !endsAttributeName(html, i)) i++;
      if (i === at) {
        i++; // a "/" or a stray quote or "="
        continue;
      }
      const key = html.slice(at, i).toLowerCase();
      while (i < n && isSpace(html, i)) i++;
      let value = '';
      if (html.charCodeAt(i) === 61) {
        i++;
        while (i < n && isSpace(html, i)) i++;
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, i + 1);
          if (end < 0) return; // the rest of the page is one unterminated value
          value = html.slice(i + 1, end);
          i = end + 1;
        } else {
          const from = i;
          while (i < n && html.charCodeAt(i) !== 62 && !isSpace(html, i)) i++;
          value = html.slice(from, i);
        }
      }
      if (wanted.has(key) && !attributes.has(key)) attributes.set(key, value.includes('&') ? decode(value) : value);
    }
    if (!closed) return;
    visit(name, attributes);
    pos = i;
    if (name === 'script' || name === 'style') {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = pos;
      if (!close.exec(html)) return;
      pos = close.lastIndex;
    }
  }
}

/**
 * Copies of strings, each kept once. An id or a link read from a page is,
 * in V8, a window onto the page's text, which it keeps in memory: the link
 * check holds the scans of every page at once, and without copies it held
 * every page (650 MB at 5,000 talks). The layout's links, on every page, are one string each.
 */
export function interner(): (s: string) => string {
  const kept = new Map<string, string>();
  return (s) => {
    let copy = kept.get(s);
    if (copy === undefined) {
      // A JSON round trip makes a string of its own, lone surrogates and all.
      copy = JSON.parse(JSON.stringify(s)) as string;
      kept.set(copy, copy);
    }
    return copy;
  };
}

/** The attributes scanPage reads: decoding and keeping the others took half its time. */
const SCANNED: ReadonlySet<string> = new Set(['id', ...LINK_ATTRIBUTES, 'property', 'name', 'content']);

/** The anchor ids of a page and every URL it links to or loads, in one reading; `keep` gives the strings to keep (see interner). */
export function scanPage(html: string, keep: (s: string) => string = (s) => s): PageScan {
  const ids = new Set<string>();
  const links: string[] = [];
  forEachStartTag(html, SCANNED, (name, attributes) => {
    const id = attributes.get('id');
    if (id !== undefined) ids.add(keep(id));
    if (LINK_TAGS.has(name)) {
      for (const a of LINK_ATTRIBUTES) {
        const v = attributes.get(a);
        if (v !== undefined) links.push(keep(v));
      }
    } else if (name === 'meta') {
      const kind = attributes.get('property') ?? attributes.get('name');
      const content = attributes.get('content');
      if (kind !== undefined && META_URLS.has(kind) && content !== undefined) links.push(keep(content));
    }
  });
  return { ids, links };
}

export const pageIds = (html: string): Set<string> => scanPage(html).ids;
export const pageLinks = (html: string): string[] => scanPage(html).links;

/** What the checker needs of a page; the HTML itself can be dropped once read. */
export interface PageScan {
  ids: Set<string>;
  links: string[];
}


/** What is wrong with a link, or the external URL it names; neither when it resolves within the site. */
type Verdict = { problem?: string; external?: URL };
const RESOLVES: Verdict = Object.freeze({});

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
  const addExternal = (url: URL, page: string) => {
    const list = external.get(url.href) ?? [];
    if (!list.includes(page)) list.push(page);
    external.set(url.href, list);
  };

  const judge = (href: string, page: string, pageUrl: URL): Verdict => {
    let url: URL;
    try {
      url = new URL(href, pageUrl);
    } catch {
      return { problem: 'is not a valid URL' };
    }
    if (url.protocol === 'mailto:' || url.protocol === 'tel:') return RESOLVES;
    if (url.origin !== origin) {
      return url.protocol === 'http:' || url.protocol === 'https:' ? { external: url } : { problem: `uses the "${url.protocol}" scheme` };
    }
    if (!url.pathname.startsWith(base)) {
      // A full address on this host but outside the base path is another site on the same host
      // (another project's GitHub Pages); a path without its origin is a page of this site that lost its base.
      return ABSOLUTE.test(href) ? { external: url } : { problem: `points outside the site's base path ${base}` };
    }
    const decoded = safeDecode(url.pathname.slice(base.length));
    if (decoded === undefined) return { problem: 'has a malformed percent-encoding' };
    const path = `/${decoded}`;
    let target: string | undefined;
    if (path.endsWith('/')) {
      if (files.has(`${path}index.html`)) target = path;
    } else if (files.has(path)) {
      target = path.endsWith('.html') ? path : undefined;
      if (!target && url.hash) return { problem: 'has an #anchor but points at a file that is not a page' };
      if (!target) return RESOLVES;
    } else if (files.has(`${path}/index.html`)) {
      return { problem: `leaves out the trailing slash; link ${path}/ instead` };
    }
    if (!target) return { problem: 'points at a page that does not exist' };
    // A browser looks for the anchor as written, then percent-decoded.
    const raw = url.hash.slice(1);
    const fragment = safeDecode(raw) ?? raw;
    if (raw && !ids(target).has(raw) && !ids(target).has(fragment)) return { problem: `points at #${fragment}, which ${target === page ? 'this page' : target} does not have` };
    return RESOLVES;
  };

  // A link written from the root or with its origin means the same on every page (the layout's links,
  // on every page of the site): once judged sound, it is not worked out again.
  const sound = new Map<string, Verdict>();
  let checked = 0;
  for (const [page, scan] of pages) {
    const pageUrl = new URL(`${base.replace(/\/$/, '')}${page}`, origin);
    for (const href of scan.links) {
      checked++;
      let verdict = sound.get(href);
      if (!verdict) {
        verdict = judge(href, page, pageUrl);
        if (verdict.problem === undefined && (href.startsWith('/') || ABSOLUTE.test(href))) sound.set(href, verdict);
      }
      if (verdict.problem !== undefined) problems.push({ page, href, message: verdict.problem });
      else if (verdict.external) addExternal(verdict.external, page);
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
