/**
 * npm run new -- <type> [title] [--flags]
 *
 * Writes a skeleton entry: the right file name, every required field of the
 * type with a placeholder (read from the schema, not from a list written
 * here), and every optional field commented out with its description. On a
 * terminal it asks for what it cannot guess; otherwise flags answer instead.
 * Whatever is still a placeholder, `npm run validate` reports with a fix.
 *
 * The core (`scaffold`, `checkValue`, `interview`, `run`) is pure or takes its
 * I/O as arguments, so tests call it directly; `main` wires it to the process.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type * as z from 'zod';
import { contentDir } from '../src/lib/settings.ts';
import { fieldPath } from '../src/lib/validator/diagnostics.ts';
import { ENTRY_TYPES, ID_PATTERN, TYPE_INFO, isEntryType, slugify, type EntryType } from '../src/lib/content-model/entry-types.ts';
import { examplesAt, fieldsOf, itemsOf, textKind, type FieldDoc } from '../src/lib/authoring/field-reference.ts';
import { flowYaml, yamlScalar } from '../src/lib/authoring/yaml-writer.ts';
import { describeIssue } from '../src/lib/validator/zod-messages.ts';
import { TALK_SUMMARY_WORDS } from '../src/lib/validator/validate-content.ts';
import { parseRef } from '../src/lib/content-model/references.ts';
import { closest, inputSchema, objectBranch, type JsonSchema } from '../src/lib/content-model/schema-docs.ts';
import { SCHEMAS } from '../src/lib/content-model/schemas/index.ts';

// ---------------------------------------------------------------------------
// The skeleton

/** Ids that exist in the content directory, per type: for hints and checks. */
export type KnownIds = Partial<Record<EntryType, readonly string[]>>;

export interface ScaffoldInput {
  type: EntryType;
  title: string;
  /** The id; defaults to the title slugified. */
  id?: string;
  /** Today's date (YYYY-MM-DD), for `added`. The caller reads the clock. */
  today: string;
  /** Values the contributor already gave, by top-level field. */
  values?: Record<string, unknown>;
  known?: KnownIds;
}

export interface Scaffold {
  id: string;
  /** Path of the new file relative to the content root: `myths/<id>.mdx`. */
  file: string;
  text: string;
}

/** The field that holds an entry's title: `title`, or `name` for people and topics. */
export function titleField(type: EntryType): string {
  return inputSchema(type).properties?.title ? 'title' : 'name';
}

/** The placeholder text written into free-text fields the contributor must replace. */
export const TODO = 'TODO';

/** The entry type a bare-id field or a reference points at, read from its example or description. */
function targetType(f: Pick<FieldDoc, 'description'>, example: unknown): EntryType | undefined {
  if (typeof example === 'string') {
    const r = parseRef(example);
    if (r.ok) return r.ref.type;
  }
  const d = (f.description ?? '').toLowerCase();
  const folder = /content\/([a-z-]+)\//.exec(d)?.[1];
  const byFolder = ENTRY_TYPES.find((t) => TYPE_INFO[t].folder === folder);
  return byFolder ?? ENTRY_TYPES.find((t) => new RegExp(`\\b${TYPE_INFO[t].label.toLowerCase()}\\b`).test(d));
}

/** A placeholder id that reads as an instruction and that the validator reports as missing. */
const pickId = (type: EntryType | undefined) => (type ? `pick-a-${type}` : 'pick-an-id');

/** What to write for a required scalar the contributor has not given, and the hint for its comment. */
function scalarPlaceholder(s: JsonSchema, example: unknown, doc: Pick<FieldDoc, 'name' | 'description'>, today: string): { value: unknown; target?: EntryType } {
  if (s.enum) return { value: '' };
  if (s.anyOf) {
    const branch = s.anyOf.find((b) => b.const === undefined) ?? s.anyOf[0];
    return scalarPlaceholder(branch, example, doc, today);
  }
  if (s.type === 'integer' || s.type === 'number') return { value: null };
  if (s.type !== 'string') return { value: null };
  switch (textKind(s, example)) {
    case 'text':
      return { value: TODO };
    case 'id': {
      const target = targetType(doc, undefined);
      return { value: pickId(target), target };
    }
    case 'reference': {
      const r = parseRef(String(example));
      if (!r.ok) return { value: '' };
      return { value: `${r.ref.type}:${pickId(r.ref.type)}${r.ref.at !== undefined ? '@0:00' : ''}`, target: r.ref.type };
    }
    case 'date':
      // The one date the scaffolder knows is today's; any other date is the contributor's to find.
      return { value: doc.name === 'added' ? today : '' };
    default:
      return { value: '' };
  }
}

