import assert from 'node:assert/strict';
import { test } from 'node:test';
import { transcriptRecord } from '../../../src/lib/build/transcript-index.ts';
import { transcriptHtml } from '../../../src/lib/rendering/transcript-html.ts';

test("a talk page's record for the index of what was said is its title and its transcript, indexed", () => {
  const section = transcriptHtml([{ line: 3, start: 62_000, end: 64_000, speaker: 'Ada Marsh', text: 'Said &amp; done.' }], () => undefined);
  const page = `<html><body><article data-pagefind-body><h1 data-pagefind-weight="7">A &amp; B</h1><p>Summary.</p>${section}<footer>x</footer></article></body></html>`;
  const record = transcriptRecord(page)!;
  assert.match(record, /<main data-pagefind-body data-pagefind-meta="type:Talk"><h1>A &amp; B<\/h1><h2 id="transcript">Transcript<\/h2>/);
  assert.match(record, /<h3 id="t-62" role="none">/);
  assert.doesNotMatch(record, /Summary|footer|data-pagefind-ignore="all"/);
});

test('a talk page without a transcript gives no record', () => {
  assert.equal(transcriptRecord('<html><body><h1>A talk</h1><p>No transcript.</p></body></html>'), undefined);
});
