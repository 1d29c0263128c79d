import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cueSecond, parseTranscript } from '../../../src/lib/content-model/transcript.ts';

test('a cue in which two people speak becomes a line each, with the cue\'s times', () => {
  const t = parseTranscript(['WEBVTT', '', '00:00:01.500 --> 00:00:04.000', '<v Ada Marsh>We moved the checks.</v> <v Tomas Ferreira>Before training?', '', '00:00:04.000 --> 00:00:06.000', 'Applause, nobody named.'].join('\n'));
  assert.deepEqual(t.problems, []);
  assert.deepEqual(t.cues, [
    { line: 3, start: 1500, end: 4000, speaker: 'Ada Marsh', speakerAt: { line: 4, column: 1 }, text: 'We moved the checks.' },
    { line: 3, start: 1500, end: 4000, speaker: 'Tomas Ferreira', speakerAt: { line: 4, column: 39 }, text: 'Before training?' },
    { line: 6, start: 4000, end: 6000, text: 'Applause, nobody named.' },
  ]);
});

test('problems keep their line and column, and the cues that could be read are kept', () => {
  const t = parseTranscript('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nFine.\n\n00:00:03.000 --> 00:61:00.000\nBad minutes.\n');
  assert.deepEqual(t.cues.map((c) => c.text), ['Fine.']);
  assert.deepEqual(t.problems.map((p) => [p.line, p.column]), [[6, 18]]);
});

test('cueSecond counts whole seconds from the start', () => {
  for (const [ms, s] of [[0, 0], [999, 0], [1000, 1], [61_500, 61]] as const) assert.equal(cueSecond({ start: ms }), s);
});
