/** Reading the built site in dist/ for build tests: pages, their head tags and JSON-LD, the search index. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ELEMENT_NODE, parse, walkSync, type Node } from 'ultrahtml';
import { readFragments as readFragmentsIn } from '../../src/lib/build/search-index.ts';

export const root = path.resolve(import.meta.dirname, '../..');
export const dist = path.join(root, 'dist');

/** The file a site URL or path is served from. */
export function distFile(urlOrPath: string): string {
  const p = decodeURIComponent(new URL(urlOrPath, 'http://x').pathname);
  return path.join(dist, p.endsWith('/') ? `${p}index.html` : p);
}

export interface Page {
  html: string;
  /** Meta tags by property or name. */
  meta: Map<string, string>;
  title: string;
  canonical?: string;
  jsonLd: Array<Record<string, unknown>>;
  elements: Node[];
}

export function readPage(sitePath: string): Page {
  const file = distFile(sitePath);
  if (!existsSync(file)) throw new Error(`no built page for ${sitePath} (${file})`);
  const html = readFileSync(file, 'utf8');
  const meta = new Map<string, string>();
  const jsonLd: Array<Record<string, unknown>> = [];
  const elements: Node[] = [];
  let title = '';
  let canonical: string | undefined;
  walkSync(parse(html), (node) => {
    if (node.type !== ELEMENT_NODE) return;
    elements.push(node);
    const a = node.attributes as Record<string, string>;
    if (node.name === 'meta' && (a.property || a.name)) meta.set(a.property ?? a.name, a.content);
    if (node.name === 'title') title = node.children.map((c: Node) => c.value ?? '').join('');
    if (node.name === 'link' && a.rel === 'canonical') canonical = a.href;
    if (node.name === 'script' && a.type === 'application/ld+json') jsonLd.push(JSON.parse(node.children.map((c: Node) => c.value ?? '').join('')));
  });
  return { html, meta, title, canonical, jsonLd, elements };
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  if (b.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a' || b.subarray(12, 16).toString() !== 'IHDR') throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

export type { Fragment } from '../../src/lib/build/search-index.ts';

/** What Pagefind stored of every indexed page. */
export const readFragments = () => readFragmentsIn(path.join(dist, 'pagefind/fragment'));
