/**
 * The size of a body, in the measures that make parsing or rendering it slow
 * or make it overflow the stack, each checked before the work it bounds.
 * Measured on Sätteri 0.10 (the parser and renderer): the time for character
 * references and for the quotation marks, apostrophes and "..." the renderer
 * turns typographic grows with the square of their number in one run of text
 * (5,000 references in a paragraph: 0.9 s to parse; 20,000: 9 s; 4,000
 * apostrophes: 1.7 s to render; 16,000: the renderer fails), and 5,000
 * nested quotes overflow the renderer's stack. Limits: limits.ts.
 */
import type { Position } from './entry-file.ts';
import { MAX_BODY_DEPTH, MAX_BODY_LINKS, MAX_CHARACTER_REFERENCES, MAX_TYPOGRAPHIC_MARKS } from './limits.ts';
import { positionOf, type MdNode } from './mdx-body.ts';

export interface BodyLimitProblem {
  position: Position;
  message: string;
  fix: string;
}

const CHARACTER_REFERENCE = /&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/g;

/** The offset of the first character reference over the limit in `body`, before anything parses it. */
export function tooManyCharacterReferences(body: string): { offset: number; message: string; fix: string } | undefined {
  CHARACTER_REFERENCE.lastIndex = 0;
  let count = 0;
  for (let m = CHARACTER_REFERENCE.exec(body); m; m = CHARACTER_REFERENCE.exec(body)) {
    if (++count > MAX_CHARACTER_REFERENCES) {
      return {
        offset: m.index,
        message: `has more than ${MAX_CHARACTER_REFERENCES.toLocaleString('en-GB')} character references (&amp;, &#8217; and the like); this is the first over the limit`,
        fix: 'type the characters themselves: the file is UTF-8, so ’, é and & need no reference',
      };
    }
  }
  return undefined;
}

const MARKS = /["']|\.\.\./g;

/**
 * The parsed body's nesting, the typographic marks in each run of text and the
 * number of links. Nesting is measured first, with a stack of its own: a body
 * too deep is reported once and nothing else walks it.
 */
export function checkBodyShape(root: MdNode): { problems: BodyLimitProblem[]; tooDeep: boolean; tooManyLinks: boolean } {
  const problems: BodyLimitProblem[] = [];
  const stack: Array<[MdNode, number]> = [[root, 0]];
  let links = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_BODY_DEPTH) {
      problems.push({ position: positionOf(node), message: `nests more than ${MAX_BODY_DEPTH} levels deep here (lists, quotes, emphasis and elements inside each other)`, fix: 'flatten the structure: a reader cannot follow this many levels either' });
      return { problems, tooDeep: true, tooManyLinks: false };
    }
    if (node.type === 'text' && node.value) {
      const marks = node.value.match(MARKS)?.length ?? 0;
      if (marks > MAX_TYPOGRAPHIC_MARKS) {
        problems.push({ position: positionOf(node), message: `this run of text has ${marks.toLocaleString('en-GB')} straight quotation marks, apostrophes and "..."; at most ${MAX_TYPOGRAPHIC_MARKS}`, fix: 'split the paragraph, or type ’ “ ” and … themselves: the site makes straight ones typographic, and the work grows with the square of their number' });
      }
    }
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && ++links === MAX_BODY_LINKS + 1) {
      problems.push({ position: positionOf(node), message: `has more than ${MAX_BODY_LINKS} links and images; this is the first over the limit`, fix: 'keep the links that matter most, or split the entry into several' });
    }
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], depth + 1]);
  }
  return { problems, tooDeep: false, tooManyLinks: links > MAX_BODY_LINKS };
}
