/** "Did you mean": the banded edit distance agrees with the textbook one, and stays cheap on hostile lengths. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closest, editDistance } from '../../../src/lib/content-model/schema-docs.ts';

/** The full dynamic-programming table, as a reference. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

test('editDistance equals Levenshtein within the bound, and says "beyond" past it', () => {
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const word = () => Array.from({ length: rand(12) }, () => 'abcd'[rand(4)]).join('');
  for (let k = 0; k < 3000; k++) {
    const [a, b, max] = [word(), word(), rand(6)];
    const exact = levenshtein(a, b);
    assert.equal(editDistance(a, b, max), exact <= max ? exact : max + 1, `${a} ${b} ${max}`);
  }
});

test('closest picks a likely typo, case aside, and nothing when nothing is close', () => {
  assert.equal(closest('fixture-topc', ['other', 'fixture-topic']), 'fixture-topic');
  assert.equal(closest('Sources', ['title', 'sources']), 'sources');
  assert.equal(closest('talks', ['talk', 'talks']), 'talks');
  assert.equal(closest('zzzz', ['feature-store']), undefined);
});

test('an id of 100,000 characters against 5,000 ids of 100 is a bound on the work, not a product of lengths', () => {
  const ids = Array.from({ length: 5000 }, (_, i) => `${'a'.repeat(95)}${String(i).padStart(5, '0')}`);
  assert.equal(closest('a'.repeat(100_000), ids), undefined);
  assert.equal(closest(`${'a'.repeat(95)}0042`, ids), ids[42]);
});
