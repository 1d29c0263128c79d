/**
 * Loads and validates the whole knowledge base: every file against its
 * schema, then every reference and timestamp across files. The validator
 * script and the Astro content loader both call `loadKnowledgeBase`, so the
 * build fails on exactly the errors `npm run validate` prints.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { bodyLinks, parseBody, wordCount, type MdNode } from './mdx-body.ts';
import { checkBodySafety, isDangerousUrl } from './body-safety.ts';
import { fieldPath, type Diagnostic } from './diagnostics.ts';
import { ENTRY_TYPES, ID_PATTERN, TYPE_INFO, entryKey, slugify, typeOfFolder, type EntryKey, type EntryType } from '../content-model/entry-types.ts';
import { buildGraph, edgesOf, type BodyRef, type Entry, type Graph } from '../content-model/link-graph.ts';
import { describeIssue } from './zod-messages.ts';
import { formatRef, linkScheme, looksLikeRef, parseRef } from '../content-model/references.ts';
import { SCHEMAS, type EntryData } from '../content-model/schemas/index.ts';
import { levelAnchor } from '../content-model/schemas/maturity.ts';
import { LineIndex, decodeEntry, locate, parseYaml, splitFrontmatter, type Position } from './entry-file.ts';
import { checkMoment, formatClock } from '../content-model/timestamps.ts';
import { closest } from '../content-model/schema-docs.ts';

/** How many words a talk summary should have; outside this range is a warning. */
export const TALK_SUMMARY_WORDS = { min: 150, max: 400 } as const;

export interface LoadOptions {
  /** Project root; file paths in diagnostics are relative to it. */
  root: string;
  /** Content directory, relative to the root or absolute. */
  contentDir: string;
}

export interface KnowledgeBase {
  entries: Entry[];
  graph: Graph;
  diagnostics: Diagnostic[];
  /** Entry files looked at, valid or not. */
  fileCount: number;
  /** The decoded text of each valid entry (BOM dropped, LF line ends), for rendering its body. */
  texts: Map<EntryKey, string>;
}

interface FileState {
  type: EntryType;
  id: string;
  file: string;
  /** Set when the file parsed and matched its schema. */
  entry?: Entry;
  /** The fields that are valid on their own, when the file as a whole is not; their references are still checked. */
  partial?: Entry;
  locateField?: (path: readonly PropertyKey[], atKey?: boolean) => Position;
  text?: string;
}

const posix = (p: string) => p.split(path.sep).join('/');

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

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    let items;
    try {
      items = await readdir(d, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && d === dir) return;
      throw error;
    }
    for (const item of items) {
      if (item.name.startsWith('.')) continue;
      const full = path.join(d, item.name);
      if (item.isDirectory()) await walk(full);
      else out.push(full);
    }
  };
  await walk(dir);
  return out.sort();
}

function diag(file: string, pos: Position, field: string, message: string, fix: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { severity, file, line: pos.line, column: pos.column, field, message, fix };
}

const TOP: Position = { line: 1, column: 1 };
const PLACEHOLDER = /^TODO\b/;
const BARE_ID_FIELD = /^(topics|toldBy|references)\[\d+\]$|\.person$|^broader$/;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Every string in parsed YAML, with its path. */
function stringsIn(value: unknown, path: (string | number)[] = []): Array<[(string | number)[], string]> {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsIn(v, [...path, k]));
  return [];
}