/** A sample value for an optional field, shown commented out: the example, else a placeholder. */
function sample(s: JsonSchema, type: EntryType, segs: (string | number)[], today: string, description = s.description): unknown {
  const example = examplesAt(type, segs)?.[0];
  if (example !== undefined) return example;
  if (s.default !== undefined) return s.default;
  const items = s.type === 'array' || s.anyOf ? itemsOf(s) : undefined;
  if (items) return [sample(items, type, [...segs, 0], today, items.description ?? description)];
  const obj = objectBranch(s);
  if (obj?.properties) {
    return Object.fromEntries(Object.entries(obj.properties).map(([k, v]) => [k, sample(v, type, [...segs, k], today)]));
  }
  const name = String(segs.findLast((x) => typeof x === 'string'));
  const p = scalarPlaceholder(s, example, { name, description }, today).value;
  return p === null || p === '' ? (s.enum ? s.enum[0] : s.type === 'integer' ? 1 : TODO) : p;
}

/** Wraps a list of words into comment lines of at most `width` characters. */
function wrapComment(indent: string, lead: string, words: readonly string[], width = 100): string[] {
  const lines: string[] = [];
  let line = `${indent}# ${lead}`;
  for (const [i, w] of words.entries()) {
    const piece = (i === 0 ? '' : ', ') + w;
    if (line.length + piece.length > width && i > 0) {
      lines.push(line + ',');
      line = `${indent}#   ${w}`;
    } else line += piece;
  }
  lines.push(line);
  return lines;
}

/** The entry types a reference field accepts, as its description writes them (`talk:<id>… or reference:<id>`). */
function acceptedTypes(description: string | undefined, target: EntryType): EntryType[] {
  const named = [...(description ?? '').matchAll(/\b([a-z-]+):<id>/g)].map((m) => m[1]).filter(isEntryType);
  return [...new Set([target, ...named])];
}

/** The comment lines saying what to replace a placeholder with, listing the ids that exist. */
function idHint(indent: string, target: EntryType, placeholder: string, known: KnownIds | undefined, description?: string): string[] {
  const types = acceptedTypes(description, target);
  const isRef = placeholder.includes(':');
  const what = types
    .map((t) => (!isRef ? (t === 'topic' ? 'topic ids' : `a ${TYPE_INFO[t].label.toLowerCase()} id`) : t === target && placeholder.includes('@') ? `a ${t} moment (${t}:<id>@m:ss)` : `${t}:<id>`))
    .join(' or ');
  const lines = [`${indent}# Replace ${placeholder} with ${what}.`];
  for (const t of types) {
    const ids = known?.[t] ?? [];
    if (ids.length === 0) continue;
    const shown = ids.length > 40 ? [...ids.slice(0, 40), `… (${ids.length - 40} more)`] : ids;
    lines.push(...wrapComment(indent, `${TYPE_INFO[t].plural} (content/${TYPE_INFO[t].folder}/): `, shown));
  }
  return lines;
}

interface Emit {
  type: EntryType;
  today: string;
  known?: KnownIds;
  lines: string[];
}

