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

export interface StartTag {
  name: string;
  /** Attribute values, entities decoded; the first of a repeated name wins, as in a browser. */
  attributes: Map<string, string>;
}

const TAG_NAME = /[A-Za-z][A-Za-z0-9:-]*/y;
const ATTRIBUTE_NAME = /[^\s"'>/=]+/y;
const SPACE = /\s*/y;
const UNQUOTED = /[^\s>]*/y;

/**
 * The start tags of a page, read in one pass from left to right in which
 * every character is looked at a bounded number of times, so a page of any
 * size is read in linear time. Two regular expressions did this before and
 * were quadratic when an attribute value held many "<a " or "<meta " (Astro
 * escapes only & and " in attributes): a 600 KB title took 257 s to check.
 * Comments, and the text of script and style elements, are skipped as a
 * browser skips them. Hand-written because an HTML parser builds a tree for
 * every page, many times slower over thousands of pages, to read a few attributes.
 */
export function* startTags(html: string): Generator<StartTag> {
  const skip = (re: RegExp, at: number) => {
    re.lastIndex = at;
    return re.exec(html) ? re.lastIndex : at;
  };
  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) return;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) return;
      pos = end + 3;
      continue;
    }
    TAG_NAME.lastIndex = lt + 1;
    const nameMatch = TAG_NAME.exec(html);
    if (!nameMatch) {
      pos = lt + 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    const attributes = new Map<string, string>();
    let i = TAG_NAME.lastIndex;
    let closed = false;
    while (i < html.length) {
      i = skip(SPACE, i);
      const c = html[i];
      if (c === '>') {
        closed = true;
        i++;
        break;
      }
      ATTRIBUTE_NAME.lastIndex = i;
      const attr = ATTRIBUTE_NAME.exec(html);
      if (!attr) {
        i++; // a "/" or a stray quote or "="
        continue;
      }
      i = skip(SPACE, ATTRIBUTE_NAME.lastIndex);
      let value = '';
      if (html[i] === '=') {
        i = skip(SPACE, i + 1);
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, i + 1);
          if (end < 0) return; // the rest of the page is one unterminated value
          value = html.slice(i + 1, end);
          i = end + 1;
        } else {
          const end = skip(UNQUOTED, i);
          value = html.slice(i, end);
          i = end;
        }
      }
      const key = attr[0].toLowerCase();
      if (!attributes.has(key)) attributes.set(key, decode(value));
    }
    if (!closed) return;
    yield { name, attributes };
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

/** The anchor ids of a page and every URL it links to or loads, in one reading; `keep` gives the strings to keep (see interner). */
export function scanPage(html: string, keep: (s: string) => string = (s) => s): PageScan {
  const ids = new Set<string>();
  const links: string[] = [];
  for (const tag of startTags(html)) {
    const id = tag.attributes.get('id');
    if (id !== undefined) ids.add(keep(id));
    if (LINK_TAGS.has(tag.name)) {
      for (const a of LINK_ATTRIBUTES) {
        const v = tag.attributes.get(a);
        if (v !== undefined) links.push(keep(v));
      }
    } else if (tag.name === 'meta') {
      const kind = tag.attributes.get('property') ?? tag.attributes.get('name');
      const content = tag.attributes.get('content');
      if (kind !== undefined && META_URLS.has(kind) && content !== undefined) links.push(keep(content));
    }
  }
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
