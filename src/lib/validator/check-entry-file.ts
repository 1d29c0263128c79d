/**
 * Checks one entry file on its own: that it is UTF-8 text with frontmatter,
 * that the YAML parses and matches its type's schema, that the body is safe
 * MDX whose links are references or site paths, and the warnings a
 * contributor should see (placeholders left in, a talk summary's length).
 * What needs other files (references, ids, redirects) is checked later, in
 * check-references.ts.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { ENTRY_TYPES, ID_PATTERN, entryKey, slugify, type EntryType } from '../content-model/entry-types.ts';
import type { BodyRef, Entry } from '../content-model/link-graph.ts';
import { linkScheme, looksLikeRef, parseRef } from '../content-model/references.ts';
import { SCHEMAS, type EntryData } from '../content-model/schemas/index.ts';
import { checkBodyShape, tooManyCharacterReferences } from './body-limits.ts';
import { checkBodySafety, isDangerousUrl } from './body-safety.ts';
import { footnoteLabelProblems, readSiteLink, type SiteLink } from './site-links.ts';
import { bodySentences, type BodySentence } from './editorial/repeated-sentences.ts';
import { forbiddenCharacters } from './characters.ts';
import { checkFrontmatterLimits } from './frontmatter-limits.ts';
import { MAX_ID_CHARS } from './limits.ts';
import { fieldPath, type Diagnostic } from './diagnostics.ts';
import { LineIndex, decodeEntry, locate, parseYaml, splitFrontmatter, type Position } from './entry-file.ts';
import { bodyLinks, parseBody, positionOf, walk, wordCount, type MdNode } from './mdx-body.ts';
import { describeIssue } from './zod-messages.ts';
import { quote } from '../content-model/quote.ts';
import { bodyQuotes, type CitedQuote } from './quotes-against-transcripts.ts';
import type { ValueVisitor } from './values.ts';

/** How many words a talk summary should have; outside this range is a warning. */
export const TALK_SUMMARY_WORDS = { min: 150, max: 400 } as const;

/** What the validator knows of one file after checking it alone. */
export interface FileState {
  type: EntryType;
  id: string;
  file: string;
  /** Set when the file parsed and matched its schema. */
  entry?: Entry;
  /** The fields that are valid on their own, when the file as a whole is not; their references are still checked. */
  partial?: Entry;
  locateField?: (path: readonly PropertyKey[], atKey?: boolean) => Position;
  text?: string;
  /** The body parsed and passed its own checks, so the renderer can render it. */
  bodyRenders?: boolean;
  /** Site paths and #anchors the body links, checked once every entry is known (site-links.ts). */
  siteLinks?: SiteLink[];
  /** http(s) addresses the body links, checked against the site's own address. */
  webLinks?: Array<{ url: string; position: Position }>;
  /** The body as written, for the editorial checks. */
  bodyText?: string;
  /** The body's long sentences, compared across entries (editorial/repeated-sentences.ts). */
  sentences?: BodySentence[];
  /** The body's quotes that cite a talk, checked against its transcript (quotes-against-transcripts.ts). */
  quotes?: CitedQuote[];
}

/** What a reader sees as the entry's title. */
function titleOf(data: EntryData[EntryType]): string {
  return 'title' in data ? data.title : (data as EntryData['person' | 'topic']).name;
}

/** The one or two sentences that stand for the entry in cards and lists. */
export function summaryOf<T extends EntryType>(type: T, data: EntryData[T]): string {
  switch (type) {
    case 'myth':
      return (data as EntryData['myth']).reality;
    case 'war-story':
      return (data as EntryData['war-story']).lesson;
    case 'pattern':
      return (data as EntryData['pattern']).problem;
    default:
      return (data as EntryData['talk']).description;
  }
}

export function diag(file: string, pos: Position, field: string, message: string, fix: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { severity, file, line: pos.line, column: pos.column, field, message, fix };
}

export const TOP: Position = { line: 1, column: 1 };
const PLACEHOLDER = /^TODO\b/;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** The scaffolder writes TODO where only the contributor can know the answer; one left behind in a field is not content. */
export function placeholderVisitor(state: FileState, out: Diagnostic[]): ValueVisitor {
  return (value, path) => {
    if (typeof value === 'string' && PLACEHOLDER.test(value)) out.push(diag(state.file, state.locateField!(path), fieldPath(path), `still holds the placeholder ${quote(value.slice(0, 40))}`, 'replace it with the real text', 'warning'));
  };
}