/** Writes one field (and what it contains) as block YAML with comments. */
function emitField(e: Emit, name: string, s: JsonSchema, segs: (string | number)[], required: boolean, indent: string, given?: unknown, first = ''): void {
  if (first) {
    // The first field of a list item: its comments sit above the "- ", and its first line carries it.
    const start = e.lines.length;
    emitField(e, name, s, segs, required, indent, given);
    const dash = first.slice(0, first.indexOf('-'));
    for (let i = start; i < e.lines.length; i++) {
      if (e.lines[i].startsWith(`${indent}#`) && !e.lines[i].startsWith(`${indent}# ${name}:`)) e.lines[i] = dash + e.lines[i].slice(indent.length);
      else {
        e.lines[i] = first + e.lines[i].slice(indent.length);
        break;
      }
    }
    return;
  }
  const example = examplesAt(e.type, segs)?.[0];
  const desc = s.description ?? '';
  const childIndent = indent + '  ';
  if (!required && given === undefined) {
    const shown = flowYaml(sample(s, e.type, segs, e.today));
    e.lines.push(`${indent}# ${name}: ${shown}   # optional: ${desc}`.trimEnd());
    return;
  }
  // The example helps only where the value is still to be written.
  const placeholderIsValid = segs.length === 1 && given === undefined && (s.type !== 'array' && s.type !== 'object') && s.minLength === undefined && checkValue(e.type, name, scalarPlaceholder(s, example, { name, description: desc }, e.today).value, e.known ?? {}).ok;
  const exampleNote = example !== undefined && given === undefined && !placeholderIsValid ? ` Example: ${flowYaml(example)}` : '';
  const choices = s.enum && !s.enum.every((v) => desc.includes(String(v))) ? ` One of: ${s.enum.join(', ')}.` : '';
  e.lines.push(`${indent}# ${desc}${choices}${exampleNote}`.trimEnd());
  if (given !== undefined) {
    if (Array.isArray(given)) {
      if (given.every((g) => typeof g === 'string' && ID_PATTERN.test(g))) e.lines.push(`${indent}${name}: [${given.join(', ')}]`);
      else {
        e.lines.push(`${indent}${name}:`);
        for (const g of given) e.lines.push(`${childIndent}- ${typeof g === 'object' && g !== null ? flowYaml(g) : yamlScalar(g)}`);
      }
    } else e.lines.push(`${indent}${name}: ${yamlScalar(given)}`);
    return;
  }
  const items = s.type === 'array' ? itemsOf(s) : undefined;
  if (items) {
    const count = Math.max(1, s.minItems ?? 1);
    const obj = objectBranch(items);
    if (obj?.properties) {
      e.lines.push(`${indent}${name}:`);
      for (let i = 0; i < count; i++) emitObject(e, obj, [...segs, 0], childIndent + '  ', `${childIndent}- `);
      return;
    }
    const itemExample = Array.isArray(example) ? example[0] : undefined;
    const p = scalarPlaceholder(items, itemExample, { name, description: desc }, e.today);
    if (p.target) e.lines.push(...idHint(indent, p.target, String(p.value), e.known, desc));
    const values = Array.from({ length: count }, () => p.value);
    if (textKind(items, itemExample) === 'id') e.lines.push(`${indent}${name}: [${values.join(', ')}]`);
    else {
      e.lines.push(`${indent}${name}:`);
      for (const v of values) e.lines.push(`${childIndent}- ${yamlScalar(v)}`);
    }
    return;
  }
  const obj = s.type === 'object' ? objectBranch(s) : undefined;
  if (obj?.properties) {
    e.lines.push(`${indent}${name}:`);
    emitObject(e, obj, segs, childIndent);
    return;
  }
  const p = scalarPlaceholder(s, example, { name, description: desc }, e.today);
  if (p.target) e.lines.push(...idHint(indent, p.target, String(p.value), e.known, desc));
  e.lines.push(`${indent}${name}: ${yamlScalar(p.value)}`.trimEnd());
}

/** Writes the fields of an object; `first` prefixes its first written field (the "- " of a list item). */
function emitObject(e: Emit, obj: JsonSchema, segs: (string | number)[], indent: string, first = ''): void {
  const required = new Set(obj.required ?? []);
  const entries = Object.entries(obj.properties ?? {});
  // The "- " must sit on a field that is written, not on a commented-out one.
  const lead = entries.findIndex(([k]) => required.has(k));
  if (lead > 0) entries.unshift(...entries.splice(lead, 1));
  entries.forEach(([k, v], i) => emitField(e, k, v, [...segs, k], required.has(k), indent, undefined, i === 0 ? first : ''));
}

/** The short prompt that opens the body; it names what to write and how long. */
export function bodyPrompt(type: EntryType, id: string): string {
  const link = type === 'talk' ? `[7:57](talk:${id}@7:57)` : '[7:57](talk:some-talk@7:57)';
  const cite = `Link talk moments as \`${link}\` and other entries as \`[Feature Store](pattern:feature-store)\`.`;
  if (type === 'talk') {
    return `${TODO}: Replace this paragraph with a summary of the talk in our own words: what a practitioner learns from it, in ${TALK_SUMMARY_WORDS.min}-${TALK_SUMMARY_WORDS.max} words, not a transcript. ${cite} Quote sparingly and attribute every quote.`;
  }
  return `${TODO}: Replace this paragraph with what a reader should know about this ${TYPE_INFO[type].label.toLowerCase()} beyond the fields above, in our own words and citing where it comes from. ${cite} A short body is fine.`;
}

