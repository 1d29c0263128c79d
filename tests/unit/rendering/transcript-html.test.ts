import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TranscriptCue } from '../../../src/lib/content-model/transcript.ts';
import { excerptCues, momentTranscriptHtml, transcriptHtml } from '../../../src/lib/rendering/transcript-html.ts';

const cue = (second: number, text: string, speaker?: string): TranscriptCue => ({ line: second + 3, start: second * 1000, end: second * 1000 + 900, text, ...(speaker ? { speaker } : {}) });

test('lines starting in the same second share one anchor; the speaker is named when the voice changes', () => {
  const html = transcriptHtml([cue(5, 'One.', 'Ada Marsh'), { ...cue(5, 'Two.', 'Ada Marsh'), start: 5500 }, cue(9, 'Three.', 'Tomas Ferreira')], (s) => `https://example.org/v.mp3#t=${s}`);
  assert.deepEqual([...html.matchAll(/ id="(t-\d+)"/g)].map((m) => m[1]), ['t-5', 't-9']);
  assert.deepEqual([...html.matchAll(/<\/a>( [^<]+)?<\/h3>/g)].map((m) => m[1]), [' Ada Marsh', undefined, ' Tomas Ferreira']);
  assert.match(html, /<a href="https:\/\/example\.org\/v\.mp3#t=9" data-pagefind-ignore>▶<span class="visually-hidden"> Play from 00:09<\/span><\/a>/);
  assert.match(html, /Show the transcript \(3 lines\)/);
});

test('text and names are escaped, and a recording that cannot seek gets no play link', () => {
  const html = transcriptHtml([cue(1, '<img src=x onerror=alert(1)> & "so"', '</h3><script>')], () => undefined);
  assert.doesNotMatch(html, /<img|<script|▶/);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt; &amp; &quot;so&quot;/);
  assert.match(html, /&lt;\/h3&gt;&lt;script&gt;/);
});

test('a moment shows six lines: two before the one being said, it, and three after; fewer before at the start, more before at the end', () => {
  const cues = Array.from({ length: 20 }, (_, i) => cue(i * 10, `Line ${i}.`));
  const shown = (second: number) => excerptCues(cues, second).map((c) => c.text);
  assert.deepEqual(shown(95), ['Line 7.', 'Line 8.', 'Line 9.', 'Line 10.', 'Line 11.', 'Line 12.']);
  assert.deepEqual(shown(0), ['Line 0.', 'Line 1.', 'Line 2.', 'Line 3.', 'Line 4.', 'Line 5.']);
  assert.deepEqual(shown(5000), ['Line 14.', 'Line 15.', 'Line 16.', 'Line 17.', 'Line 18.', 'Line 19.']);
  assert.equal(excerptCues(cues.slice(0, 3), 10).length, 3);
});

test("a moment's lines link into the talk page's transcript; no transcript, no section", () => {
  const html = momentTranscriptHtml([cue(61, 'Said.', 'Ada Marsh')], 61, '/kb/talks/a-talk/');
  assert.match(html, /<a class="time" href="\/kb\/talks\/a-talk\/#t-61">01:01<\/a> <b>Ada Marsh<\/b>: Said\.<\/li>/);
  assert.equal(momentTranscriptHtml(undefined, 61, '/kb/talks/a-talk/'), '');
});
