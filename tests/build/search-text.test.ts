/**
 * What Pagefind stores of each page, read from its fragments in dist/: the
 * words of the entry, apart, and none of the page's navigation; the
 * newest-first order the search page sorts by; and the site's word lists
 * for "Did you mean".
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { LIST_NAMES, readSiteWords } from '../../src/scripts/search-logic.js';
import { dist, readFragments, root } from '../support/built-site.ts';

const fragments = await readFragments();
const sources = readdirSync(path.join(root, 'content'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => readFileSync(path.join(root, 'content', f), 'utf8'))
  .join('\n');

test('every entry page is in the index', () => {
  const pages = readdirSync(path.join(root, 'content'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx')).length;
  assert.equal(fragments.length, pages);
});

test('words from neighbouring tags stay apart ("The myth" + "Adopting" is not "mythAdopting")', () => {
  // A word with a case change or a full stop inside it is only fine if an entry spells it so (LinkedIn, scikit-learn.org).
  const glued = new Set<string>();
  for (const f of fragments) {
    for (const raw of f.content.split(/\s+/)) {
      const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (/\p{Ll}\p{Lu}|\p{Ll}[.:;)]\p{L}/u.test(word) && !sources.includes(word)) glued.add(`${f.url}: ${word}`);
    }
  }
  assert.deepEqual([...glued], []);
});

test('navigation is not indexed: no play links, moment links or empty brackets in the text', () => {
  for (const f of fragments) {
    assert.ok(!/Play from|Moment page|Copy link|\(\s*\)/.test(f.content), `${f.url}: ${f.content.match(/.{40}(Play from|Moment page|Copy link|\(\s*\)).{20}/)?.[0]}`);
  }
});

test('newest.json lists every indexed page once, newest first', () => {
  const order = JSON.parse(readFileSync(path.join(dist, 'pagefind/newest.json'), 'utf8')) as string[];
  assert.deepEqual([...order].sort(), fragments.map((f) => f.id).sort());
  const updated = new Map(fragments.map((f) => [f.id, f.meta.updated]));
  for (let i = 1; i < order.length; i++) assert.ok(updated.get(order[i - 1])! >= updated.get(order[i])!, `${order[i - 1]} before ${order[i]}`);
});

test('the word lists hold the words of the indexed entries, each with the number of entries holding it', () => {
  const files = readdirSync(path.join(dist, 'pagefind/words')).sort();
  assert.deepEqual(files, LIST_NAMES.map((n) => `${n}.json`).sort());
  const words = new Map(files.flatMap((f) => readSiteWords(JSON.parse(readFileSync(path.join(dist, 'pagefind/words', f), 'utf8')))));
  const holding = (word: string) => fragments.filter((f) => new RegExp(`\\b${word}\\b`, 'i').test(`${f.meta.title} ${f.content}`)).length;
  for (const word of ['Sculley', 'Kubernetes', 'underspecification', 'monitoring']) assert.equal(words.get(word), holding(word), word);
  assert.ok(words.size > 1000, `${words.size} words`);
  assert.ok(!words.has('Moment') || holding('moment') > 0, 'navigation words are not in the list');
});