/** The skeleton of a new entry: pure, so every type can be checked against its schema. */
export function scaffold(input: ScaffoldInput): Scaffold {
  const { type, title, today, known } = input;
  const id = input.id ?? slugify(title);
  const schema = inputSchema(type);
  const values: Record<string, unknown> = { ...input.values, [titleField(type)]: title };
  const e: Emit = { type, today, known, lines: [] };
  const info = TYPE_INFO[type];
  e.lines.push(
    '---',
    `# A new ${info.label.toLowerCase()}: ${info.blurb}`,
    `# Replace every ${TODO} and every pick-a-… id, then run: npm run validate`,
    '# Lines starting with # are comments. Optional fields are commented out: delete the "# " in front to use one.',
    '# Every field is described in CONTRIBUTING.md, under "Field reference".',
  );
  const required = new Set(schema.required ?? []);
  for (const [name, s] of Object.entries(schema.properties ?? {})) {
    e.lines.push('');
    emitField(e, name, s, [name], required.has(name), '', values[name]);
  }
  e.lines.push('---', bodyPrompt(type, id), '');
  return { id, file: `${info.folder}/${id}.mdx`, text: e.lines.join('\n') };
}

// ---------------------------------------------------------------------------
// Checking what the contributor gives, with the validator's own parsers and words

export type Check = { ok: true; value: unknown } | { ok: false; message: string; fix: string };

/** Field docs of the top-level fields of a type, by name. */
function topFields(type: EntryType): Map<string, FieldDoc> {
  return new Map(fieldsOf(type).filter((f) => f.depth === 0).map((f) => [f.name, f]));
}

/** The entries a value points at: `[type, id]` pairs. */
function pointsAt(type: EntryType, field: string, value: unknown): [EntryType, string][] {
  const f = topFields(type).get(field);
  if (!f) return [];
  const items = f.schema.type === 'array' ? itemsOf(f.schema) : undefined;
  const bareIds = items ? textKind(items, undefined) === 'id' : textKind(f.schema, undefined) === 'id';
  const target = bareIds ? targetType(f, undefined) : undefined;
  const out: [EntryType, string][] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(visit);
    else if (typeof v === 'string') {
      if (target) out.push([target, v]);
      else if (/^[a-z-]+:/.test(v)) {
        const r = parseRef(v);
        if (r.ok) out.push([r.ref.type, r.ref.id]);
      }
    }
  };
  visit(value);
  return out;
}

/**
 * Checks one top-level field's value as the validator would: the schema's own
 * parse (parseRef, parseTimestamp, id patterns…) and, when `known` is given,
 * that what it points at exists. Messages are the validator's.
 */
export function checkValue(type: EntryType, field: string, value: unknown, known?: KnownIds): Check {
  const shape = (SCHEMAS[type] as unknown as { shape: Record<string, { safeParse(v: unknown, o?: object): { success: boolean; error?: { issues: z.core.$ZodIssue[] } } }> }).shape;
  const fieldSchema = shape[field];
  if (!fieldSchema) return { ok: false, message: `a ${TYPE_INFO[type].label.toLowerCase()} has no field "${field}"`, fix: `the fields are ${Object.keys(shape).join(', ')}` };
  const r = fieldSchema.safeParse(value, { reportInput: true });
  if (!r.success) {
    const issue = r.error!.issues[0];
    const [t] = describeIssue(type, { ...issue, path: [field, ...issue.path] } as typeof issue, { [field]: value });
    const where = t.path.length > 1 ? `${fieldPath(t.path)}: ` : '';
    return { ok: false, message: where + t.message, fix: t.fix };
  }
  if (known) {
    for (const [t, id] of pointsAt(type, field, value)) {
      const ids = known[t] ?? [];
      if (ids.includes(id)) continue;
      const guess = closest(id, ids);
      const info = TYPE_INFO[t];
      return {
        ok: false,
        message: `"${id}" points at no ${info.label.toLowerCase()}: there is no ${info.folder}/${id}.mdx`,
        fix: guess ? `did you mean ${guess}?` : t === 'topic' ? `use a topic from content/topics/ (a tag that is not a topic is an error), or add content/topics/${id}.mdx first` : `check the id, or add content/${info.folder}/${id}.mdx first`,
      };
    }
  }
  return { ok: true, value };
}

