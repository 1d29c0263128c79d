/**
 * Checks the built site in dist/ against the content: every valid entry file
 * becomes exactly one page, and every page in a type's folder is an entry,
 * an index page or a moment. Run after `npm run build`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { contentDir } from '../../src/lib/config.ts';
import { ENTRY_TYPES, TYPE_INFO } from '../../src/lib/entry-types.ts';
import type { Entry } from '../../src/lib/graph.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/lib/kb.ts';
import { PAGE_SIZE } from '../../src/lib/pagination.ts';
import { momentsOf } from '../../src/lib/present.ts';
import { clockSlug } from '../../src/lib/timestamp.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');
let kb: KnowledgeBase;

before(async () => {
  assert.ok(existsSync(dist), 'dist/ is missing: run npm run build first');
  kb = await loadKnowledgeBase({ root, contentDir: contentDir() });
  assert.deepEqual(kb.diagnostics.filter((d) => d.severity === 'error'), []);
});

/** Every index.html under dir, as paths relative to it ('' is dir itself). */
function pagesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const item of readdirSync(d, { withFileTypes: true })) {
      if (item.isDirectory()) walk(path.join(d, item.name), rel ? `${rel}/${item.name}` : item.name);
      else if (item.name === 'index.html') out.push(rel);
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return out.sort();
}

test('every valid entry file becomes exactly one page (plus redirects from its old ids), and nothing else is there', () => {
  assert.equal(kb.entries.length, kb.fileCount, 'every entry file is valid');
  for (const type of ENTRY_TYPES) {
    const folder = TYPE_INFO[type].folder;
    const entries = kb.entries.filter((e) => e.type === type);
    const pages = pagesUnder(path.join(dist, folder));
    const indexPages = Math.max(1, Math.ceil(entries.length / PAGE_SIZE));
    const expected = [
      '',
      ...Array.from({ length: indexPages - 1 }, (_, i) => `page/${i + 2}`),
      ...entries.map((e) => e.id),
      ...entries.flatMap((e) => e.data.redirectFrom ?? []),
      ...(type === 'talk'
        ? entries.flatMap((t) => [t.id, ...(t.data.redirectFrom ?? [])].flatMap((id) => momentsOf(t as Entry<'talk'>, kb.graph).map((at) => `${id}/at/${clockSlug(at)}`)))
        : []),
    ].sort();
    assert.deepEqual(pages, expected, `pages under /${folder}/`);
  }
});

test('every chapter of every talk has a moment page', () => {
  const talks = kb.entries.filter((e): e is Entry<'talk'> => e.type === 'talk');
  const chapters = talks.flatMap((t) => (t.data.chapters ?? []).map((c) => `talks/${t.id}/at/${clockSlug(c.at)}/index.html`));
  assert.ok(chapters.length > 0);
  assert.deepEqual(chapters.filter((p) => !existsSync(path.join(dist, p))), []);
});
