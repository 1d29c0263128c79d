/**
 * The parsed frontmatter's size, checked before the schema sees it: how many
 * values it holds once YAML aliases are expanded (a 460-byte file of nested
 * aliases stands for billions), how long its lists, texts and field names are,
 * and what characters its values hold (a YAML escape such as "\r" writes a
 * character the file itself does not contain, and "<b>" is markup in a feed). One walk, without recursion,
 * that stops at MAX_FRONTMATTER_VALUES; an aliased list is counted every time
 * it is used, which is what every later step would walk.
 */
import { forbiddenCharacters, tagLike } from './characters.ts';
import { MAX_FIELD_NAME_CHARS, MAX_FRONTMATTER_VALUES, MAX_LIST_ITEMS, MAX_TEXT_CHARS } from './limits.ts';

export interface FrontmatterProblem {
  path: (string | number)[];
  /** The field as the report names it, when the path is too long to print. */
  field?: string;
  /** Point at the key rather than its value. */
  atKey: boolean;
  message: string;
  fix: string;
  /** A size limit: the schema is not run, so nothing quotes or walks the oversized value. */
  overLimit: boolean;
}

const n = (x: number) => x.toLocaleString('en-GB');

export function checkFrontmatterLimits(data: unknown): FrontmatterProblem[] {
  const problems: FrontmatterProblem[] = [];
  const stack: Array<[unknown, (string | number)[]]> = [[data, []]];
  let values = 0;
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (++values > MAX_FRONTMATTER_VALUES) {
      problems.push({ path: [], atKey: false, overLimit: true, message: `holds more than ${n(MAX_FRONTMATTER_VALUES)} values, counting what each YAML alias (*name) repeats every time it is used`, fix: 'write the values out instead of repeating them through aliases; an entry needs a few hundred at most' });
      break;
    }
    if (typeof value === 'string') {
      if (value.length > MAX_TEXT_CHARS) {
        problems.push({ path, atKey: false, overLimit: true, message: `is ${n(value.length)} characters long; a text value may have at most ${n(MAX_TEXT_CHARS)}`, fix: 'shorten it: longer text belongs in the body' });
        continue;
      }
      const bad = forbiddenCharacters(value) ?? tagLike(value);
      if (bad) problems.push({ path, atKey: false, overLimit: false, message: bad.message, fix: bad.fix });
    } else if (Array.isArray(value)) {
      if (value.length > MAX_LIST_ITEMS) {
        problems.push({ path, atKey: false, overLimit: true, message: `has ${n(value.length)} items; a list may have at most ${MAX_LIST_ITEMS}`, fix: 'keep the items that matter most, or split the entry into several' });
        continue;
      }
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], [...path, i]]);
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        if (key.length > MAX_FIELD_NAME_CHARS) {
          problems.push({ path: [...path, key], field: `${[...path, ''].join('.')}${key.slice(0, 20)}…`, atKey: true, overLimit: true, message: `a field name of ${n(key.length)} characters; field names have at most ${MAX_FIELD_NAME_CHARS}`, fix: 'use one of the fields listed in CONTRIBUTING.md' });
          continue;
        }
        const bad = forbiddenCharacters(key);
        if (bad) problems.push({ path: [...path, key], atKey: true, overLimit: false, message: `the field name ${bad.message}`, fix: bad.fix });
        stack.push([(value as Record<string, unknown>)[key], [...path, key]]);
      }
    }
  }
  return problems;
}