/** Turns the text of a flag or an answer into the field's value: lists split on commas. */
export function valueFromText(type: EntryType, field: string, texts: readonly string[]): unknown {
  const f = topFields(type).get(field);
  const s = f?.schema;
  if (s?.type === 'array') return texts.flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
  const text = texts.at(-1)!.trim();
  if ((s?.type === 'integer' || s?.type === 'number') && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

// ---------------------------------------------------------------------------
// The questions asked on a terminal

/** A required top-level field that points at other entries: what the interview asks for. */
export function keyReferenceFields(type: EntryType): FieldDoc[] {
  return fieldsOf(type).filter((f) => {
    if (f.depth !== 0 || !f.required) return false;
    const example = f.examples?.[0];
    const items = f.schema.type === 'array' ? itemsOf(f.schema) : undefined;
    if (items) {
      const obj = objectBranch(items);
      if (obj) return Object.entries(obj.properties ?? {}).some(([k, v]) => obj.required?.includes(k) && textKind(v, examplesAt(type, [f.name, 0, k])?.[0]) === 'reference');
      return ['id', 'reference'].includes(textKind(items, Array.isArray(example) ? example[0] : undefined));
    }
    return textKind(f.schema, example) === 'reference';
  });
}

/** Resolves what the contributor typed as a type: a type, its folder or its label; else a suggestion. */
export function resolveType(word: string): { type: EntryType } | { suggestion?: EntryType } {
  const w = word.trim().toLowerCase();
  if (isEntryType(w)) return { type: w };
  const names = new Map<string, EntryType>();
  for (const t of ENTRY_TYPES) {
    names.set(t, t);
    names.set(TYPE_INFO[t].folder, t);
    names.set(slugify(TYPE_INFO[t].label), t);
    names.set(slugify(TYPE_INFO[t].plural), t);
  }
  // The folder or the label names the type just as well: `myths`, `war-stories`, `people`.
  const exact = names.get(slugify(w));
  if (exact) return { type: exact };
  const guess = closest(w, [...names.keys()]);
  return { suggestion: guess ? names.get(guess) : undefined };
}

export interface Io {
  ask(question: string): Promise<string>;
  say(text: string): void;
}

export interface Answers {
  type: EntryType;
  title: string;
  values: Record<string, unknown>;
}

/** Asks which type of entry to add until the answer is one (a name, a folder, a label or a number). */
export async function askType(io: Io): Promise<EntryType> {
  io.say('What do you want to add?');
  ENTRY_TYPES.forEach((t, i) => io.say(`  ${i + 1}. ${t.padEnd(10)} ${TYPE_INFO[t].blurb}`));
  for (;;) {
    const a = (await io.ask('Type (name or number): ')).trim();
    const n = Number(a);
    if (a !== '' && Number.isInteger(n) && n >= 1 && n <= ENTRY_TYPES.length) return ENTRY_TYPES[n - 1];
    const r = resolveType(a);
    if ('type' in r) return r.type;
    io.say(`  "${a}" is not an entry type.${r.suggestion ? ` Did you mean ${r.suggestion}?` : ''} Type one of ${ENTRY_TYPES.join(', ')}, or its number.`);
  }
}

/**
 * Asks for what flags did not give: the title (again if its file exists) and
 * the key references, re-asking until each answer parses and points at an
 * entry that exists. Enter leaves a reference for later (the placeholder).
 */
export async function interview(io: Io, type: EntryType, given: { title?: string; id?: string; values: Record<string, unknown> }, ctx: { known: KnownIds }): Promise<Answers> {
  const exists = (id: string) => (ctx.known[type] ?? []).includes(id);
  const tf = titleField(type);
  const tdoc = topFields(type).get(tf)!;
  let title = given.title;
  if (title !== undefined && exists(given.id ?? slugify(title))) {
    io.say(`content/${TYPE_INFO[type].folder}/${given.id ?? slugify(title)}.mdx already exists: choose another title, or edit that file.`);
    title = undefined;
  }
  while (title === undefined) {
    const ex = tdoc.examples?.[0];
    const a = (await io.ask(`${tf === 'title' ? 'Title' : 'Name'} of the ${TYPE_INFO[type].label.toLowerCase()} (${tdoc.description}${ex !== undefined ? ` For example: ${ex}` : ''}): `)).trim();
    const c = checkValue(type, tf, a);
    const id = slugify(a);
    if (!c.ok) io.say(`  ${tf} ${c.message}; ${c.fix}`);
    else if (!ID_PATTERN.test(id)) io.say('  the title needs letters or digits to make an id from; write it in words');
    else if (exists(id)) io.say(`  content/${TYPE_INFO[type].folder}/${id}.mdx already exists: choose another title, or edit that file`);
    else {
      title = a;
      io.say(`  → content/${TYPE_INFO[type].folder}/${id}.mdx`);
    }
  }
  const values = { ...given.values };
  let lastRef: string | undefined;
  for (const f of keyReferenceFields(type)) {
    if (values[f.name] !== undefined) {
      lastRef ??= firstRefText(values[f.name]);
      continue;
    }
    const example = f.examples?.[0];
    const isList = f.schema.type === 'array';
    io.say('');
    io.say(`${f.name}: ${f.description}`);
    if (example !== undefined) io.say(`  For example: ${isList && Array.isArray(example) ? example.join(', ') : String(example)}${isList ? ' (several: separate them with commas)' : ''}`);
    const target = targetType(f, isList && Array.isArray(example) ? example[0] : example);
    const ids = target ? ctx.known[target] ?? [] : [];
    if (target && ids.length) for (const line of wrapComment('', `Existing ${TYPE_INFO[target].plural.toLowerCase()}: `, ids)) io.say(`  ${line.slice(2)}`);
    const fallback = isList && f.name === 'sources' ? lastRef : undefined;
    for (;;) {
      const a = (await io.ask(`${f.name}${fallback ? ` [${fallback}]` : ''} (Enter to ${fallback ? 'accept' : 'fill in later'}): `)).trim();
      const text = a || fallback;
      if (!text) break;
      const value = valueFromText(type, f.name, [text]);
      const c = checkValue(type, f.name, value, ctx.known);
      if (c.ok) {
        values[f.name] = value;
        lastRef ??= firstRefText(value);
        break;
      }
      io.say(`  ${c.message}`);
      io.say(`  fix: ${c.fix}`);
    }
  }
  return { type, title, values };
}

function firstRefText(v: unknown): string | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && /^talk:/.test(s) ? s : undefined;
}

// ---------------------------------------------------------------------------
// The command

/** A mistake in how the command was called: what is wrong (the message) and how to fix it. */
export class UsageError extends Error {
  readonly fix: string;
  constructor(message: string, fix: string) {
    super(message);
    this.fix = fix;
  }
}

export const USAGE = `Usage: npm run new -- <type> ["Title"] [options]

Writes a skeleton entry under content/<folder>/<id>.mdx with every required
field. On a terminal it asks for what is missing; otherwise options answer.

Types: ${ENTRY_TYPES.join(', ')}

Options:
  --title "..."          the title (or name, for a person or topic); same as the second argument
  --id some-id           the file name, when the slug of the title is too long
  --topics a,b           topic ids (see content/topics/)
  --source talk:<id>@m:ss  a source; repeat it for several (also --sources a,b)
  --stated-in talk:<id>@m:ss   for a myth: the moment the myth is stated
  --told-in talk:<id>@m:ss     for a war story: where it is told
  --<field> value        any other top-level field, written in kebab-case
  --content <dir>        content root (default: KB_CONTENT_DIR or content)
  --dry-run              print the file instead of writing it
  -h, --help             this text

Example:
  npm run new -- myth "Models do not need monitoring" --stated-in talk:principles-of-good-ml-systems-design@15:08 \\
    --source talk:principles-of-good-ml-systems-design@15:08 --topics monitoring`;

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Every top-level field of every type, as a flag name → field name. */
function fieldFlags(): Map<string, string> {
  const flags = new Map<string, string>();
  for (const t of ENTRY_TYPES) {
    for (const name of Object.keys(inputSchema(t).properties ?? {})) {
      flags.set(kebab(name), name);
      if (inputSchema(t).properties![name].type === 'array' && name.endsWith('s')) flags.set(kebab(name.slice(0, -1)), name);
    }
  }
  for (const own of ['title', 'name', 'id', 'content', 'dry-run', 'help']) flags.delete(own);
  return flags;
}

export interface Plan {
  type?: EntryType;
  title?: string;
  id?: string;
  /** Field flags as typed, by field: turned into values once the type is known. */
  texts: Map<string, string[]>;
  contentRoot: string;
  dryRun: boolean;
  help: boolean;
}

/** Reads the command line; throws UsageError with what is wrong and how to fix it. */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv = {}): Plan {
  const flags = fieldFlags();
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    title: { type: 'string' },
    name: { type: 'string' },
    id: { type: 'string' },
    content: { type: 'string' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const f of flags.keys()) options[f] = { type: 'string', multiple: true };
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    const msg = (error as Error).message.split('\n')[0];
    const flag = /'(--?[\w-]+)/.exec(msg)?.[1];
    const guess = flag ? closest(flag.replace(/^-+/, ''), [...Object.keys(options)]) : undefined;
    throw new UsageError(msg.replace(/\. To specify.*$/, ''), guess ? `did you mean --${guess}? See npm run new -- --help` : 'see npm run new -- --help for the options');
  }
  const { values: v, positionals } = parsed;
  const plan: Plan = { texts: new Map(), contentRoot: (v.content as string | undefined) ?? contentDir(env), dryRun: Boolean(v['dry-run']), help: Boolean(v.help) };
  if (plan.help) return plan;
  const [typeWord, ...rest] = positionals;
  if (typeWord !== undefined) {
    const r = resolveType(typeWord);
    if (!('type' in r)) {
      const title = rest.length ? JSON.stringify(rest.join(' ')) : '"Title"';
      throw new UsageError(`"${typeWord}" is not an entry type`, r.suggestion ? `did you mean ${r.suggestion}? Run: npm run new -- ${r.suggestion} ${title}` : `use one of ${ENTRY_TYPES.join(', ')}: npm run new -- myth ${title}`);
    }
    plan.type = r.type;
  }
  const title = (v.title as string | undefined) ?? (v.name as string | undefined) ?? (rest.length ? rest.join(' ') : undefined);
  if (title !== undefined) {
    if (title.trim() === '') throw new UsageError('the title is empty', 'write the title in quotes: npm run new -- myth "Models do not need monitoring"');
    plan.title = title.trim();
  }
  if (v.id !== undefined) {
    if (!ID_PATTERN.test(v.id as string)) throw new UsageError(`"${v.id}" is not an id`, `ids are lowercase words joined by hyphens, like ${slugify(String(v.id)) || 'feature-store'}`);
    plan.id = v.id as string;
  }
  for (const [flag, field] of flags) {
    const texts = v[flag] as string[] | undefined;
    if (texts) plan.texts.set(field, [...(plan.texts.get(field) ?? []), ...texts]);
  }
  return plan;
}