/** Checks one entry file on its own; cross-file checks come later. */
export function checkFile(file: string, type: EntryType, bytes: Uint8Array, out: Diagnostic[]): FileState {
  const base = path.posix.basename(file, '.mdx');
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const state: FileState = { type, id: base, file };
  if (base.length > MAX_ID_CHARS) {
    out.push(diag(file, TOP, 'file', `the file name is ${base.length} characters long; an id has at most ${MAX_ID_CHARS}`, 'shorten the file name: it is the entry\'s id and its address'));
  } else if (!ID_PATTERN.test(base)) {
    const suggestion = slugify(base) || 'a-name';
    out.push(diag(file, TOP, 'file', `file name ${quote(`${base}.mdx`)} is not an id`, `rename it to ${suggestion}.mdx: ids are lowercase words joined by hyphens`));
  }
  const decoded = decodeEntry(bytes);
  if (!decoded.ok) {
    out.push(diag(file, decoded.position, 'file', `byte 0x${decoded.byte.toString(16).toUpperCase().padStart(2, '0')} is not UTF-8 text`, 'save the file with UTF-8 encoding (in VS Code: "Save with Encoding", then UTF-8)'));
    return state;
  }
  const text = decoded.text;
  state.text = text;
  const lines = new LineIndex(text);
  const fm = splitFrontmatter(text);
  // The frontmatter's values are checked once parsed, where a YAML escape has become the character it writes.
  const scanFrom = fm.ok ? fm.bodyOffset : 0;
  const bad = forbiddenCharacters(text.slice(scanFrom));
  if (bad) out.push(diag(file, lines.at(scanFrom + bad.offset), fm.ok ? 'body' : 'file', bad.message, bad.fix));
  if (!fm.ok) {
    const scaffold = `run npm run new -- ${type} "Title" for a skeleton with every required field`;
    const why = {
      empty: ['the file is empty', scaffold],
      missing: ['the file has no frontmatter: an entry starts with a line "---", its fields, and another "---"', `add the frontmatter, or ${scaffold}`],
      unclosed: ['the frontmatter is never closed', 'add a line "---" after the last field'],
    }[fm.reason];
    out.push(diag(file, TOP, 'file', why[0], why[1]));
    return state;
  }
  const yaml = parseYaml(fm.yaml);
  const at = (yamlOffset: number) => lines.at(fm.yamlOffset + yamlOffset);
  for (const p of yaml.problems) {
    if (p.fix) out.push(diag(file, at(p.offset), '(frontmatter)', p.message, p.fix));
    else out.push(diag(file, at(p.offset), '(frontmatter)', `invalid YAML: ${p.message}`, 'check the indentation and quoting here; text containing ": " or starting with a special character needs quotes'));
  }
  state.locateField = (p, atKey = false) => at(locate(yaml.doc(), p, { key: atKey }));

  let root: MdNode | undefined;
  let linksChecked = true;
  const references = tooManyCharacterReferences(text.slice(scanFrom));
  if (references) {
    out.push(diag(file, lines.at(scanFrom + references.offset), 'body', references.message, references.fix));
  } else {
    const body = parseBody(text);
    if (!body.ok) {
      // The parser's own advice for "<!--" is an MDX comment, {/* … */}, which entries may not hold either.
      if (/to create a comment in MDX/.test(body.message)) out.push(diag(file, body.position, 'body', 'an HTML comment ("<!--"): entries hold no comments', 'delete it; a note for reviewers belongs in the pull request'));
      else out.push(diag(file, body.position, 'body', `the body is not valid MDX: ${body.message}`, 'write plain Markdown; "<" and "{" must be escaped as \\< and \\{ in text'));
    } else {
      const shape = checkBodyShape(body.root);
      for (const p of shape.problems) out.push(diag(file, p.position, 'body', p.message, p.fix));
      if (!shape.tooDeep) {
        root = body.root;
        linksChecked = !shape.tooManyLinks;
        for (const p of checkBodySafety(root)) out.push(diag(file, p.position, 'body', p.message, p.fix));
        // The entry's title is the page's one first-level heading; a second would confuse its outline for screen readers.
        walk(root, (node) => {
          if (node.type === 'heading' && node.depth === 1) out.push(diag(file, positionOf(node), 'body', 'a first-level heading ("# …"): the page has one, the entry\'s title', 'make it a section heading: "## …"'));
        });
      }
    }
  }
  const bodyRefs: BodyRef[] = [];
  if (root && linksChecked) {
    for (const p of footnoteLabelProblems(root)) out.push(diag(file, p.position, 'body', p.message, p.fix));
    state.siteLinks = [];
    state.webLinks = [];
    for (const link of bodyLinks(root)) {
      const scheme = linkScheme(link.url);
      const markdown = link.via === 'link' || link.via === 'image' || link.via === 'definition';
      if (isDangerousUrl(link.url)) continue; // reported by checkBodySafety
      if (looksLikeRef(link.url)) {
        const r = parseRef(link.url);
        if (r.ok) bodyRefs.push({ ref: r.ref, position: link.position });
        else out.push(diag(file, link.position, 'body', `link ${quote(link.url)}: ${r.reason}`, r.fix));
      } else if (scheme !== undefined && !SAFE_SCHEMES.has(scheme)) {
        out.push(diag(file, link.position, 'body', `link ${quote(link.url)} uses the unknown scheme "${scheme}:"`, `link entries as <type>:<id> (types: ${ENTRY_TYPES.join(', ')}), or use an https:// address`));
      } else if (scheme !== undefined) {
        if (!URL.canParse(link.url)) out.push(diag(file, link.position, 'body', `link ${quote(link.url)} is not a valid address`, 'check the address: copy it from the browser\'s address bar'));
        else if (markdown && scheme !== 'mailto') state.webLinks.push({ url: link.url, position: link.position });
      } else if (link.url !== '') {
        // Read as the browser reads it: "//host" and "/\host" leave the site although they start with a slash.
        const read = markdown ? readSiteLink(link.url, link.via === 'image', link.position) : undefined;
        if (read && !read.ok) out.push(diag(file, link.position, 'body', read.message, read.fix));
        else if (!link.url.startsWith('/') && !link.url.startsWith('#')) out.push(diag(file, link.position, 'body', `relative link ${quote(link.url)} would break on the site`, 'link entries as <type>:<id>, or use a site path starting with /'));
        else if (read) state.siteLinks.push(read.link);
      }
    }
  }
  state.bodyRenders = root !== undefined && !out.some((d) => d.field === 'body' && d.severity === 'error');
  if (root) state.sentences = bodySentences(root);
  // Only a <q> or a blockquote can hold one: most bodies are not walked again.
  if (root && /<q\b|^[ \t]*>/m.test(text.slice(fm.bodyOffset))) state.quotes = bodyQuotes(file, root);
  state.bodyText = text.slice(scanFrom);

  if (yaml.problems.length > 0) return state;
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    out.push(diag(file, lines.at(fm.yamlOffset), '(frontmatter)', 'the frontmatter holds no fields', `write the fields as "name: value" lines; run npm run new -- ${type} "Title" for a skeleton`));
    return state;
  }
  const limits = checkFrontmatterLimits(yaml.data);
  for (const p of limits) out.push(diag(file, state.locateField(p.path, p.atKey), p.field ?? fieldPath(p.path), p.message, p.fix));
  if (limits.some((p) => p.overLimit)) return state;
  const schema = SCHEMAS[type];
  const parsed = schema.safeParse(yaml.data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      for (const t of describeIssue(type, issue, yaml.data)) {
        const pos = t.path.length === 0 ? TOP : state.locateField(t.path, t.atKey);
        out.push(diag(file, pos, fieldPath(t.path), t.message, t.fix));
      }
    }
    const failed = new Set(parsed.error.issues.map((i) => i.path[0]));
    const shape: Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }> = schema.shape;
    const partial: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(yaml.data)) {
      // Own keys only: a field named constructor or toString must not find Object.prototype's.
      const r = !failed.has(k) && Object.hasOwn(shape, k) ? shape[k].safeParse(v) : undefined;
      if (r?.success) partial[k] = r.data;
    }
    state.partial = { type, id: base, key: entryKey(type, base), file, digest, data: partial as EntryData[EntryType], title: base, summary: '', bodyRefs } as Entry;
    return state;
  }
  const data = parsed.data as EntryData[EntryType];
  if (root && PLACEHOLDER.test(text.slice(fm.bodyOffset).trim())) {
    out.push(diag(file, lines.at(fm.bodyOffset), 'body', 'the body still starts with the placeholder TODO', 'replace the paragraph with the entry\'s text, or delete it', 'warning'));
  }
  if (type === 'talk' && root) {
    const words = wordCount(root);
    if (words === 0) {
      out.push(diag(file, lines.at(fm.bodyOffset), 'body', 'the talk has no summary', `write what a practitioner learns from the talk, in our own words (${TALK_SUMMARY_WORDS.min}-${TALK_SUMMARY_WORDS.max} words)`));
      return state;
    }
    if (words < TALK_SUMMARY_WORDS.min || words > TALK_SUMMARY_WORDS.max) {
      out.push(diag(file, lines.at(fm.bodyOffset), 'body', `the summary has ${words} words`, `aim for ${TALK_SUMMARY_WORDS.min}-${TALK_SUMMARY_WORDS.max} words: what a practitioner learns, not a transcript`, 'warning'));
    }
  }
  if (base.length > MAX_ID_CHARS || !ID_PATTERN.test(base)) return state;
  // The schema of `type` accepted `data`: this is where an entry gets its type.
  state.entry = { type, id: base, key: entryKey(type, base), file, digest, data, title: titleOf(data), summary: summaryOf(type, data), bodyRefs } as Entry;
  return state;
}

