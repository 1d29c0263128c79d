import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dateSortKey, formatDate, parseFullDate, parsePartialDate } from '../../../src/lib/content-model/dates.ts';

describe('parsePartialDate', () => {
  const valid: Array<[string, object]> = [
    ['2021', { year: 2021, month: undefined, day: undefined, iso: '2021' }],
    ['2021-01', { year: 2021, month: 1, day: undefined, iso: '2021-01' }],
    ['2022-04-18', { year: 2022, month: 4, day: 18, iso: '2022-04-18' }],
    ['2024-02-29', { year: 2024, month: 2, day: 29, iso: '2024-02-29' }],
    ['2000-02-29', { year: 2000, month: 2, day: 29, iso: '2000-02-29' }],
  ];
  for (const [text, value] of valid) test(`accepts ${text}`, () => assert.deepEqual(parsePartialDate(text), { ok: true, value }));
  const invalid: Array<[string, string]> = [
    ['2024-02-30', '"2024-02-30" is not a real date: February 2024 has 29 days'],
    ['2023-02-29', '"2023-02-29" is not a real date: February 2023 has 28 days'],
    ['1900-02-29', '"1900-02-29" is not a real date: February 1900 has 28 days'],
    ['2021-04-31', '"2021-04-31" is not a real date: April 2021 has 30 days'],
    ['2021-13', '"2021-13" has month 13; months run from 01 to 12'],
    ['2021-00-10', '"2021-00-10" has month 00; months run from 01 to 12'],
    ['2021-1-5', '"2021-1-5" is not a date; write YYYY-MM-DD (or YYYY-MM, or YYYY when only the year is known)'],
    ['18 April 2022', '"18 April 2022" is not a date; write YYYY-MM-DD (or YYYY-MM, or YYYY when only the year is known)'],
  ];
  for (const [text, reason] of invalid) test(`rejects ${text}`, () => assert.deepEqual(parsePartialDate(text), { ok: false, reason }));
});

test('parseFullDate needs a day', () => {
  assert.deepEqual(parseFullDate('2026-11-22'), { ok: true, value: '2026-11-22' });
  assert.deepEqual(parseFullDate('2026-11'), { ok: false, reason: '"2026-11" needs a day; write YYYY-MM-DD' });
});

test('formatDate', () => {
  assert.equal(formatDate('2021'), '2021');
  assert.equal(formatDate('2021-01'), 'January 2021');
  assert.equal(formatDate('2022-04-18'), '18 April 2022');
  assert.throws(() => formatDate('2022-02-31'), /not a real date/);
});

test('sort keys order partial dates at the start of their period', () => {
  const keys = ['2022-04-18', '2021', '2022', '2021-06'].map(dateSortKey).sort();
  assert.deepEqual(keys, ['2021', '2021-06', '2022', '2022-04-18']);
  assert.equal(dateSortKey(undefined), '');
});