/** The field values the flags give, for a type; throws UsageError for a field the type lacks or a value it rejects. */
export function valuesFromFlags(type: EntryType, texts: ReadonlyMap<string, string[]>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const fields = Object.keys(inputSchema(type).properties ?? {});
  for (const [field, t] of texts) {
    if (!fields.includes(field)) {
      throw new UsageError(`--${kebab(field)}: a ${TYPE_INFO[type].label.toLowerCase()} has no field ${field}`, `remove it; the fields of a ${type} are ${fields.join(', ')}`);
    }
    const value = valueFromText(type, field, t);
    const c = checkValue(type, field, value);
    if (!c.ok) throw new UsageError(`--${kebab(field)}: ${c.message}`, c.fix);
    values[field] = value;
  }
  return values;
}

/** Ids of the entries under a content root, per type (any depth, as the validator reads them). */
export function knownIds(contentRoot: string): KnownIds {
  const out: KnownIds = {};
  for (const t of ENTRY_TYPES) {
    const dir = path.join(contentRoot, TYPE_INFO[t].folder);
    let files: string[] = [];
    try {
      files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
    } catch {
      files = [];
    }
    out[t] = files.filter((f) => f.endsWith('.mdx') && !path.basename(f).startsWith('.')).map((f) => path.basename(f, '.mdx')).sort();
  }
  return out;
}

