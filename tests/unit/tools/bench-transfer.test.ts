/** The benchmark sorts what a first search fetches by kind, so a change in one part of the index shows in its figures. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchFileKind } from '../../../tools/bench/transfer.ts';

test('each file a search fetches is counted as what it is', () => {
  const cases: Array<[string, string]> = [
    ['/pagefind/pagefind.js', 'Pagefind code'],
    ['/kb/pagefind/wasm.en.pagefind', 'Pagefind code'],
    ['/pagefind/pagefind-entry.json', 'Pagefind code'],
    ['/pagefind/pagefind.en_ab25ea663c.pf_meta', 'metadata'],
    ['/pagefind/index/en_37338d1.pf_index', 'index chunks'],
    ['/pagefind/fragment/en_da1a6ef.pf_fragment', 'fragments'],
    ['/pagefind/filter/en_593ed96.pf_filter', 'filters'],
    ['/pagefind/words/s.json', 'word lists'],
    ['/pagefind/newest.json', 'site lists'],
    ['/_astro/CGVnDTXN.js', 'search module'],
    ['/favicon.ico', 'other'],
  ];
  for (const [pathname, kind] of cases) assert.equal(searchFileKind(pathname), kind, pathname);
});
