/**
 * The skeleton of a new entry: the right file name, every required field of
 * the type with a placeholder (read from the schema, not from a list written
 * here), every optional field commented out with its description, and the
 * values the contributor already gave. Pure (the caller passes today's date
 * and the ids that exist), so every type can be checked against its schema.
 */
import { ID_PATTERN, TYPE_INFO, isEntryType, slugify, type EntryType } from '../content-model/entry-types.ts';
import { parseRef } from '../content-model/references.ts';
import { inputSchema, objectBranch, type JsonSchema } from '../content-model/schema-docs.ts';
import { TALK_SUMMARY_WORDS } from '../validator/validate-content.ts';
import { checkValue, targetType, titleField, type KnownIds } from './entry-values.ts';
import { examplesAt, itemsOf, textKind, type FieldDoc } from './field-reference.ts';
import { flowYaml, yamlScalar } from './yaml-writer.ts';

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
  /** Comment lines to add above a written top-level field, after its description (the importer says where a value came from). */
  notes?: Record<string, readonly string[]>;
  /** The body, instead of the prompt `bodyPrompt` writes. */
  body?: string;
}

export interface Scaffold {
  id: string;
  /** Path of the new file relative to the content root: `myths/<id>.mdx`. */
  file: string;
  text: string;
}

/** The placeholder text written into free-text fields the contributor must replace. */
export const TODO = 'TODO';

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
export function wrapComment(indent: string, lead: string, words: readonly string[], width = 100): string[] {
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

/** Prose as comment lines of at most `width` characters; line breaks in it become spaces, so it cannot leave the comment. */
export function proseComment(indent: string, text: string, width = 100): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[\s\u2028\u2029]+/).filter(Boolean)) {
    if (line && indent.length + 2 + line.length + 1 + word.length > width) {
      lines.push(`${indent}# ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(`${indent}# ${line}`);
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
  notes?: Record<string, readonly string[]>;
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
  if (segs.length === 1) for (const note of e.notes?.[name] ?? []) e.lines.push(...proseComment(indent, note));
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
  const { type, title, today, known, notes } = input;
  const id = input.id ?? slugify(title);
  const schema = inputSchema(type);
  const values: Record<string, unknown> = { ...input.values, [titleField(type)]: title };
  const e: Emit = { type, today, known, notes, lines: [] };
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
  e.lines.push('---', input.body ?? bodyPrompt(type, id), '');
  return { id, file: `${info.folder}/${id}.mdx`, text: e.lines.join('\n') };
}