/** Checks one entry file on its own; cross-file checks come later. */
export function checkFile(file: string, type: EntryType, bytes: Uint8Array, out: Diagnostic[]): FileState {
  const base = path.posix.basename(file, '.mdx');
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const state: FileState = { type, id: base, file };
  if (!ID_PATTERN.test(base)) {
    const suggestion = slugify(base) || 'a-name';
    out.push(diag(file, TOP, 'file', `file name "${base}.mdx" is not an id`, `rename it to ${suggestion}.mdx: ids are lowercase words joined by hyphens`));
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
    out.push(diag(file, at(p.offset), '(frontmatter)', `invalid YAML: ${p.message}`, 'check the indentation and quoting here; text containing ": " or starting with a special character needs quotes'));
  }
  state.locateField = (p, atKey = false) => at(locate(yaml.doc(), p, { key: atKey }));

  const body = parseBody(text);
  let root: MdNode | undefined;
  if (!body.ok) {
    out.push(diag(file, body.position, 'body', `the body is not valid MDX: ${body.message}`, 'write plain Markdown; "<" and "{" must be escaped as \\< and \\{ in text'));
  } else {
    root = body.root;
    for (const p of checkBodySafety(root)) out.push(diag(file, p.position, 'body', p.message, p.fix));
  }
  const bodyRefs: BodyRef[] = [];
  if (root) {
    for (const link of bodyLinks(root)) {
      const scheme = linkScheme(link.url);
      if (isDangerousUrl(link.url)) continue; // reported by checkBodySafety
      if (looksLikeRef(link.url)) {
        const r = parseRef(link.url);
        if (r.ok) bodyRefs.push({ ref: r.ref, position: link.position });
        else out.push(diag(file, link.position, 'body', `link "${link.url}": ${r.reason}`, r.fix));
      } else if (scheme !== undefined && !SAFE_SCHEMES.has(scheme)) {
        out.push(diag(file, link.position, 'body', `link "${link.url}" uses the unknown scheme "${scheme}:"`, `link entries as <type>:<id> (types: ${ENTRY_TYPES.join(', ')}), or use an https:// address`));
      } else if (scheme === undefined && !link.url.startsWith('/') && !link.url.startsWith('#') && link.url !== '') {
        out.push(diag(file, link.position, 'body', `relative link "${link.url}" would break on the site`, 'link entries as <type>:<id>, or use a site path starting with /'));
      }
    }
  }

  if (yaml.problems.length > 0) return state;
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    out.push(diag(file, lines.at(fm.yamlOffset), '(frontmatter)', 'the frontmatter holds no fields', `write the fields as "name: value" lines; run npm run new -- ${type} "Title" for a skeleton`));
    return state;
  }
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
      const r = !failed.has(k) && shape[k] ? shape[k].safeParse(v) : undefined;
      if (r?.success) partial[k] = r.data;
    }
    state.partial = { type, id: base, key: entryKey(type, base), file, digest, data: partial as EntryData[EntryType], title: base, summary: '', bodyRefs } as Entry;
    return state;
  }
  const data = parsed.data as EntryData[EntryType];
  // The scaffolder writes TODO where only the contributor can know the answer; one left behind is not content.
  for (const [p, value] of stringsIn(yaml.data)) {
    if (PLACEHOLDER.test(value)) out.push(diag(file, state.locateField(p), fieldPath(p), `still holds the placeholder "${value.slice(0, 40)}"`, 'replace it with the real text', 'warning'));
  }
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
  if (!ID_PATTERN.test(base)) return state;
  // The schema of `type` accepted `data`: this is where an entry gets its type.
  state.entry = { type, id: base, key: entryKey(type, base), file, digest, data, title: titleOf(data), summary: summaryOf(type, data), bodyRefs } as Entry;
  return state;
}

