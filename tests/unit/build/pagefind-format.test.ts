/**
 * The code reads Pagefind's files, not only its API: src/lib/build/search-index.ts
 * reads page fragments (for newest.json, the word lists and the build tests),
 * sets the index chunk size through an unstable environment variable, and the
 * search module loads pagefind/pagefind.js. Pagefind is pinned exactly; this
 * test indexes a few pages with the installed version and fails, naming what
 * moved, when an upgrade changes what the code relies on.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import * as pagefind from 'pagefind';
import { createPagefindIndex, readFragments } from '../../../src/lib/build/search-index.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const out = mkdtempSync(path.join(tmpdir(), 'kb-pagefind-'));
after(async () => {
  await pagefind.close();
  rmSync(out, { recursive: true, force: true });
});

const page = (title: string, updated: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p data-pagefind-meta="updated:${updated}" hidden></p><p>${body}</p></main></body></html>`;

test('the installed Pagefind is the pinned version', () => {
  const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies.pagefind;
  const installed = JSON.parse(readFileSync(path.join(root, 'node_modules/pagefind/package.json'), 'utf8')).version;
  assert.equal(installed, pinned, 'run npm install: the installed Pagefind is not the one package.json pins');
});

test('fragments read back as id, url, content and meta; the browser bundle has the files the site loads', async () => {
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  assert.ok(index);
  await index.addHTMLFile({ url: '/myths/a/', content: page('Deploying is hard', '2026-11-22', 'Serving at scale is the hard part.') });
  await index.addHTMLFile({ url: '/patterns/b/', content: page('Feature store', '2026-11-23', 'One place for features.') });
  const written = await index.writeFiles({ outputPath: out });
  assert.deepEqual(written.errors, []);

  const fragments = (await readFragments(path.join(out, 'fragment'))).sort((a, b) => a.url.localeCompare(b.url));
  assert.deepEqual(
    fragments.map((f) => ({ url: f.url, title: f.meta.title, updated: f.meta.updated, hasBody: f.content.includes('Serving at scale') || f.content.includes('One place') })),
    [
      { url: '/myths/a/', title: 'Deploying is hard', updated: '2026-11-22', hasBody: true },
      { url: '/patterns/b/', title: 'Feature store', updated: '2026-11-23', hasBody: true },
    ],
  );
  // The id the browser sees for a result is the fragment's file name.
  for (const f of fragments) assert.match(f.id, /^en_[0-9a-f]+$/);
  for (const file of ['pagefind.js', 'pagefind-entry.json', 'wasm.en.pagefind']) assert.ok(existsSync(path.join(out, file)), `Pagefind no longer writes ${file}`);
  assert.ok(readdirSync(path.join(out, 'index')).some((f) => f.endsWith('.pf_index')), 'Pagefind no longer writes index/*.pf_index');
});

test('the index chunk size set through the environment takes effect (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE)', async () => {
  const chunks = async (size: number) => {
    const index = await createPagefindIndex(size);
    const body = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa';
    for (let i = 0; i < 4; i++) await index.addHTMLFile({ url: `/p${i}/`, content: page(`Page ${i}`, '2026-11-22', body) });
    const dir = path.join(out, `chunks-${size}`);
    assert.deepEqual((await index.writeFiles({ outputPath: dir })).errors, []);
    return readdirSync(path.join(dir, 'index')).length;
  };
  assert.equal(await chunks(100_000), 1);
  assert.ok((await chunks(8)) > 4, 'Pagefind no longer reads PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: see INDEX_CHUNK_SIZE in src/lib/build/search-index.ts');
  assert.equal(process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, undefined, 'the variable is set only while the service starts');
});
