import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chapterAt, checkChapters, checkMoment, clockSlug, formatClock, formatTimestamp, isoDuration, parseClockSlug, parseTimestamp, vttTime } from '../../../src/lib/content-model/timestamps.ts';

describe('parseTimestamp', () => {
  const valid: Array<[string, number]> = [
    ['0:00', 0],
    ['0:07', 7],
    ['7:57', 477],
    ['07:57', 477],
    ['59:59', 3599],
    ['1:00:00', 3600],
    ['1:02:03', 3723],
    ['10:00:00', 36000],
    [' 7:57 ', 477],
  ];
  for (const [text, seconds] of valid) test(`accepts ${JSON.stringify(text)} as ${seconds}s`, () => assert.deepEqual(parseTimestamp(text), { ok: true, seconds }));

  const invalid: Array<[string, RegExp]> = [
    ['7:75', /75 seconds; seconds run from 00 to 59/],
    ['75:00', /75 minutes.*write 1:15:00/],
    ['0:07:57', /zero hour; leave the hour out and write 07:57/],
    ['1:2:03', /two-digit minutes after the hour, as in 1:02:03/],
    ["7:5", /not a time: minutes, a colon, then two-digit seconds/],
    ['757', /not a time/],
    ['', /not a time/],
    ['7:57.5', /not a time/],
    ['-1:00', /not a time/],
    ['100:00:00', /not a time/],
  ];
  for (const [text, reason] of invalid) {
    test(`rejects ${JSON.stringify(text)}`, () => {
      const r = parseTimestamp(text);
      assert.equal(r.ok, false);
      assert.match((r as { reason: string }).reason, reason);
    });
  }
});

describe('formatting', () => {
  const cases: Array<[number, string, string, string, string]> = [
    // seconds, clock, slug, minimal, iso
    [0, '00:00', '00-00', '0:00', 'PT0S'],
    [477, '07:57', '07-57', '7:57', 'PT7M57S'],
    [3599, '59:59', '59-59', '59:59', 'PT59M59S'],
    [3600, '1:00:00', '1-00-00', '1:00:00', 'PT1H'],
    [3723, '1:02:03', '1-02-03', '1:02:03', 'PT1H2M3S'],
  ];
  for (const [s, clock, slug, minimal, iso] of cases) {
    test(`${s}s`, () => {
      assert.equal(formatClock(s), clock);
      assert.equal(clockSlug(s), slug);
      assert.equal(formatTimestamp(s), minimal);
      assert.equal(isoDuration(s), iso);
      assert.equal(parseClockSlug(slug), s);
    });
  }
  test('vtt times', () => {
    assert.equal(vttTime(0), '00:00:00.000');
    assert.equal(vttTime(3723), '01:02:03.000');
  });
  test('parseClockSlug rejects what clockSlug never writes', () => {
    for (const s of ['7-57', '0-07-57', '07-75', 'x', '07:57']) assert.equal(parseClockSlug(s), undefined, s);
  });
});

describe('checkChapters', () => {
  test('a list that starts at 0:00 and increases is fine', () => assert.deepEqual(checkChapters([0, 40, 128], 600), []));
  test('an empty list is fine', () => assert.deepEqual(checkChapters([], null), []));
  test('must start at 0:00', () => assert.deepEqual(checkChapters([5, 40], null), [{ index: 0, message: 'the first chapter starts at 00:05; a chapter list starts at 0:00' }]));
  test('must strictly increase', () => {
    assert.deepEqual(checkChapters([0, 40, 40, 30], null).map((p) => p.index), [2, 3]);
    assert.match(checkChapters([0, 40, 30], null)[0].message, /chapter 3 starts at 00:30, not after chapter 2 at 00:40/);
  });
  test('must start before the end', () => {
    assert.deepEqual(checkChapters([0, 40, 600], 600), [{ index: 2, message: 'chapter 3 starts at 10:00, at or after the end of the talk (10:00)' }]);
  });
  test('an unknown duration bounds nothing', () => assert.deepEqual(checkChapters([0, 99999], null), []));
});

describe('moments', () => {
  test('inside the talk', () => assert.equal(checkMoment(599, 600), undefined));
  test('at the end is beyond it', () => assert.equal(checkMoment(600, 600), '10:00 is beyond the end of the talk (10:00)'));
  test('unknown duration', () => assert.equal(checkMoment(99999, null), undefined));
  test('chapterAt finds the chapter a moment falls in', () => {
    assert.equal(chapterAt([0, 40, 128], 0), 0);
    assert.equal(chapterAt([0, 40, 128], 127), 1);
    assert.equal(chapterAt([0, 40, 128], 5000), 2);
    assert.equal(chapterAt([], 10), -1);
  });
});
