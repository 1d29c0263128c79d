/**
 * The parsed frontmatter's size, checked before the schema sees it: how many
 * values it holds once YAML aliases are expanded (a 460-byte file of nested
 * aliases stands for billions), how long its lists, texts and field names are,
 * and what characters its values hold (a YAML escape such as "\r" writes a
 * character the file itself does not contain, and "<b>" is markup in a
 * feed). One walk, which stops at MAX_FRONTMATTER_VALUES, or where only
 * aliases could nest so deep; an aliased list is counted every time it is
 * used, which is what every later step would walk.
 */
import { forbiddenCharacters, tagLike } from './characters.ts';
import { MAX_FIELD_NAME_CHARS, MAX_FRONTMATTER_DEPTH, MAX_FRONTMATTER_VALUES, MAX_LIST_ITEMS, MAX_TEXT_CHARS } from './limits.ts';

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
  // One path, extended and shortened as the walk goes: nothing is allocated per value.
  const path: (string | number)[] = [];
  let values = 0;
  let stopped = false;
  const stop = (message: string, fix: string) => {
    problems.push({ path: [], atKey: false, overLimit: true, message, fix });
    stopped = true;
  };
  const visit = (value: unknown): void => {
    if (stopped) return;
    if (++values > MAX_FRONTMATTER_VALUES) {
      return stop(`holds more than ${n(MAX_FRONTMATTER_VALUES)} values, counting what each YAML alias (*name) repeats every time it is used`, 'write the values out instead of repeating them through aliases; an entry needs a few hundred at most');
    }
    // The parser allows MAX_FRONTMATTER_DEPTH levels; only aliases go deeper, and an alias inside the list it names goes on for ever.
    if (path.length > 2 * MAX_FRONTMATTER_DEPTH) {
      return stop(`its YAML aliases (*name) nest lists and fields more than ${2 * MAX_FRONTMATTER_DEPTH} levels deep`, 'write the values out instead of through aliases; an alias cannot stand inside the list or fields it names');
    }
    if (typeof value === 'string') {
      if (value.length > MAX_TEXT_CHARS) {
        problems.push({ path: [...path], atKey: false, overLimit: true, message: `is ${n(value.length)} characters long; a text value may have at most ${n(MAX_TEXT_CHARS)}`, fix: 'shorten it: longer text belongs in the body' });
        return;
      }
      const bad = forbiddenCharacters(value, true) ?? tagLike(value);
      if (bad) problems.push({ path: [...path], atKey: false, overLimit: false, message: bad.message, fix: bad.fix });
    } else if (Array.isArray(value)) {
      if (value.length > MAX_LIST_ITEMS) {
        problems.push({ path: [...path], atKey: false, overLimit: true, message: `has ${n(value.length)} items; a list may have at most ${MAX_LIST_ITEMS}`, fix: 'keep the items that matter most, or split the entry into several' });
        return;
      }
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        path.push(key);
        if (key.length > MAX_FIELD_NAME_CHARS) {
          problems.push({ path: [...path], field: `${[...path.slice(0, -1), ''].join('.')}${key.slice(0, 20)}…`, atKey: true, overLimit: true, message: `a field name of ${n(key.length)} characters; field names have at most ${MAX_FIELD_NAME_CHARS}`, fix: 'use one of the fields listed in CONTRIBUTING.md' });
        } else {
          const bad = forbiddenCharacters(key, true);
          if (bad) problems.push({ path: [...path], atKey: true, overLimit: false, message: `the field name ${bad.message}`, fix: bad.fix });
          visit((value as Record<string, unknown>)[key]);
        }
        path.pop();
      }
    }
  };
  visit(data);
  return problems;
}
