/**
 * The WebVTT reader and writer: what each kind of cue reads as, every
 * problem at its line and column, and that no text, however hostile, can
 * break out of the cue the writer puts it in.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeVttText, formatVttTime, parseVttTime, readWebVtt, writeWebVtt } from '../../../src/lib/content-model/webvtt.ts';

describe('times', () => {
  const cases: Array<[string, number | string]> = [
    ['00:00.000', 0],
    ['01:02.500', 62_500],
    ['00:01:02.500', 62_500],
    ['01:00:00.001', 3_600_001],
    ['100:00:00.000', 360_000_000],
    ['1:02.500', '"1:02.500" is not a WebVTT time'],
    ['00:01:02,500', '"00:01:02,500" is not a WebVTT time'],
    ['00:01.5', '"00:01.5" is not a WebVTT time'],
    ['00:60.000', '"00:60.000" has 60 seconds; seconds run from 00 to 59'],
    ['00:61:00.000', '"00:61:00.000" has 61 minutes; minutes run from 00 to 59'],
  ];
  for (const [text, want] of cases) {
    test(text, () => {
      const r = parseVttTime(text);
      if (typeof want === 'number') assert.deepEqual(r, { ok: true, ms: want });
      else assert.deepEqual(r, { ok: false, reason: want });
    });
  }
  test('written with hours, read back the same', () => {
    for (const ms of [0, 999, 62_500, 3_599_999, 3_600_000, 360_000_000]) {
      const text = formatVttTime(ms);
      assert.match(text, /^\d{2,}:\d{2}:\d{2}\.\d{3}$/);
      assert.deepEqual(parseVttTime(text), { ok: true, ms });
    }
    assert.equal(formatVttTime(477_000), '00:07:57.000');
    assert.throws(() => formatVttTime(1.5));
  });
});

describe('reading', () => {
  test('cues with identifiers, settings, voices, tags and character references; header lines, NOTE and STYLE read past', () => {
    const file = [
      'WEBVTT - A made-up panel',
      'Kind: captions',
      'Language: en',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'NOTE written by hand for this test',
      '',
      'intro',
      '00:00.000 --> 00:04.250 align:start position:10%',
      '<v.loud Ada Lovelace>Welcome, <i>all</i> of you &amp; your',
      'questions &lt;here&gt;.</v>',
      '',
      '00:00:04.250 --> 00:00:09.000',
      '<v Ada Lovelace>First</v> <v Alan Turing>Thanks.<00:00:05.000> Glad&nbsp;to be here &#38; &#x3C;3',
      '',
      '00:09.000 --> 00:12.000',
      'No speaker &unknown; here & there',
    ].join('\n');
    const r = readWebVtt(file);
    assert.deepEqual(r.problems, []);
    assert.equal(r.header, '- A made-up panel');
    assert.deepEqual(r.cues, [
      { line: 11, id: 'intro', start: 0, end: 4250, spans: [{ voice: 'Ada Lovelace', voiceAt: { line: 12, column: 1 }, text: 'Welcome, all of you & your questions <here>.' }] },
      { line: 15, start: 4250, end: 9000, spans: [{ voice: 'Ada Lovelace', voiceAt: { line: 16, column: 1 }, text: 'First' }, { voice: 'Alan Turing', voiceAt: { line: 16, column: 27 }, text: 'Thanks. Glad to be here & <3' }] },
      { line: 18, start: 9000, end: 12000, spans: [{ text: 'No speaker &unknown; here & there' }] },
    ]);
  });

  test('CRLF and CR line ends, a byte-order mark and NUL characters', () => {
    const r = readWebVtt('\ufeffWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nA\0B\r00:02.000 --> 00:03.000\rC\r');
    assert.deepEqual(r.cues.map((c) => c.spans), [[{ text: 'A\ufffdB' }], [{ text: 'C' }]]);
    assert.deepEqual(r.problems, [{ line: 5, column: 1, message: 'a blank line is missing before this cue', fix: 'add an empty line before line 5' }]);
  });

  const problems: Array<[string, string, Array<[number, number, string]>]> = [
    ['no signature', 'WEBVT\n\n00:01.000 --> 00:02.000\nHi', [[1, 1, 'the file does not start with WEBVTT']]],
    ['a cue in the header', 'WEBVTT\n00:01.000 --> 00:02.000\nHi', [[2, 1, 'a cue starts before the blank line that ends the header']]],
    ['a bad start time', 'WEBVTT\n\n00:01.5 --> 00:02.000\nHi', [[3, 1, '"00:01.5" is not a WebVTT time']]],
    ['a bad end time', 'WEBVTT\n\n00:01.000 --> 00:02:75.000\nHi', [[3, 15, '"00:02:75.000" has 75 seconds; seconds run from 00 to 59']]],
    ['no arrow', 'WEBVTT\n\n1\n00:01.000 -> 00:02.000\nHi', [[3, 1, '"1" is neither a cue timing nor followed by one']]],
    ['no space around the arrow', 'WEBVTT\n\n00:01.000-->00:02.000\nHi', [[3, 1, '"00:01.000-->00:02.000" is not a cue timing']]],
    ['an end before the start', 'WEBVTT\n\n00:05.000 --> 00:02.000\nHi', [[3, 15, 'the cue ends at 00:00:02.000, not after it starts (00:00:05.000)']]],
    ['cues out of order', 'WEBVTT\n\n00:05.000 --> 00:06.000\nA\n\n00:02.000 --> 00:03.000\nB', [[6, 1, 'the cue starts at 00:00:02.000, before the cue at line 3 (00:00:05.000)']]],
    ['a tag that is not WebVTT', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHi <font color="red">there</font>', [[4, 4, '<font color="red"> is not a WebVTT tag'], [4, 27, '</font> is not a WebVTT tag']]],
    ['a voice without a name', 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v>Hi', [[4, 1, '<v> names no speaker']]],
    ['a timing inside a note', 'WEBVTT\n\nNOTE\n00:01.000 --> 00:02.000\nHi', [[4, 1, 'a NOTE block holds a cue timing ("-->")']]],
    ['a style block after a cue', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n\nSTYLE\n::cue {}', [[6, 1, 'a STYLE block comes after the first cue']]],
  ];
  for (const [name, file, want] of problems) {
    test(name, () => {
      const r = readWebVtt(file);
      assert.deepEqual(r.problems.map((p) => [p.line, p.column, p.message]), want);
      for (const p of r.problems) assert.ok(p.fix.length > 0, 'every problem says how to fix it');
    });
  }
});

describe('writing', () => {
  test('a transcript as WebVTT', () => {
    const text = writeWebVtt([
      { start: 0, end: 7000, voice: 'Ada Lovelace', text: 'Welcome to the panel.' },
      { start: 7000, end: 3_723_500, text: 'Thank you.' },
    ]);
    assert.equal(text, 'WEBVTT\n\n00:00:00.000 --> 00:00:07.000\n<v Ada Lovelace>Welcome to the panel.\n\n00:00:07.000 --> 01:02:03.500\nThank you.\n');
  });

  test('no text can end its cue, open a tag, write "-->" or start a NOTE or STYLE block', () => {
    const hostile = [
      'a --> b',
      'line one\n\nNOTE injected\n\n00:00.000 --> 99:00.000\nfake cue',
      'STYLE\r\n::cue { color: red }',
      '</v><v Somebody Else>words',
      '<script>alert(1)</script>',
      '&amp; &lt; stays as typed',
      'nul\0byte, line\u2028separator, tab\tand cr\ronly',
    ];
    const voices = ['Ada Lovelace', 'A>B', 'Ann & Bo', '</v>', 'Name\n\nNOTE'];
    const cues = hostile.map((text, i) => ({ start: i * 1000, end: i * 1000 + 1000, voice: voices[i % voices.length], text }));
    const written = writeWebVtt(cues);
    assert.ok(!/-->.*-->/.test(written), 'one arrow a line');
    assert.equal(written.split('\n').filter((l) => l.includes('-->')).length, cues.length, 'an arrow only on timing lines');
    assert.ok(!/^(NOTE|STYLE|REGION)/m.test(written));
    const r = readWebVtt(written);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.cues.map((c) => ({ start: c.start, end: c.end, spans: c.spans.map(({ voice, text }) => ({ voice, text })) })),
      cues.map((c) => ({ start: c.start, end: c.end, spans: [{ voice: c.voice.replace(/\s+/g, ' ').trim(), text: c.text.replace(/\0/g, '\ufffd').replace(/[\s\u2028]+/g, ' ').trim() }] })),
    );
  });

  test('escaping', () => {
    assert.equal(escapeVttText(' a <b> & c\n\nd '), 'a &lt;b&gt; &amp; c d');
  });

  test('a cue that does not end after it starts is a mistake in the caller', () => {
    assert.throws(() => writeWebVtt([{ start: 5000, end: 5000, text: 'x' }]), /ends at/);
  });
});
