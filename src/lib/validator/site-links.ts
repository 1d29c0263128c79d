/**
 * Links within the site: the paths and #anchors a body writes, the anchors of
 * references (`pattern:x#anchor`), footnote labels, and full addresses of the
 * site itself. The validator knows every entry, every anchor an entry's page
 * has (rendering/page-anchors.ts) and every image, so each broken link is
 * reported here with its file, line and a fix, before a build; the build's
 * link check (build/link-check/) stays as the safety net.
 *
 * A body may link, by path, only the pages that do not belong to an entry:
 * the home page, search, the feed, each type's index, and images. Entries and
 * moments are linked as references (`pattern:x`, `talk:x@7:57`), which follow
 * a rename and carry the site's base path.
 */
import { ENTRY_TYPES, TYPE_INFO, entryKey, type EntryKey } from '../content-model/entry-types.ts';
import type { Entry } from '../content-model/link-graph.ts';
import { quote } from '../content-model/quote.ts';
import { closest } from '../content-model/schema-docs.ts';
import { formatTimestamp, parseClockSlug } from '../content-model/timestamps.ts';
import { renderBody } from '../rendering/body-html.ts';
import { entryAnchors } from '../rendering/page-anchors.ts';
import type { SiteAddress } from '../settings.ts';
import type { FileState } from './check-entry-file.ts';
import { fieldPath, type Diagnostic } from './diagnostics.ts';
import type { Position } from './entry-file.ts';
import type { PublicFiles } from './public-files.ts';
import type { ValueVisitor } from './values.ts';
import { positionOf, walk, type MdNode } from './mdx-body.ts';

/** A link a body writes as a site path or an anchor, decoded. */
export interface SiteLink {
  url: string;
  /** Decoded path, `/talks/`; empty for an anchor on the same page. */
  path: string;
  /** Decoded anchor, without `#`. */
  fragment: string;
  image: boolean;
  position: Position;
}

/** The pages of src/pages/ a body may link by path, besides images. */
export const SITE_PAGES: readonly string[] = ['/', '/search/', '/feed.xml', ...ENTRY_TYPES.map((t) => `/${TYPE_INFO[t].folder}/`)];

const PAGE_LIST = `${SITE_PAGES.slice(0, 3).join(', ')}, a type's index such as /talks/, or an image as /images/<file>`;
const ORIGIN = 'https://site.invalid';

export type ReadLink = { ok: true; link: SiteLink } | { ok: false; message: string; fix: string };

/** Reads a link that has no scheme as the browser will: where it leads, and its path and anchor decoded. */
export function readSiteLink(url: string, image: boolean, position: Position): ReadLink {
  let resolved: URL;
  try {
    resolved = new URL(url, `${ORIGIN}/page/`);
  } catch {
    return { ok: false, message: `${image ? 'image' : 'link'} ${quote(url)} is not a valid address`, fix: 'write a site path starting with /, or an https:// address' };
  }
  if (resolved.origin !== ORIGIN) {
    // `//host/x` and `/\host/x` leave the site although they start with a slash.
    return image
      ? { ok: false, message: `image ${quote(url)} comes from another site (${resolved.host}): pages load nothing from other hosts`, fix: 'save the image under public/images/ and link it as /images/<file>' }
      : { ok: false, message: `link ${quote(url)} leaves the site for ${resolved.host} without saying how`, fix: `write the full address: https://${resolved.host}${resolved.pathname}` };
  }
  let path: string;
  let fragment: string;
  try {
    path = url.startsWith('#') ? '' : decodeURIComponent(resolved.pathname);
    fragment = decodeURIComponent(resolved.hash.slice(1));
  } catch {
    return { ok: false, message: `${image ? 'image' : 'link'} ${quote(url)} has a malformed percent-encoding`, fix: 'write the character itself, or % followed by two hex digits (%20 for a space)' };
  }
  return { ok: true, link: { url, path, fragment, image, position } };
}

const FOOTNOTE_LABEL = /^[A-Za-z0-9_-]+$/;

