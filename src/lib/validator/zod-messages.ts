/**
 * Turns zod issues into diagnostics: the field, what is wrong, how to fix it.
 * Schemas write their own messages as `what\nfix`; for zod's built-in checks
 * the text is written here, with the field's own description as the hint.
 */
import type * as z from 'zod';
import { closest, inputSchema, objectBranch, schemaAt, typeName } from '../content-model/schema-docs.ts';
import type { EntryType } from '../content-model/entry-types.ts';
import { quote } from '../content-model/quote.ts';

export interface IssueText {
  /** Path of the field the message is about (for unknown keys, the key itself). */
  path: PropertyKey[];
  /** True when the position should be the key rather than its value. */
  atKey: boolean;
  message: string;
  fix: string;
}

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

function kindOf(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

const expectedText: Record<string, { what: string; fix: string }> = {
  string: { what: 'text', fix: 'write it as text; put it in quotes if it starts with a special character' },
  number: { what: 'a number', fix: 'write a number without quotes' },
  int: { what: 'a whole number', fix: 'write a whole number without quotes' },
  array: { what: 'a list', fix: 'write a list, one item per line, each starting with "- "' },
  object: { what: 'a set of fields', fix: 'write the fields indented under the key' },
  boolean: { what: 'true or false', fix: 'write true or false' },
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const seg of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[seg] : undefined;
  return v;
}

/** The message(s) for one zod issue on an entry of `type`, whose raw frontmatter is `data`. */
export function describeIssue(type: EntryType, issue: z.core.$ZodIssue, data: unknown): IssueText[] {
  const path = [...issue.path];
  if (issue.message.includes('\n')) {
    const [message, fix] = issue.message.split('\n', 2);
    return [{ path, atKey: false, message, fix }];
  }
  const root = inputSchema(type);
  const field = schemaAt(root, path);
  const key = path.at(-1);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) {
        const doc = field?.description ? ` (${field.description})` : '';
        const example = field?.examples?.[0];
        const shown = example === undefined ? '...' : typeof example === 'string' ? example : JSON.stringify(example);
        return [{ path, atKey: false, message: 'is required but missing', fix: `add ${String(key)}: ${shown}${doc}` }];
      }
      const exp = expectedText[issue.expected] ?? { what: issue.expected, fix: `write ${article(issue.expected)}` };
      return [{ path, atKey: false, message: `should be ${exp.what}, not ${kindOf(issue.input)}`, fix: exp.fix }];
    }
    case 'unrecognized_keys': {
      const allowed = Object.keys(objectBranch(field)?.properties ?? {});
      const here = valueAt(data, path);
      const written = new Set(here !== null && typeof here === 'object' ? Object.keys(here) : []);
      return issue.keys.map((k) => {
        const guess = closest(k, allowed);
        let fix = `remove it; the fields here are ${allowed.join(', ')}`;
        if (guess && !written.has(guess)) fix = `did you mean "${guess}"? Rename it.`;
        else if (guess) fix = `remove it: it looks like "${guess}", which is already set`;
        return { path: [...path, k], atKey: true, message: `unknown field ${quote(k)}`, fix };
      });
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const guess = closest(String(issue.input), values);
      return [{
        path,
        atKey: false,
        message: `${JSON.stringify(issue.input)} is not one of the allowed values`,
        fix: `${guess ? `did you mean "${guess}"? ` : ''}use one of ${values.join(', ')}`,
      }];
    }
    case 'too_small':
      if (issue.origin === 'array') return [{ path, atKey: false, message: `needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`, fix: `add ${field?.description ? `items (${field.description})` : 'more items'}` }];
      return [{ path, atKey: false, message: `is too small (at least ${issue.minimum})`, fix: 'use a larger value' }];
    case 'too_big':
      return [{ path, atKey: false, message: `is too long (at most ${issue.maximum}${issue.origin === 'string' ? ' characters' : ''})`, fix: 'shorten it' }];
    case 'invalid_union':
      return [{ path, atKey: false, message: 'does not match any accepted form', fix: field ? `write ${typeName(field)}${field.description ? ` (${field.description})` : ''}` : 'see CONTRIBUTING.md for the field\'s form' }];
    default:
      return [{ path, atKey: false, message: issue.message, fix: field?.description ? `expected: ${field.description}` : 'see CONTRIBUTING.md for the field\'s form' }];
  }
}