/** Loads every entry under the content directory and checks it all; never throws on bad content. */
export async function loadKnowledgeBase(opts: LoadOptions): Promise<KnowledgeBase> {
  const contentRoot = path.resolve(opts.root, opts.contentDir);
  const diagnostics: Diagnostic[] = [];
  const files = await listFiles(contentRoot);
  const states: FileState[] = [];
  let fileCount = 0;

  // One file at a time, synchronously: for thousands of small files this is
  // faster than promise-per-file reads and never nears an open-file limit.
  for (const full of files) {
    const file = posix(path.relative(opts.root, full));
    const rel = posix(path.relative(contentRoot, full));
    const folder = rel.split('/')[0];
    if (!rel.includes('/')) {
      if (rel === 'README.md') continue;
      diagnostics.push(diag(file, TOP, 'file', 'entries live in a folder per type, not at the top of the content directory', `move it into one of ${ENTRY_TYPES.map((t) => TYPE_INFO[t].folder + '/').join(', ')}`));
      continue;
    }
    const type = typeOfFolder(folder);
    if (!type) {
      const guess = closest(folder, ENTRY_TYPES.map((t) => TYPE_INFO[t].folder));
      diagnostics.push(diag(file, TOP, 'file', `"${folder}/" is not an entry type folder`, guess ? `did you mean ${guess}/? Move the file there.` : `move it into one of ${ENTRY_TYPES.map((t) => TYPE_INFO[t].folder + '/').join(', ')}`));
      continue;
    }
    if (!full.endsWith('.mdx')) {
      const fix = full.endsWith('.md') ? `rename it to ${path.basename(full, '.md')}.mdx` : 'entries are .mdx files; keep other files out of content/';
      diagnostics.push(diag(file, TOP, 'file', `"${path.basename(full)}" is not an .mdx entry`, fix));
      continue;
    }
    fileCount++;
    const local: Diagnostic[] = [];
    states.push(checkFile(file, type, readFileSync(full), local));
    diagnostics.push(...local);
  }
  states.sort((a, b) => a.file.localeCompare(b.file));

  // Ids: one file per id and type. Every file that exists counts, valid or not,
  // so a reference to a broken entry is not also reported as missing.
  const present = new Map<EntryKey, FileState>();
  for (const s of states) {
    const key = entryKey(s.type, s.id);
    const first = present.get(key);
    if (first) {
      diagnostics.push(diag(s.file, TOP, 'file', `the id "${s.id}" is already used by ${first.file}`, `rename one of the two files; each ${TYPE_INFO[s.type].label.toLowerCase()} needs its own id`));
    } else {
      present.set(key, s);
    }
  }

  const entries = states.flatMap((s) => (s.entry && present.get(s.entry.key) === s ? [s.entry] : []));
  const byKey = new Map(entries.map((e) => [e.key, e]));
  checkRedirects(states, present, diagnostics);
  checkTopicCycles(entries, present, diagnostics);
  checkEdges(states, byKey, present, diagnostics);

  const texts = new Map(entries.map((e) => [e.key, present.get(e.key)!.text!] as const));
  return { entries, graph: buildGraph(entries), diagnostics, fileCount, texts };
}

function checkRedirects(states: FileState[], present: Map<EntryKey, FileState>, out: Diagnostic[]): void {
  const claimed = new Map<EntryKey, FileState>();
  for (const s of states) {
    const old = s.entry?.data.redirectFrom ?? [];
    old.forEach((oldId, i) => {
      const key = entryKey(s.type, oldId);
      const pos = () => s.locateField!(['redirectFrom', i]);
      const owner = present.get(key);
      if (owner) {
        out.push(diag(s.file, pos(), `redirectFrom[${i}]`, `"${oldId}" is the id of ${owner === s ? 'this entry' : owner.file}, so it cannot redirect here`, owner === s ? 'remove it from redirectFrom' : 'remove it from redirectFrom, or rename the other entry'));
      } else if (claimed.has(key)) {
        out.push(diag(s.file, pos(), `redirectFrom[${i}]`, `"${oldId}" already redirects to ${claimed.get(key)!.file}`, 'an old id can redirect to one entry only; remove it from one of them'));
      } else {
        claimed.set(key, s);
      }
    });
  }
}