/** Footnote labels the site can turn into plain anchors: the renderer percent-encodes any other character into the id. */
export function footnoteLabelProblems(root: MdNode): Array<{ position: Position; message: string; fix: string }> {
  const problems: Array<{ position: Position; message: string; fix: string }> = [];
  walk(root, (node) => {
    if ((node.type === 'footnoteReference' || node.type === 'footnoteDefinition') && !FOOTNOTE_LABEL.test(node.label ?? '')) {
      problems.push({ position: positionOf(node), message: `the footnote label ${quote(`[^${node.label ?? ''}]`)} has characters other than ASCII letters, digits, - and _`, fix: 'name the footnote with those alone, like [^1] or [^ml-test-score], where it is used and where it is defined' });
    }
  });
  return problems;
}

/**
 * The anchors of each entry's page, worked out once per entry and only when
 * asked: the layout's sections first, the body's headings (rendered with the
 * renderer itself, so the ids are the ones it writes) only when a link names
 * an anchor that is not a section.
 */
export class PageAnchors {
  private readonly sections = new Map<EntryKey, Set<string>>();
  private readonly headings = new Map<EntryKey, Set<string>>();
  private readonly states: ReadonlyMap<EntryKey, FileState>;
  constructor(states: ReadonlyMap<EntryKey, FileState>) {
    this.states = states;
  }

  has(entry: Entry, anchor: string): boolean {
    return this.sectionsOf(entry).has(anchor) || this.headingsOf(entry).has(anchor);
  }

  /** Every anchor, for a "use one of" hint. */
  all(entry: Entry): string[] {
    return [...this.sectionsOf(entry), ...this.headingsOf(entry)];
  }

  private sectionsOf(entry: Entry): Set<string> {
    let s = this.sections.get(entry.key);
    if (!s) this.sections.set(entry.key, (s = new Set(entryAnchors(entry))));
    return s;
  }

  private headingsOf(entry: Entry): Set<string> {
    let s = this.headings.get(entry.key);
    if (!s) {
      const state = this.states.get(entry.key);
      // A body with errors of its own is not rendered; its headings wait until those are fixed.
      s = new Set(state?.text !== undefined && state.bodyRenders ? renderBody(state.text, '/').headings.map((h) => h.slug) : []);
      this.headings.set(entry.key, s);
    }
    return s;
  }
}

/** "did you mean", else the first few anchors. */
export function anchorHint(anchor: string, all: readonly string[]): string {
  const guess = closest(anchor, all);
  if (guess) return `did you mean #${guess}?`;
  if (all.length === 0) return 'link the page without an anchor';
  return `use one of ${all.slice(0, 8).map((a) => `#${a}`).join(', ')}${all.length > 8 ? ', …' : ''}`;
}

const diag = (file: string, pos: Position, message: string, fix: string): Diagnostic => ({ severity: 'error', file, line: pos.line, column: pos.column, field: 'body', message, fix });

/** The site's own address in a link or a `url` field: it would be checked as a page of this build. */
function ownAddress(url: string, site: SiteAddress): boolean {
  try {
    const u = new URL(url);
    return u.origin === site.origin && (u.pathname + '/').startsWith(site.base);
  } catch {
    return false;
  }
}

/** `url` fields that hold an address of the site itself: a value visitor for the one walk over each entry. */
export function ownAddressVisitor(state: FileState, site: SiteAddress, out: Diagnostic[]): ValueVisitor {
  return (url, path) => {
    if (path.at(-1) !== 'url' || typeof url !== 'string' || !ownAddress(url, site)) return;
    const pos = state.locateField!(path);
    out.push({ severity: 'error', file: state.file, line: pos.line, column: pos.column, field: fieldPath(path), message: `${quote(url)} is an address of this site`, fix: 'link entries from the body as type:id; this field is for addresses elsewhere' });
  };
}

