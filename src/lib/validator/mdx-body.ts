/**
 * Parses an entry's MDX with Sätteri, the parser that renders it, so the
 * validator sees links, components and expressions exactly as the build does.
 */
import { mdxToMdast, type MdastNode } from 'satteri';
import type { Position } from './entry-file.ts';

export interface MdNode {
  type: string;
  position?: { start: { line: number; column: number; offset?: number } };
  children?: MdNode[];
  url?: string;
  name?: string | null;
  value?: string;
  depth?: number;
  /** A footnote's label as written, `[^label]`. */
  label?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
}

export type BodyParse = { ok: true; root: MdNode } | { ok: false; position: Position; message: string };

/** Parses the whole file (frontmatter included, so positions are file positions). */
export function parseBody(text: string): BodyParse {
  try {
    return { ok: true, root: mdxToMdast(text) as MdastNode as MdNode };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const m = /^(\d+):(\d+): (.*?)(?: \(([\w:-]+)\))?$/s.exec(message);
    if (m) return { ok: false, position: { line: Number(m[1]), column: Number(m[2]) }, message: m[3] };
    return { ok: false, position: { line: 1, column: 1 }, message };
  }
}

/** Visits every node, depth first, in document order; with a stack of its own, so no nesting can overflow the call stack. */
export function walk(node: MdNode, visit: (node: MdNode) => void): void {
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    visit(n);
    const children = n.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

export function positionOf(node: MdNode): Position {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/** Plain text of a node, as a reader sees it. */
export function textOf(node: MdNode): string {
  let text = '';
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text' || n.type === 'inlineCode') text += n.value ?? '';
    const children = n.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return text;
}

export interface BodyLink {
  url: string;
  position: Position;
  /** `link`, `image`, `definition`, or the JSX attribute (`a href`, `img src`). */
  via: string;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'data', 'xlink:href', 'background']);

/** Every URL the body would render: Markdown links, images, definitions and URL attributes of elements. */
export function bodyLinks(root: MdNode): BodyLink[] {
  const links: BodyLink[] = [];
  walk(root, (node) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && typeof node.url === 'string') {
      links.push({ url: node.url, position: positionOf(node), via: node.type });
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attr of node.attributes ?? []) {
        if (attr.type === 'mdxJsxAttribute' && attr.name && URL_ATTRIBUTES.has(attr.name.toLowerCase()) && typeof attr.value === 'string') {
          links.push({ url: attr.value, position: positionOf(node), via: `${node.name} ${attr.name}` });
        }
      }
    }
  });
  return links;
}

/** A run of non-space characters with a letter or digit in it. */
const WORD = /\S*[\p{L}\p{N}]\S*/gu;

/** Body words, for the talk-summary length check. Link text counts once; punctuation alone does not. */
export function wordCount(root: MdNode): number {
  let n = 0;
  walk(root, (node) => {
    // A word has a letter or digit: punctuation between links is not a word.
    if (node.type === 'text' || node.type === 'inlineCode') n += node.value?.match(WORD)?.length ?? 0;
  });
  return n;
}