function checkEdges(states: FileState[], byKey: Map<EntryKey, Entry>, present: Map<EntryKey, FileState>, out: Diagnostic[]): void {
  const topics = [...byKey.values()].filter((e): e is Entry<'topic'> => e.type === 'topic');
  for (const state of states) {
    const entry = state.entry ?? state.partial;
    if (!entry || present.get(entry.key) !== state) continue;
    for (const edge of edgesOf(entry)) {
      const where = (): Position => edge.position ?? state.locateField!(pathOf(edge.field));
      const [type, id] = splitKey(edge.to);
      // Fields that take one type hold a bare id; echo them as written.
      const refText = BARE_ID_FIELD.test(edge.field) ? id : formatRef({ type, id, at: edge.at, fragment: edge.fragment });
      if (!present.has(edge.to)) {
        let fix = `use a ${TYPE_INFO[type].label.toLowerCase()} id from content/${TYPE_INFO[type].folder}/, or add the ${TYPE_INFO[type].label.toLowerCase()} first: npm run new -- ${type} "Title"`;
        const guess = closest(id, [...present.keys()].filter((k) => k.startsWith(`${type}:`)).map((k) => k.slice(type.length + 1)));
        if (type === 'topic') {
          const byAlias = topics.find((t) => [t.data.name, ...(t.data.aliases ?? [])].some((a) => slugify(a) === id));
          if (byAlias) fix = `"${id}" is another name for the topic ${byAlias.id}; write ${byAlias.id}`;
          else if (guess) fix = `did you mean ${guess}?`;
          else fix = `use a topic from content/topics/ (a tag that is not a topic is an error), or add content/topics/${id}.mdx first`;
        } else if (guess) {
          fix = `did you mean ${type}:${guess}?`;
        }
        out.push(diag(entry.file, where(), edge.field, `${edge.field === 'body' ? `link "${refText}"` : `"${refText}"`} points at no ${TYPE_INFO[type].label.toLowerCase()}: there is no ${TYPE_INFO[type].folder}/${id}.mdx`, fix));
        continue;
      }
      const target = byKey.get(edge.to);
      if (!target) continue; // exists but is invalid: its own errors say why
      // What a talk's page says (its abstract, a bio) has no moment: a locator naming that part is the citation.
      if (edge.at === undefined && target.type === 'talk' && edge.relation === 'cites' && target.data.chapters?.length && edge.locator === undefined) {
        out.push(diag(entry.file, where(), edge.field, `cites the whole talk "${refText}", which has chapter times`, `cite the moment the claim comes from: ${refText}@m:ss; for what the talk's page says (its abstract, a bio), add a locator naming that part: { ref: ${refText}, locator: abstract }`, 'warning'));
      }
      if (edge.at !== undefined) {
        const talk = target as Entry<'talk'>;
        const hasTimes = (talk.data.chapters?.length ?? 0) > 0 || talk.data.duration !== null;
        const problem = hasTimes ? checkMoment(edge.at, talk.data.duration) : `talk:${id} has no chapter times and no duration, so no moment in it can be checked`;
        if (problem) {
          out.push(diag(entry.file, where(), edge.field, `"${refText}": ${problem}`, hasTimes ? `check the time against the recording${talk.data.duration !== null ? ` (it runs ${formatClock(talk.data.duration)})` : ''}` : `cite the whole talk as talk:${id}`));
        }
      }
      if (edge.fragment && target.type === 'maturity') {
        const anchors = (target as Entry<'maturity'>).data.levels.map((l) => levelAnchor(l.ordinal));
        if (!anchors.includes(edge.fragment)) {
          out.push(diag(entry.file, where(), edge.field, `"${refText}": ${target.title} has no #${edge.fragment}`, `use one of ${anchors.map((a) => `#${a}`).join(', ')}`));
        }
      }
      if (edge.relation === 'maps-to' && (entry.type !== 'maturity' || target.type !== 'maturity')) {
        out.push(diag(entry.file, where(), edge.field, 'maps-to links one maturity model\'s level to another\'s', 'use it between maturity entries only, or choose another relation'));
      }
      // A talk may point at its own moments; any other link to itself is a slip.
      if (edge.to === entry.key && edge.at === undefined) {
        out.push(diag(entry.file, where(), edge.field, `"${refText}" points at the entry itself`, 'point at another entry'));
      }
    }
  }
}

/** A topic's chain of broader topics must end; a loop would make "part of" meaningless. */
function checkTopicCycles(entries: Entry[], present: Map<EntryKey, FileState>, out: Diagnostic[]): void {
  const broader = new Map<string, string>();
  for (const e of entries) if (e.type === 'topic' && (e as Entry<'topic'>).data.broader) broader.set(e.id, (e as Entry<'topic'>).data.broader!.id);
  const reported = new Set<string>();
  for (const start of [...broader.keys()].sort()) {
    const chain = [start];
    let at = broader.get(start);
    while (at !== undefined && !chain.includes(at)) {
      chain.push(at);
      at = broader.get(at);
    }
    if (at !== start || reported.has(start)) continue;
    chain.forEach((id) => reported.add(id));
    const state = present.get(entryKey('topic', start))!;
    out.push(diag(state.file, state.locateField!(['broader']), 'broader', `the broader topics loop back here: ${[...chain, start].join(' → ')}`, 'a topic cannot sit under itself; remove broader from one topic in the loop'));
  }
}

function splitKey(key: EntryKey): [EntryType, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i) as EntryType, key.slice(i + 1)];
}

/** `sources[0].ref` back to `['sources', 0, 'ref']`. */
function pathOf(field: string): (string | number)[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}
