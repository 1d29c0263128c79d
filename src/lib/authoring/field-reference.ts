/**
 * The schemas as contributor documentation: every field of every entry type,
 * read from the input-side JSON Schema (`inputSchema`), so CONTRIBUTING.md and
 * the scaffolder (`npm run new`) never restate a field by hand. Also the lists
 * CONTRIBUTING.md prints from `TIMESTAMP_RULES`, `RELATION_MEANING` and the
 * validator's limits, and the
 * marker splice that `npm run docs:contributing` uses. Pure: no I/O, no clock.
 */
import * as z from 'zod';
import { ALLOWED_COMPONENTS, ALLOWED_ELEMENTS } from '../validator/body-safety.ts';
import { parseFullDate } from '../content-model/dates.ts';
import { ENTRY_TYPES, ID_PATTERN, TYPE_INFO, type EntryType } from '../content-model/entry-types.ts';
import { parseRef } from '../content-model/references.ts';
import { CHOOSABLE_RELATIONS, RELATION_MEANING } from '../content-model/relations.ts';
import { inputSchema, objectBranch, schemaAt, type JsonSchema } from '../content-model/schema-docs.ts';
import { SCHEMAS } from '../content-model/schemas/index.ts';
import { TIMESTAMP_RULES, parseTimestamp } from '../content-model/timestamps.ts';
import { flowYaml } from './yaml-writer.ts';
import { limitRules } from '../validator/limits.ts';

/** One field of an entry type, nested fields included. */
export interface FieldDoc {
  /** Printed path: `title`, `chapters[].at`, `levels[].mapsTo[].level`. */
  path: string;
  /** The same path for `schemaAt`, with 0 stepping into a list. */
  segments: (string | number)[];
  /** The field's own name (last segment). */
  name: string;
  /** How deep it is nested (0 for a top-level field). */
  depth: number;
  /** Input-side JSON Schema of the field. */
  schema: JsonSchema;
  /** Required within its parent (the entry, or one item of the list it sits in). */
  required: boolean;
  description?: string;
  /** The schema's examples; transforming fields keep them only on the output side, so both are read. */
  examples?: unknown[];
  /** A short name for what the field holds. */
  type: string;
}

const outputCache = new Map<EntryType, JsonSchema>();
/** The output-side JSON Schema: zod drops `examples` of transforming fields from the input side, not from this one. */
function outputSchema(type: EntryType): JsonSchema {
  let s = outputCache.get(type);
  if (!s) {
    s = z.toJSONSchema(SCHEMAS[type], { io: 'output', unrepresentable: 'any' }) as JsonSchema;
    outputCache.set(type, s);
  }
  return s;
}

/** The examples the schema gives for the field at `segments`, if any. */
export function examplesAt(type: EntryType, segments: readonly (string | number)[]): unknown[] | undefined {
  const input = schemaAt(inputSchema(type), segments)?.examples;
  if (input?.length) return input;
  const output = schemaAt(outputSchema(type), segments)?.examples;
  return output?.length ? output : undefined;
}

/** The list-item schema of an array field (also inside a union). */
export function itemsOf(s: JsonSchema): JsonSchema | undefined {
  return s.items ?? s.anyOf?.find((b) => b.items)?.items;
}

/** What kind of text a string field holds, judged from its constraints and its example. */
export type TextKind = 'text' | 'id' | 'reference' | 'time' | 'date' | 'value';

export function textKind(s: JsonSchema, example: unknown): TextKind {
  if (s.pattern === ID_PATTERN.source) return 'id';
  if (typeof example === 'string') {
    if (/^[a-z-]+:/.test(example) && parseRef(example).ok) return 'reference';
    if (parseTimestamp(example).ok) return 'time';
    if (parseFullDate(example).ok) return 'date';
  }
  if (s.minLength !== undefined) return 'text';
  return 'value';
}

const KIND_LABEL: Record<TextKind, string> = { text: 'text', id: 'id', reference: 'reference', time: 'time (m:ss)', date: 'date (YYYY-MM-DD)', value: 'text' };

/** A short, plain name for a field's type, as the field reference prints it. */
export function typeLabel(s: JsonSchema, example?: unknown): string {
  if (s.enum) return `one of ${s.enum.map((v) => String(v)).join(', ')}`;
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.anyOf) return [...new Set(s.anyOf.map((b) => typeLabel(b, example)))].join(' or ');
  if (s.type === 'array') {
    const items = itemsOf(s);
    if (!items) return 'list';
    if (objectBranch(items)) return 'list of objects';
    return `list of ${typeLabel(items, Array.isArray(example) ? example[0] : undefined)}`.replace(/^list of (id|reference)$/, 'list of $1s');
  }
  if (s.type === 'object') return 'object';
  if (s.type === 'integer') return 'whole number';
  if (s.type === 'number') return 'number';
  if (s.type === 'boolean') return 'true or false';
  if (s.type === 'string') return KIND_LABEL[textKind(s, example)];
  return 'value';
}

