/** Chapter exports stay well-formed and inert whatever a title holds: WebVTT read strictly, JSON parsed back. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entry } from '../../../src/lib/content-model/link-graph.ts';
import { chapterFileList, chapterFiles, podcastChapters, podcastChaptersJson, vttChapters } from '../../../src/lib/rendering/chapter-exports.ts';
import { htmlText } from '../../../src/lib/rendering/html-text.ts';
import { readChapterVttStrictly } from '../../support/strict-chapter-vtt.ts';

const hostile = [
  'Plain',
  'Line one\nNOTE injected\n\nSTYLE\n::cue { color: red }',
  'Windows\r\nline\rends',
  '<b>bold</b> & <v Speaker>voice</v> &amp; --> 00:00:01.000',
  '</script><script>alert(1)</script>',
];

const talk = {
  type: 'talk',
  id: 'x',
  title: 'A talk\nNOTE a title that tries --> things',
  data: { chapters: hostile.map((title, i) => ({ at: i * 60, title })), duration: 600, recordings: [{ kind: 'video', url: 'https://youtu.be/x' }] },
} as unknown as Entry<'talk'>;

test('WebVTT: one header line, one cue a chapter, each title on one line and escaped', () => {
  const vtt = readChapterVttStrictly(vttChapters(talk));
  assert.equal(vtt.title, '- A talk NOTE a title that tries → things');
  assert.deepEqual(vtt.cues.map((c) => c.text), hostile.map((t) => t.replace(/\r\n|[\r\n]+/g, ' ')));
  assert.deepEqual(vtt.cues.map((c) => c.start), ['00:00:00.000', '00:01:00.000', '00:02:00.000', '00:03:00.000', '00:04:00.000']);
});

test('JSON chapters parse back to the titles as written', () => {
  const json = JSON.parse(JSON.stringify(podcastChapters(talk, (p) => `https://kb.example${p}`)));
  assert.deepEqual(json.chapters.map((c: { title: string }) => c.title), hostile);
});

test('the chapter files a build writes: the two of each talk with chapters, the list known before them the same', () => {
  const without = { ...talk, id: 'no-chapters', data: { ...talk.data, chapters: [] } } as unknown as Entry<'talk'>;
  const unset = { ...talk, id: 'unset', data: { duration: 60 } } as unknown as Entry<'talk'>;
  const other = { ...talk, id: 'other' } as unknown as Entry<'talk'>;
  const abs = (p: string) => `https://kb.example${p}`;
  const files = [...chapterFiles([talk, without, unset, other], abs)];
  assert.deepEqual(files.map((f) => f.file), ['talks/x/chapters.json', 'talks/x/chapters.vtt', 'talks/other/chapters.json', 'talks/other/chapters.vtt']);
  assert.deepEqual(chapterFileList([talk, without, unset, other]), files.map((f) => f.file));
  assert.equal(files[0].body, podcastChaptersJson(talk, abs));
  assert.equal(files[0].body, JSON.stringify(podcastChapters(talk, abs), null, 2));
  assert.equal(files[1].body, vttChapters(talk));
});

test('htmlText shows text as text', () => {
  assert.equal(htmlText(`<img src=x onerror="alert('1')"> & co`), '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co');
});
