/**
 * What a contributor gives for an entry (a flag, an answer, a value from an
 * importer), read into field values and checked as the validator checks
 * them: the schema's own parsers, the validator's words, and whether what a
 * value points at exists among the entries under the content root. Shared by
 * the scaffolder's flags, its questions and its skeleton.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type * as z from 'zod';
import { ENTRY_TYPES, TYPE_INFO, isEntryType, slugify, type EntryType } from '../content-model/entry-types.ts';
import { parseRef } from '../content-model/references.ts';
import { closest, inputSchema } from '../content-model/schema-docs.ts';
import { SCHEMAS } from '../content-model/schemas/index.ts';
import { fieldPath } from '../validator/diagnostics.ts';
import { describeIssue } from '../validator/zod-messages.ts';
import { fieldsOf, itemsOf, textKind, type FieldDoc } from './field-reference.ts';

/** Ids that exist in the content directory, per type: for hints and checks. */
export type KnownIds = Partial<Record<EntryType, readonly string[]>>;

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

/** The field that holds an entry's title: `title`, or `name` for people and topics. */
export function titleField(type: EntryType): string {
  return inputSchema(type).properties?.title ? 'title' : 'name';
}

/** The entry type a bare-id field or a reference points at, read from its example or description. */
export function targetType(f: Pick<FieldDoc, 'description'>, example: unknown): EntryType | undefined {
  if (typeof example === 'string') {
    const r = parseRef(example);
    if (r.ok) return r.ref.type;
  }
  const d = (f.description ?? '').toLowerCase();
  const folder = /content\/([a-z-]+)\//.exec(d)?.[1];
  const byFolder = ENTRY_TYPES.find((t) => TYPE_INFO[t].folder === folder);
  return byFolder ?? ENTRY_TYPES.find((t) => new RegExp(`\\b${TYPE_INFO[t].label.toLowerCase()}\\b`).test(d));
}

export type Check = { ok: true; value: unknown } | { ok: false; message: string; fix: string };

/** Field docs of the top-level fields of a type, by name. */
export function topFields(type: EntryType): Map<string, FieldDoc> {
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
  const fieldSchema = Object.hasOwn(shape, field) ? shape[field] : undefined;
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