/** Checks every body's site links against the pages and anchors the build makes, and the web links of bodies against the site's own address. */
export function checkSiteLinks(states: readonly FileState[], present: ReadonlyMap<EntryKey, FileState>, images: PublicFiles, anchors: PageAnchors, site: SiteAddress, out: Diagnostic[]): void {
  for (const state of states) {
    if (present.get(entryKey(state.type, state.id)) !== state) continue;
    for (const web of state.webLinks ?? []) {
      if (ownAddress(web.url, site)) out.push(diag(state.file, web.position, `link ${quote(web.url)} names this site by its full address`, 'link an entry as type:id, or a page of the site by its path (/search/)'));
    }
    for (const link of state.siteLinks ?? []) {
      const problem = checkLink(link, state, present, images, anchors);
      if (problem) out.push(diag(state.file, link.position, problem[0], problem[1]));
    }
  }
}

/** What is wrong with one site link, as [message, fix], or undefined. */
function checkLink(link: SiteLink, state: FileState, present: ReadonlyMap<EntryKey, FileState>, images: PublicFiles, anchors: PageAnchors): [string, string] | undefined {
  const shown = quote(link.url);
  if (link.path === '') {
    // An anchor on this entry's own page; an entry with errors is checked once they are fixed.
    if (!link.fragment || !state.entry || anchors.has(state.entry, link.fragment)) return undefined;
    return [`link ${shown}: this page has no #${link.fragment}`, anchorHint(link.fragment, anchors.all(state.entry))];
  }
  if (link.path.startsWith('/images/')) {
    if (images.refusedImages.has(link.path)) return [`${link.image ? 'image' : 'link'} ${shown}: public${link.path} is not an image the site can serve`, `fix the error reported for public${link.path}`];
    if (!images.images.has(link.path)) return [`${link.image ? 'image' : 'link'} ${shown}: there is no image public${link.path}`, 'add the image under public/images/, or correct the name'];
    return link.fragment ? [`link ${shown}: an image has no anchors`, 'drop the #anchor'] : undefined;
  }
  if (link.image) return [`image ${shown} is not under /images/`, 'save the image under public/images/ and link it as /images/<file>'];
  if (SITE_PAGES.includes(link.path)) {
    return link.fragment ? [`link ${shown}: only entry pages have anchors a body can link`, 'link the page without the anchor, or an entry\'s anchor as type:id#anchor'] : undefined;
  }
  const m = /^\/([^/]+)\/([^/]+)(\/.*)?$/.exec(link.path);
  const type = m && ENTRY_TYPES.find((t) => TYPE_INFO[t].folder === m[1]);
  if (type && m) {
    const [, , id, rest = ''] = m;
    const exists = present.has(entryKey(type, id));
    const ref = `${type}:${id}${link.fragment ? `#${link.fragment}` : ''}`;
    if (rest === '/' || rest === '') {
      if (exists) return [`link ${shown} names an entry by its address`, `write it as a reference, ${ref}, which follows a rename and the site's base path`];
      const ids = [...present.keys()].filter((k) => k.startsWith(`${type}:`)).map((k) => k.slice(type.length + 1));
      const guess = closest(id, ids);
      return [`link ${shown}: there is no page ${link.path}${rest === '' ? '/' : ''}, since no ${TYPE_INFO[type].label.toLowerCase()} has the id ${quote(id)}`, guess ? `did you mean ${type}:${guess}? Link entries as type:id` : 'link entries as type:id, with the id of an existing entry'];
    }
    const at = type === 'talk' ? /^\/at\/([^/]+)\/?$/.exec(rest) : null;
    const seconds = at ? parseClockSlug(at[1]) : undefined;
    if (exists && seconds !== undefined) return [`link ${shown} names a moment by its address`, `write it as a reference, talk:${id}@${formatTimestamp(seconds)}, which follows a rename and the site's base path`];
  }
  if (SITE_PAGES.includes(`${link.path}/`)) return [`link ${shown} leaves out the trailing slash`, `write ${link.path}/`];
  return [`link ${shown}: there is no page ${link.path} that a body can link`, `link an entry as type:id, a moment as talk:id@m:ss, or one of ${PAGE_LIST}`];
}
