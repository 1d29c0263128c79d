/**
 * The one syntax for pointing at an entry, used in frontmatter and in body
 * links alike:
 *
 *   pattern:feature-store             an entry: `<type>:<id>`
 *   maturity:google-cloud-mlops#level-1   a place in an entry
 *   talk:godfather-of-mlops@7:57      a moment in a talk: `talk:<id>@<time>`
 *
 * In a body it is a plain Markdown link, `[the ML Test Score](talk:godfather-of-mlops@7:57)`,
 * which reads well as plain text and is rewritten to the site's URL at build.
 */
import { ENTRY_TYPES, ID_PATTERN, TYPE_INFO, isEntryType, type EntryType } from './entry-types.ts';
import { TIMESTAMP_EXAMPLE, clockSlug, formatTimestamp, parseTimestamp } from './timestamps.ts';
import { MAX_ID_CHARS } from '../validator/limits.ts';
import { quote } from './quote.ts';

export interface EntryRef {
  type: EntryType;
  id: string;
  /** Seconds into a talk, for a moment. */
  at?: number;
  /** An anchor inside the entry's page, without `#`. */
  fragment?: string;
}

export type RefResult = { ok: true; ref: EntryRef } | { ok: false; reason: string; fix: string };

const REF_SHAPE = /^([a-z-]+):([^@#]*)(?:@([^#]*))?(?:#(.*))?$/;
export const REF_EXAMPLES = 'pattern:feature-store, or talk:godfather-of-mlops@7:57 for a moment';

/**
 * The scheme of a link (`https`, `talk`, `javascript`), lowercased, or
 * undefined for a relative link. Read the way a browser reads it: tabs and
 * newlines dropped, leading controls and spaces trimmed.
 */
export function linkScheme(url: string): string | undefined {
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return m ? m[1].toLowerCase() : undefined;
}

/** True when `text` uses an entry type as its scheme, so it is meant as a reference. */
export function looksLikeRef(text: string): boolean {
  const scheme = linkScheme(text);
  return scheme !== undefined && isEntryType(scheme);
}

/** Parses `type:id`, `type:id#fragment` or `talk:id@time`. */
export function parseRef(text: string): RefResult {
  const m = REF_SHAPE.exec(text.trim());
  if (!m) return { ok: false, reason: `${quote(text)} is not a reference`, fix: `write ${REF_EXAMPLES}` };
  const [, type, id, time, fragment] = m;
  if (!isEntryType(type)) {
    return { ok: false, reason: `${quote(type)} is not an entry type`, fix: `use one of ${ENTRY_TYPES.join(', ')}` };
  }
  if (id.length > MAX_ID_CHARS) {
    return { ok: false, reason: `the id is ${id.length.toLocaleString('en-GB')} characters long; an id has at most ${MAX_ID_CHARS}`, fix: 'check the reference: ids are the file names of entries' };
  }
  if (!ID_PATTERN.test(id)) {
    return { ok: false, reason: `${quote(id)} is not an id`, fix: `ids are lowercase words joined by hyphens, like ${type === 'talk' ? 'godfather-of-mlops' : 'feature-store'}` };
  }
  const ref: EntryRef = { type, id };
  if (time !== undefined) {
    if (type !== 'talk') return { ok: false, reason: `only talks have moments, not a ${TYPE_INFO[type].label.toLowerCase()}`, fix: `drop ${quote(`@${time}`)}` };
    const t = parseTimestamp(time);
    if (!t.ok) return { ok: false, reason: t.reason, fix: `write the time as m:ss, mm:ss or h:mm:ss, ${TIMESTAMP_EXAMPLE}` };
    ref.at = t.seconds;
  }
  if (fragment !== undefined) {
    if (ref.at !== undefined) return { ok: false, reason: 'a moment cannot also have a #fragment', fix: 'keep either @time or #fragment' };
    if (!/^[a-z0-9][a-z0-9-]*$/.test(fragment)) return { ok: false, reason: `${quote(`#${fragment}`)} is not an anchor`, fix: 'anchors are lowercase words joined by hyphens, like #level-1' };
    ref.fragment = fragment;
  }
  return { ok: true, ref };
}

/** Site path of an entry page: `/patterns/feature-store/`. */
export function entryPath(type: EntryType, id: string): string {
  return `/${TYPE_INFO[type].folder}/${id}/`;
}

/** Site path of a moment permalink: `/talks/godfather-of-mlops/at/07-57/`. */
export function momentPath(talkId: string, at: number): string {
  return `${entryPath('talk', talkId)}at/${clockSlug(at)}/`;
}

/** Site path a reference points at. */
export function refPath(ref: EntryRef): string {
  if (ref.at !== undefined) return momentPath(ref.id, ref.at);
  return entryPath(ref.type, ref.id) + (ref.fragment ? `#${ref.fragment}` : '');
}

/** Writes a reference back in its canonical text form. */
export function formatRef(ref: EntryRef): string {
  return `${ref.type}:${ref.id}${ref.at !== undefined ? `@${formatTimestamp(ref.at)}` : ''}${ref.fragment ? `#${ref.fragment}` : ''}`;
}
