/** The newest-first order the search page sorts by. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newestFirst } from '../../../src/lib/build/search-index.ts';

test('pages are ordered newest first, ties by id', () => {
  const cases: Array<[string, Array<[string, string]>, string[]]> = [
    ['empty', [], []],
    ['by date', [['en_a', '2024-01-01'], ['en_b', '2026-11-22'], ['en_c', '2025-06-30']], ['en_b', 'en_c', 'en_a']],
    ['same day: by id, whatever the input order', [['en_z', '2026-11-22'], ['en_a', '2026-11-22'], ['en_m', '2026-11-22']], ['en_a', 'en_m', 'en_z']],
  ];
  for (const [name, pages, expected] of cases) assert.deepEqual(newestFirst(pages), expected, name);
});
