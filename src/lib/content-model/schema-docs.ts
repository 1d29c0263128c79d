/**
 * The schemas seen as documentation: the JSON Schema of what a contributor
 * writes (zod's input side). Error hints, the scaffolder and the field
 * reference in CONTRIBUTING.md all read it, so none of them restates a field.
 */
import * as z from 'zod';
import type { EntryType } from './entry-types.ts';
import { SCHEMAS } from './schemas/index.ts';

export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  examples?: unknown[];
  default?: unknown;
  minItems?: number;
  minLength?: number;
  pattern?: string;
  additionalProperties?: boolean | JsonSchema;
}

const cache = new Map<EntryType, JsonSchema>();

/** The input-side JSON Schema of an entry type. */
export function inputSchema(type: EntryType): JsonSchema {
  let s = cache.get(type);
  if (!s) {
    s = z.toJSONSchema(SCHEMAS[type], {
      io: 'input',
      unrepresentable: 'any',
      // zod leaves a transforming field's examples on its output side; a contributor writes the input.
      override: (ctx) => {
        const meta = z.globalRegistry.get(ctx.zodSchema);
        if (meta?.examples && ctx.jsonSchema.examples === undefined) ctx.jsonSchema.examples = meta.examples as unknown[];
      },
    }) as JsonSchema;
    cache.set(type, s);
  }
  return s;
}

/** The object branch of a schema that may be a union of a shorthand and an object. */
export function objectBranch(s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s) return undefined;
  if (s.properties) return s;
  return s.anyOf?.find((b) => b.properties);
}

/** The schema of the field at `path` (numbers step into lists), if there is one. */
export function schemaAt(root: JsonSchema, path: readonly PropertyKey[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (typeof seg === 'number') node = node.items ?? node.anyOf?.find((b) => b.items)?.items;
    else node = objectBranch(node)?.properties?.[String(seg)];
  }
  return node;
}

/** A short name for a field's type, as the docs print it. */
export function typeName(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.anyOf) return [...new Set(s.anyOf.map(typeName))].join(' or ');
  if (s.type === 'array') return `list of ${s.items ? typeName(s.items) : 'values'}`;
  if (s.type === 'object') return 'object';
  if (s.type === 'integer') return 'whole number';
  return Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'value');
}

/**
 * Levenshtein distance of `a` and `b` if it is at most `max`, else `max + 1`.
 * Only the band of cells within `max` of the diagonal can hold such a
 * distance, and a row whose every cell exceeds `max` ends the count: the work
 * is length × max, not length × length. Against 5,000 ids of 100
 * characters: an id of 100,000 characters takes 3 ms (the full table, about
 * 40 minutes), one of 100 characters 0.1 s (the full table, 1.1 s).
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const far = max + 1;
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur: number[] = new Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(b.length, i + max);
    cur[lo - 1] = lo === 1 ? i : far;
    let rowMin = cur[lo - 1];
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < b.length) cur[hi + 1] = far;
    if (rowMin > max) return far;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length], far);
}

/** The closest of `options` to `word` (case aside), if it is close enough to be a likely typo; the first of equals wins. */
export function closest(word: string, options: readonly string[]): string | undefined {
  const a = word.toLowerCase();
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const o of options) {
    if (Math.abs(o.length - a.length) >= bestD) continue;
    const d = editDistance(a, o.toLowerCase(), bestD - 1);
    if (d < bestD) [best, bestD] = [o, d];
  }
  return best;
}
