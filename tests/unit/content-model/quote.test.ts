/** How messages quote a contributor's values: as text, as a list, and as a word of a suggested shell command. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { listed, quote, shellWord } from '../../../src/lib/content-model/quote.ts';

test('a value is one line in double quotes, cut at 100 characters', () => {
  assert.equal(quote('a\nb "c"'), '"a\\nb \\"c\\""');
  assert.equal(quote('x'.repeat(101)), `"${'x'.repeat(100)}…"`);
});

test('lists read as a sentence', () => {
  const cases: Array<[string[], 'and' | 'or' | undefined, string]> = [
    [[], undefined, ''],
    [['a'], undefined, 'a'],
    [['a', 'b'], undefined, 'a and b'],
    [['a', 'b', 'c'], 'or', 'a, b or c'],
  ];
  for (const [items, last, expected] of cases) assert.equal(listed(items, last), expected);
});

test('a shell word pasted into a shell is the value itself, whatever it holds', () => {
  for (const value of ['Donna Schut', "O'Brien", '$(echo ran)', '`id`', '"; echo ran; "', "''", '$HOME \\ !x']) {
    const r = spawnSync('sh', ['-c', `printf '%s' ${shellWord(value)}`], { encoding: 'utf8' });
    assert.equal(r.stdout, value, value);
  }
});
