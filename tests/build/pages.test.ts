/**
 * Checks the built site in dist/ against the content: every valid entry file
 * becomes exactly one page, and every page in a type's folder is an entry,
 * an index page, a moment or the full list of a long "Referenced by" group;
 * long lists are cut on entry pages and complete on their own pages.
 * Run after `npm run build`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { contentDir } from '../../src/lib/settings.ts';
import { ENTRY_TYPES, TYPE_INFO } from '../../src/lib/content-model/entry-types.ts';
import { groupLinks, type Entry } from '../../src/lib/content-model/link-graph.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/lib/validator/validate-content.ts';
import { SHOWN_ON_PAGE } from '../../src/lib/rendering/link-group-pages.ts';
import { PAGE_SIZE } from '../../src/lib/rendering/pagination.ts';
import { momentsOf } from '../../src/lib/rendering/describe-entry.ts';
import { clockSlug } from '../../src/lib/content-model/timestamps.ts';

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
      ...entries.flatMap((e) =>
        groupLinks(kb.graph, e.key, 'in')
          .filter((g) => g.items.length > SHOWN_ON_PAGE)
          .flatMap((g) => Array.from({ length: Math.ceil(g.items.length / PAGE_SIZE) }, (_, i) => `${e.id}/links/${g.relation}${i === 0 ? '' : `/page/${i + 1}`}`)),
      ),
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

test('a long "Referenced by" group shows its first entries and links to pages that hold all of them', () => {
  const long = kb.entries.flatMap((e) => groupLinks(kb.graph, e.key, 'in').filter((g) => g.items.length > PAGE_SIZE).map((g) => ({ e, g })));
  assert.ok(long.length > 0, 'the content has a group long enough to need two pages');
  for (const { e, g } of long) {
    const folder = TYPE_INFO[e.type].folder;
    const page = readFileSync(path.join(dist, folder, e.id, 'index.html'), 'utf8');
    const section = page.slice(page.indexOf(`<h3>${g.label}</h3>`)).split(/<h3>|<\/section>/)[1];
    assert.equal(section.match(/<li>/g)?.length, SHOWN_ON_PAGE, `${e.key}: ${g.label} on the entry page`);
    assert.ok(section.includes(`href="/${folder}/${e.id}/links/${g.relation}/"`), `${e.key}: link to the full list`);
    const listed = pagesUnder(path.join(dist, folder, e.id, 'links', g.relation)).flatMap((p) => {
      const html = readFileSync(path.join(dist, folder, e.id, 'links', g.relation, p, 'index.html'), 'utf8');
      return [...html.slice(html.indexOf('<section class="links"')).matchAll(/<li>.*?<a href="([^"]+)">/g)].map((m) => m[1]);
    });
    assert.deepEqual(listed.sort(), g.items.map((i) => `/${TYPE_INFO[i.entry.type].folder}/${i.entry.id}/`).sort(), `${e.key}: every entry of ${g.label}, once`);
  }
});
