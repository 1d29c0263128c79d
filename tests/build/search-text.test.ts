/**
 * What Pagefind stores of each page, read from its fragments in dist/: the
 * words of the entry, apart, and none of the page's navigation.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { dist, root } from './built-site.ts';

interface Fragment {
  url: string;
  content: string;
}

const fragments: Fragment[] = readdirSync(path.join(dist, 'pagefind/fragment')).map((f) => {
  const text = gunzipSync(readFileSync(path.join(dist, 'pagefind/fragment', f))).toString('utf8');
  return JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
});
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
