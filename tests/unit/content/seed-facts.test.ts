/**
 * The facts in tests/support/seed-facts.ts are what the seeds say: read
 * straight from ../shared/seeds/ where it exists, skipped (one line) where not.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatTimestamp, parseTimestamp } from '../../../src/lib/content-model/timestamps.ts';
import { CHAPTERED, MYTHS, PATTERNS, PHASES, SEGMENTS, SLIPS, TRANSCRIPT } from '../../support/seed-facts.ts';
import { seedsMissing, seedText } from '../../support/seeds.ts';

/** `05:12` as the facts write it, `5:12`. */
const clock = (t: string) => {
  const r = parseTimestamp(t);
  assert.ok(r.ok, t);
  return formatTimestamp(r.seconds);
};

const CHAPTER_LINE: Record<string, RegExp> = { '000': /^\[(\d\d:\d\d)\]/gm, '001': /^(\d{1,2}:\d\d) \S/gm, '002': /^\[(\d\d:\d\d)\]/gm };

describe('the seed facts match ../shared/seeds', { skip: seedsMissing }, () => {
  for (const { seed, times } of CHAPTERED) {
    test(`seed ${seed}: every chapter time, in order`, () => {
      assert.deepEqual([...seedText(seed).matchAll(CHAPTER_LINE[seed])].map((m) => clock(m[1])), times);
    });
  }

  test('seed 001: the seven myths and the four phases at their chapters', () => {
    const text = seedText('001');
    assert.deepEqual([...text.matchAll(/^(\d{1,2}:\d\d) Myth (\d): (.+)$/gm)].map((m) => ({ number: Number(m[2]), at: m[1], name: m[3] })), MYTHS);
    assert.deepEqual([...text.matchAll(/^(\d{1,2}:\d\d) Phase (\d): (.+)$/gm)].map((m) => ({ ordinal: Number(m[2]), at: m[1], name: m[3] })), PHASES);
  });

  test('seed 002: the patterns its abstract names', () => {
    const list = /cover five patterns \(([^)]+)\)/.exec(seedText('002'));
    assert.ok(list, 'the abstract no longer lists the patterns');
    assert.deepEqual(list[1].split(',').map((p) => p.trim().replace(/s$/, '')), PATTERNS);
  });

  test('seed 003: the time and speaker of every transcript turn', () => {
    const turns = [...seedText(TRANSCRIPT.seed).matchAll(/(?:^|\s)(\d{1,2}:\d\d) (Vishnu|Demetrios|Donna|Christos)\b/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(turns, TRANSCRIPT.turns);
  });

  test('seed 004: segment lengths', () => {
    assert.deepEqual([...seedText(SEGMENTS.seed).matchAll(/^(\d\d:\d\d) MIN$/gm)].map((m) => clock(m[1])), SEGMENTS.lengths);
  });

  for (const slip of SLIPS) {
    test(`seed ${slip.seed} really says ${slip.heard} (meaning ${slip.meant})`, () => {
      assert.match(seedText(slip.seed), slip.heard);
    });
  }
});
