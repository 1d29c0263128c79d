/**
 * Entry bodies to HTML, at content-sync time, with Sätteri's MDX parser: the
 * one the validator checks them with. Entries are content, not code (see
 * content-safety.ts), so an MDX body is Markdown plus a few allowed elements
 * and components; rendering it here instead of compiling each file into a
 * JavaScript module keeps bundling out of the build and lets Astro's content
 * cache keep the HTML of unchanged entries.
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { mdxToHast } from 'satteri';
import { allowedAttributes } from '../validator/body-safety.ts';
import { looksLikeRef, parseRef, refPath } from '../content-model/references.ts';
import { withBase } from '../settings.ts';

export interface RenderedBody {
  html: string;
  headings: Array<{ depth: number; slug: string; text: string }>;
}

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: Array<{ type: string; name?: string; value?: unknown }>;
  children: Array<RootContent | JsxNode>;
}

type AnyNode = RootContent | JsxNode | Root;

const BLOCKS = new Set(['p', 'ul', 'ol', 'blockquote', 'table', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'details', 'aside', 'div']);
/** The heading of an <Aside> of each type the validator allows (ATTRIBUTE_VALUES in body-safety.ts). */
export const ASIDE_LABELS: Record<string, string> = { note: 'Note', tip: 'Tip', caution: 'Caution' };

function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as AnyNode[]).map(textOf).join('') : '';
}

function attributes(node: JsxNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of node.attributes) {
    // The validator allows only plain string attributes; anything else never gets here.
    if (a.type !== 'mdxJsxAttribute' || !a.name || (a.value !== null && a.value !== undefined && typeof a.value !== 'string')) {
      throw new Error(`renderBody: unexpected attribute on <${node.name}>; the validator should have rejected it`);
    }
    out[a.name] = typeof a.value === 'string' ? a.value : '';
  }
  return out;
}

/** Renders a validated entry file (frontmatter included) to HTML. `base` prefixes reference links. */
export function renderBody(text: string, base: string): RenderedBody {
  const tree = mdxToHast(text, { features: { smartPunctuation: true }, position: false }) as unknown as Root;
  const slugger = new GithubSlugger();
  const headings: RenderedBody['headings'] = [];

  const convert = (node: AnyNode): ElementContent[] => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? '';
      const attrs = attributes(node);
      const children = node.children.flatMap(convert);
      if (name === 'Aside') {
        // The validator allows only the types in ASIDE_LABELS; no type is a note.
        const type = attrs.type ?? 'note';
        if (!Object.hasOwn(ASIDE_LABELS, type)) throw new Error(`renderBody: <Aside type="${type}"> is not a type; the validator should have rejected it`);
        const label = attrs.title ?? ASIDE_LABELS[type];
        // `<Aside>text</Aside>` on one line holds inline content only; give it its paragraph.
        const hasBlocks = children.some((c) => c.type === 'element' && BLOCKS.has(c.tagName));
        const content = hasBlocks ? children : [{ type: 'element', tagName: 'p', properties: {}, children } as Element];
        return [{ type: 'element', tagName: 'aside', properties: { className: ['panel', `aside-${type}`], ariaLabel: label }, children: [{ type: 'element', tagName: 'p', properties: { className: ['callout-label'] }, children: [{ type: 'text', value: label }] }, ...content] }];
      }
      if (!allowedAttributes(name)) {
        throw new Error(`renderBody: <${name}> is not allowed; the validator should have rejected it`);
      }
      // <q cite="talk:x@7:57"> names where the words are said: the moment's page, like a link to it.
      if (attrs.cite !== undefined && looksLikeRef(attrs.cite)) {
        const r = parseRef(attrs.cite);
        if (r.ok) attrs.cite = withBase(base, refPath(r.ref));
      }
      return [{ type: 'element', tagName: name, properties: attrs, children }];
    }
    if (node.type === 'element') {
      node.children = node.children.flatMap((c) => convert(c as AnyNode));
      // The Content-Security-Policy allows no style attribute; a table column's alignment becomes a class.
      if (node.properties.style !== undefined) {
        const align = /^text-align: (left|center|right)$/.exec(String(node.properties.style));
        if (!align) throw new Error(`renderBody: unexpected style "${String(node.properties.style)}" on <${node.tagName}>`);
        delete node.properties.style;
        node.properties.className = [`align-${align[1]}`];
      }
      for (const attr of ['href', 'src'] as const) {
        const url = node.properties[attr];
        if (typeof url !== 'string') continue;
        if (looksLikeRef(url)) {
          const r = parseRef(url);
          if (r.ok) node.properties[attr] = withBase(base, refPath(r.ref));
        } else if (url.startsWith('/') && !url.startsWith('//')) {
          // A site path (/images/x.png, /talks/x/) is written from the site's root; under a base path it moves with the site.
          node.properties[attr] = withBase(base, url);
        }
      }
      if (/^h[1-6]$/.test(node.tagName)) {
        const text = textOf(node);
        const slug = typeof node.properties.id === 'string' ? node.properties.id : slugger.slug(text);
        node.properties.id = slug;
        headings.push({ depth: Number(node.tagName[1]), slug, text });
      }
      return [node];
    }
    if (node.type === 'text') return [node];
    // Expressions, imports and raw HTML never pass the validator; meeting one here is a bug, not content.
    throw new Error(`renderBody: unexpected ${node.type} node; the validator should have rejected it`);
  };

  const root: Root = { type: 'root', children: tree.children.flatMap((c) => convert(c as AnyNode)) };
  return { html: toHtml(root), headings };
}
