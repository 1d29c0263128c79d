/**
 * Contributed entries are content, not code. MDX could import modules, run
 * expressions and render any element; this check allows Markdown, a short
 * list of harmless HTML elements and the site's own components, and rejects
 * everything else with the line it is on.
 */
import { positionOf, walk, type MdNode } from './mdx-body.ts';
import { linkScheme } from '../content-model/references.ts';
import type { Position } from './entry-file.ts';
import { quote } from '../content-model/quote.ts';

/** Lowercase HTML elements an entry may use, with the attributes each may carry. */
export const ALLOWED_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  abbr: ['title'],
  b: [],
  br: [],
  cite: [],
  code: [],
  del: [],
  details: ['open'],
  em: [],
  i: [],
  ins: [],
  kbd: [],
  mark: [],
  q: ['cite'],
  s: [],
  small: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  time: ['datetime'],
  u: [],
};

/** The site's components an entry may use (see src/components/content/), with their attributes. */
export const ALLOWED_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  Aside: ['type', 'title'],
};

const GLOBAL_ATTRIBUTES = ['lang', 'dir', 'title'];
const DANGEROUS_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'file', 'blob']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'srcset', 'action', 'formaction', 'poster', 'background', 'xlink:href', 'data']);

/**
 * The attributes the element or component `name` may carry, or undefined when
 * it is not allowed. Own keys only: <constructor> or <__proto__> must not find
 * what every object inherits.
 */
export function allowedAttributes(name: string): readonly string[] | undefined {
  if (Object.hasOwn(ALLOWED_ELEMENTS, name)) return ALLOWED_ELEMENTS[name];
  if (Object.hasOwn(ALLOWED_COMPONENTS, name)) return ALLOWED_COMPONENTS[name];
  return undefined;
}

/** The values an attribute of a component may take, where they are a fixed list. */
export const ATTRIBUTE_VALUES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  Aside: { type: ['note', 'tip', 'caution'] },
};

export interface SafetyProblem {
  position: Position;
  message: string;
  fix: string;
}

/** True for a URL a browser would execute or treat as inline content. */
export function isDangerousUrl(url: string): boolean {
  const scheme = linkScheme(url);
  return scheme !== undefined && DANGEROUS_SCHEMES.has(scheme);
}

const ELEMENT_REASONS: Record<string, string> = {
  script: 'a <script> would run code on every reader\'s page',
  iframe: 'an <iframe> would embed another site into the page',
  object: 'an <object> would embed outside content',
  embed: 'an <embed> would embed outside content',
  style: 'a <style> would restyle the whole site',
  link: 'a <link> would load outside resources',
  meta: 'a <meta> would change how the page behaves',
  base: 'a <base> would redirect every link on the page',
  form: 'a <form> would send readers\' input elsewhere',
  a: 'links are written in Markdown, [text](url), so they can be checked',
  img: 'images are written as Markdown, ![alt](/path), so they can be checked',
};

/** Every construct in the body that could run code or load outside content. */
export function checkBodySafety(root: MdNode): SafetyProblem[] {
  const problems: SafetyProblem[] = [];
  const add = (node: MdNode, message: string, fix: string) => problems.push({ position: positionOf(node), message, fix });
  walk(root, (node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        add(node, 'import and export statements are not allowed in entries', 'remove the line: entries cannot load code, and the allowed components need no import');
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        add(node, 'a {…} JavaScript expression is not allowed in entries', 'write the text itself; to show a literal brace, escape it as \\{');
        return;
      case 'link':
      case 'image':
      case 'definition':
        if (node.url && isDangerousUrl(node.url)) {
          add(node, `the ${node.type === 'image' ? 'image' : 'link'} uses a "${linkScheme(node.url)}:" URL, which browsers can execute`, 'link to an https:// address or an entry (type:id) instead');
        } else if (node.type === 'image' && node.url && linkScheme(node.url) !== undefined) {
          add(node, 'images from other sites are not allowed: pages load nothing from other hosts', 'save the image under public/images/ and link it as /images/<file>');
        }
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        const allowed = allowedAttributes(name);
        if (!name) {
          add(node, 'a JSX fragment <>…</> is not allowed in entries', 'remove the <> and </> around the text');
          return;
        }
        if (!allowed) {
          const reason = (Object.hasOwn(ELEMENT_REASONS, name.toLowerCase()) && ELEMENT_REASONS[name.toLowerCase()]) || `<${name}> is not on the list of elements and components entries may use`;
          add(node, reason, `remove it; allowed are ${[...Object.keys(ALLOWED_COMPONENTS), ...Object.keys(ALLOWED_ELEMENTS)].map((n) => `<${n}>`).join(', ')}`);
          return;
        }
        for (const attr of node.attributes ?? []) {
          if (attr.type !== 'mdxJsxAttribute') {
            add(node, `<${name}> has a {…} spread attribute, which would run code`, 'write each attribute as name="text"');
            continue;
          }
          const attrName = attr.name ?? '';
          if (/^on/i.test(attrName)) {
            add(node, `the ${attrName} attribute on <${name}> would run code`, 'remove the event handler attribute');
          } else if (typeof attr.value === 'object' && attr.value !== null) {
            add(node, `the ${attrName} attribute on <${name}> is a {…} expression, which would run code`, `write it as ${attrName}="text"`);
          } else if (URL_ATTRIBUTES.has(attrName.toLowerCase()) && typeof attr.value === 'string' && isDangerousUrl(attr.value)) {
            add(node, `the ${attrName} attribute on <${name}> uses a "${linkScheme(attr.value)}:" URL, which browsers can execute`, 'use an https:// address or an entry link');
          } else if (!allowed.includes(attrName) && !GLOBAL_ATTRIBUTES.includes(attrName)) {
            add(node, `<${name}> does not take the attribute ${attrName}`, allowed.length || GLOBAL_ATTRIBUTES.length ? `remove it; <${name}> takes ${[...new Set([...allowed, ...GLOBAL_ATTRIBUTES])].join(', ')}` : 'remove it');
          } else {
            const values = Object.hasOwn(ATTRIBUTE_VALUES, name) && Object.hasOwn(ATTRIBUTE_VALUES[name], attrName) ? ATTRIBUTE_VALUES[name][attrName] : undefined;
            if (values && !values.includes(String(attr.value ?? ''))) {
              add(node, `${attrName}=${quote(attr.value ?? '')} is not a ${attrName} of <${name}>`, `use ${values.map((v) => `${attrName}="${v}"`).join(', ')}`);
            }
          }
        }
        return;
      }
    }
  });
  return problems;
}