/** Every field of an entry type, parents before their nested fields, in schema order. */
export function fieldsOf(type: EntryType): FieldDoc[] {
  const out: FieldDoc[] = [];
  const walk = (node: JsonSchema, segments: (string | number)[], printed: string, depth: number) => {
    const obj = objectBranch(node);
    if (!obj?.properties) return;
    const required = new Set(obj.required ?? []);
    for (const [name, schema] of Object.entries(obj.properties)) {
      const segs = [...segments, name];
      const path = printed + name;
      const examples = examplesAt(type, segs);
      out.push({ path, segments: segs, name, depth, schema, required: required.has(name), description: schema.description, examples, type: typeLabel(schema, examples?.[0]) });
      const items = schema.type === 'array' || schema.anyOf ? itemsOf(schema) : undefined;
      if (items && objectBranch(items)) walk(items, [...segs, 0], `${path}[].`, depth + 1);
      else if (objectBranch(schema)) walk(schema, segs, `${path}.`, depth + 1);
    }
  };
  walk(inputSchema(type), [], '', 0);
  return out;
}

/** Escapes text for a Markdown table cell: pipes split cells, and <id> would be read as an HTML tag. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, ' ');
}

function requiredLabel(f: FieldDoc): string {
  const base = f.required ? '**required**' : 'optional';
  return f.schema.default !== undefined ? `${base}, default \`${String(f.schema.default)}\`` : base;
}

/** The field table of one entry type, as Markdown. */
export function fieldTable(type: EntryType): string {
  const rows = fieldsOf(type).map((f) => {
    const example = f.examples?.[0];
    // Inside a code span entities stay literal, so the example escapes pipes only.
    const shown = example === undefined ? '' : ` Example: \`${flowYaml(example).replace(/\|/g, '\\|')}\``;
    return `| ${'&nbsp;&nbsp;'.repeat(f.depth)}\`${f.path}\` | ${cell(f.type)} | ${requiredLabel(f)} | ${cell(f.description ?? '')}${shown} |`;
  });
  return ['| Field | Type | Required | Description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The whole field reference: one table per entry type. */
export function fieldReference(): string {
  const parts: string[] = [];
  for (const type of ENTRY_TYPES) {
    const info = TYPE_INFO[type];
    parts.push(`### ${info.label} fields (\`${type}\`, in \`content/${info.folder}/\`)`, '', fieldTable(type), '');
  }
  return parts.join('\n').trimEnd();
}

/** The timestamp rules as a Markdown list. */
export function timestampRules(): string {
  return TIMESTAMP_RULES.map((r) => `- ${r}`).join('\n');
}

/** The relations a contributor may choose in `related`, as a Markdown list. */
export function relationList(): string {
  return CHOOSABLE_RELATIONS.map((r) => `- \`${r}\`: ${RELATION_MEANING[r]}`).join('\n');
}

/** The components and HTML elements a body may use, with the attributes each takes. */
export function bodyElementList(): string {
  const tag = ([name, attrs]: [string, readonly string[]]) => `\`<${[name, ...attrs].join(' ')}>\``;
  return [
    `- Components: ${Object.entries(ALLOWED_COMPONENTS).map(tag).join(', ')}`,
    `- HTML elements: ${Object.entries(ALLOWED_ELEMENTS).map(tag).join(', ')}`,
  ].join('\n');
}

/** The limits every file is held to (src/lib/validator/limits.ts), as a Markdown list. */
export function limitList(): string {
  return limitRules().map((r) => `- ${r}`).join('\n');
}

/** The generated sections of CONTRIBUTING.md, by marker name. */
export const GENERATED_SECTIONS: Record<string, () => string> = {
  fields: fieldReference,
  timestamps: timestampRules,
  relations: relationList,
  body: bodyElementList,
  limits: limitList,
};

/**
 * Rewrites every generated section of `markdown` (the text between
 * `<!-- name:start -->` and `<!-- name:end -->`). Throws when a marker is
 * missing, so a deleted marker cannot silently stop the docs from updating.
 */
export function renderGeneratedSections(markdown: string): string {
  let out = markdown;
  for (const [name, render] of Object.entries(GENERATED_SECTIONS)) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const i = out.indexOf(start);
    const j = out.indexOf(end);
    if (i < 0 || j < i) throw new Error(`CONTRIBUTING.md lacks the markers ${start} … ${end}; put them back around the ${name} section`);
    out = `${out.slice(0, i + start.length)}\n${render()}\n${out.slice(j)}`;
  }
  return out;
}
