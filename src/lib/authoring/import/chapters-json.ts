/**
 * Podcasting 2.0 chapters (https://github.com/Podcastindex-org/podcast-namespace/blob/main/chapters/jsonChapters.md):
 * `{ "version": "1.2.0", "chapters": [{ "startTime": 0, "title": "Intro" }, …] }`,
 * the form podcast hosts publish and the site exports as /talks/<id>/chapters.json.
 *
 * Parsed with jsonc-parser (VS Code's, strict JSON here), which gives every
 * value's offset, so a problem points at the chapter's line; JSON.parse says
 * where only for some mistakes ("Unexpected token '}'" carries no position).
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { clockSlug, formatTimestamp } from '../../content-model/timestamps.ts';
import { LineIndex } from '../../validator/entry-file.ts';
import { checkChapterOrder, emptyReading, type Reading } from './reading.ts';

const SYNTAX: Record<string, string> = {
  InvalidSymbol: 'is not JSON here (strings and names take double quotes; true, false and null are lowercase)',
  InvalidNumberFormat: 'is not a number JSON can read',
  PropertyNameExpected: 'needs a name in double quotes (or a comma too many ends the object)',
  ValueExpected: 'needs a value (or a comma too many ends the list)',
  ColonExpected: 'needs a ":" between the name and the value',
  CommaExpected: 'needs a "," before the next item',
  CloseBraceExpected: 'needs a "}" to close the object',
  CloseBracketExpected: 'needs a "]" to close the list',
  EndOfFileExpected: 'is more text after the JSON has ended',
  InvalidCommentToken: 'is a comment, which JSON does not allow',
  UnexpectedEndOfComment: 'is a comment, which JSON does not allow',
  UnexpectedEndOfString: 'is a string that is never closed',
  UnexpectedEndOfNumber: 'is a number cut short',
  InvalidUnicode: 'is a \\u escape without four hex digits',
  InvalidEscapeCharacter: 'is a backslash escape JSON does not know',
  InvalidCharacter: 'is a string holding a tab or line break; write it as \\t or \\n',
};

const prop = (node: Node, name: string): Node | undefined => node.children?.find((p) => p.children?.[0]?.value === name)?.children?.[1];

export function readChaptersJson(text: string): Reading {
  const r = emptyReading('Podcasting 2.0 chapters (JSON)');
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) {
    const e = errors[0];
    const at = lines.at(e.offset);
    const what = text.slice(e.offset, e.offset + Math.min(e.length, 20)) || 'the end';
    r.problems.push({ ...at, field: 'json', message: `${what === 'the end' ? 'the JSON ends too soon: it' : `"${what}"`} ${SYNTAX[printParseErrorCode(e.error)] ?? 'is not valid JSON'}`, fix: 'correct the JSON (a JSON linter shows the same place), or paste the chapters as lines like 0:00 Intro' });
    return r;
  }
  const list = root?.type === 'object' ? prop(root, 'chapters') : undefined;
  if (!root || root.type !== 'object' || list?.type !== 'array') {
    r.problems.push({ line: 1, column: 1, field: 'json', message: 'this JSON holds no "chapters" list', fix: 'import Podcasting 2.0 chapters: { "version": "1.2.0", "chapters": [{ "startTime": 0, "title": "Intro" }] }' });
    return r;
  }
  const hidden: number[] = [];
  for (const [i, c] of (list.children ?? []).entries()) {
    const at = lines.at(c.offset);
    const where = { ...at, field: `chapters[${i}]` };
    if (c.type !== 'object') {
      r.problems.push({ ...where, message: 'is not an object', fix: 'write each chapter as { "startTime": 0, "title": "Intro" }' });
      continue;
    }
    if (prop(c, 'toc')?.value === false) {
      hidden.push(at.line);
      continue;
    }
    const start = prop(c, 'startTime');
    const title = prop(c, 'title');
    if (start?.type !== 'number' || !Number.isFinite(start.value) || start.value < 0) {
      r.problems.push({ ...(start ? lines.at(start.offset) : at), field: `chapters[${i}].startTime`, message: start ? `${text.slice(start.offset, start.offset + start.length)} is not a start time in seconds` : 'has no startTime', fix: 'give the chapter\'s start in seconds from the beginning, as a number: "startTime": 176' });
      continue;
    }
    if (title?.type !== 'string' || (title.value as string).trim() === '') {
      r.problems.push({ ...(title ? lines.at(title.offset) : at), field: `chapters[${i}].title`, message: title ? 'is not a title' : `the chapter at ${formatTimestamp(Math.floor(start.value as number))} has no title`, fix: 'give the chapter a "title", or mark it "toc": false if it is not meant to be listed' });
      continue;
    }
    // Whole seconds, as players show them; a fraction of a second is dropped, never rounded up.
    r.chapters.push({ at: Math.floor(start.value as number), title: (title.value as string).replace(/\s+/g, ' ').trim(), line: at.line });
  }
  // The site's own export links each chapter to its moment page, /talks/<id>/at/<mm-ss>/: its titles are ours.
  const pages = (list.children ?? []).map((c) => /\/talks\/([a-z0-9-]+)\/at\/([\d-]+)\/$/.exec(String((c.type === 'object' && prop(c, 'url')?.value) || '')));
  if (r.problems.length === 0 && r.chapters.length > 0 && pages.length === r.chapters.length && pages.every((m, i) => m && m[1] === pages[0]![1] && m[2] === clockSlug(r.chapters[i].at))) {
    r.ourWords = true;
    r.format = `the site's own chapters.json (talk ${pages[0]![1]})`;
  }
  if (hidden.length > 0) r.notes.push(`${hidden.length} chapter${hidden.length === 1 ? '' : 's'} marked "toc": false left out (line${hidden.length === 1 ? '' : 's'} ${hidden.join(', ')})`);
  r.problems.push(...checkChapterOrder(r.chapters));
  return r;
}