/** Today in the contributor's time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export interface RunResult {
  code: number;
  /** The file written, if one was. */
  file?: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Today's date; the command reads the clock when it is not given. */
  today?: string;
  /** Who answers questions; undefined when nobody can (not a terminal), so what is missing is an error. */
  io?: Io;
  out?: (s: string) => void;
  err?: (s: string) => void;
}

/** The whole command, with its I/O passed in. Exit code 0, or 2 for a mistake in how it was called. */
export async function run(argv: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const out = opts.out ?? ((s: string) => process.stdout.write(s + '\n'));
  const err = opts.err ?? ((s: string) => process.stderr.write(s + '\n'));
  const cwd = opts.cwd ?? process.cwd();
  const env = opts.env ?? process.env;
  const fail = (e: UsageError): RunResult => {
    err(`error: ${e.message}\n  fix: ${e.fix}`);
    return { code: 2 };
  };
  try {
    const plan = parseCommandLine(argv, env);
    if (plan.help) {
      out(USAGE);
      return { code: 0 };
    }
    const root = path.resolve(cwd, plan.contentRoot);
    const known = knownIds(root);
    const shownRoot = path.relative(cwd, root) || '.';

    let type = plan.type;
    if (!type) {
      if (!opts.io) throw new UsageError('no entry type given', `name one: npm run new -- <type> "Title", where <type> is one of ${ENTRY_TYPES.join(', ')}`);
      type = await askType(opts.io);
    }
    let values = valuesFromFlags(type, plan.texts);
    let title = plan.title;
    if (opts.io) ({ title, values } = await interview(opts.io, type, { title, id: plan.id, values }, { known }));
    if (title === undefined) {
      const what = (inputSchema(type).properties?.[titleField(type)]?.description ?? '').replace(/\.$/, '').toLowerCase();
      throw new UsageError(`no title given for the ${TYPE_INFO[type].label.toLowerCase()}`, `add it in quotes after the type: npm run new -- ${type} "Title"${what ? ` (${what})` : ''}`);
    }
    const id = plan.id ?? slugify(title);
    if (!ID_PATTERN.test(id)) throw new UsageError(`"${title}" gives no usable id`, 'write the title in words (letters or digits), or pass --id some-id');
    const rel = path.join(TYPE_INFO[type].folder, `${id}.mdx`);
    const file = path.join(root, rel);
    const shown = path.join(shownRoot, rel);
    if ((known[type] ?? []).includes(id) || existsSync(file)) {
      throw new UsageError(`${shown} already exists: there is already a ${TYPE_INFO[type].label.toLowerCase()} with the id "${id}"`, `edit that file, or give the new ${type} another title (or --id another-id)`);
    }
    // Flags that point at entries not (yet) there: the file is still written, and the validator keeps reporting it.
    if (!opts.io) {
      for (const [field, value] of Object.entries(values)) {
        const c = checkValue(type, field, value, known);
        if (!c.ok) err(`warning: --${kebab(field)}: ${c.message}\n  fix: ${c.fix}`);
      }
    }
    const s = scaffold({ type, title, id, today: opts.today ?? localToday(), values, known });
    if (plan.dryRun) {
      out(s.text);
      return { code: 0 };
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, s.text, { flag: 'wx' });
    const validate = plan.contentRoot === contentDir(env) ? 'npm run validate' : `npm run validate -- --content ${plan.contentRoot}`;
    out(`Wrote ${shown}`);
    out('Next:');
    out(`  1. Open it and replace every ${TODO} and every pick-a-… placeholder. The # lines above each field say what`);
    out('     it holds; optional fields are commented out: delete the "# " in front of one to use it.');
    out(`  2. Run ${validate}: it lists each remaining problem as file:line:column, the field, and how to fix it.`);
    out('  3. Run npm start to see the page, then open a pull request.');
    return { code: 0, file };
  } catch (e) {
    if (e instanceof UsageError) return fail(e);
    throw e;
  }
}

async function main(): Promise<void> {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  let rl: ReturnType<typeof createInterface> | undefined;
  let io: Io | undefined;
  if (interactive) {
    rl = createInterface({ input: process.stdin, output: process.stdout });
    const r = rl;
    io = { ask: (q) => r.question(q), say: (t) => console.log(t) };
    r.on('SIGINT', () => {
      console.log('\ncancelled; nothing was written');
      process.exit(130);
    });
  }
  try {
    const result = await run(process.argv.slice(2), { io });
    process.exitCode = result.code;
  } catch (error) {
    // Ctrl-D (end of input) while a question is open.
    if ((error as { code?: string }).code !== 'ABORT_ERR') throw error;
    console.log('\ncancelled; nothing was written');
    process.exitCode = 130;
  } finally {
    rl?.close();
  }
}

if (import.meta.main) await main();
