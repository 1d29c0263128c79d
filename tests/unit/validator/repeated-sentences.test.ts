/** The one-pass sentence reader agrees with the plain definition: splitSentences cuts, sentenceKey compares. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eachLongSentence, sentenceKey, splitSentences } from '../../../src/lib/validator/editorial/repeated-sentences.ts';

const texts = [
  'We have only the chapter title for this moment, not a transcript of what was said. A second sentence follows here with exactly ten words in it!',
  'WE HAVE ONLY the chapter title for this moment -- not a transcript of what was said?! “Quoted speech ends here, with a closing mark and more words after it.” Then (a bracketed aside of ten words goes right here in the end.) Done.',
  'Short. Also short. Names like D. Sculley and J. Smith cut sentences where a reader would not, which the check accepts as the price of simplicity…  Ünïcödé wörds, ß and İ and Ω count as words too, all twelve of them here, right?',
  'No terminator at the end but still a long sentence of words one two three',
  'A sentence that ends in a bracket and then the text ends right here (like this one does.)',
  'Tabs\tand\u00a0non-breaking\u2009spaces\u3000separate words as well as plain ones do, in every sentence of this text.\nA new line ends nothing unless a full stop comes first, as in this sentence with enough words.',
];

test('each long sentence, its place and its hash, as splitting and keying would give', () => {
  for (const text of texts) {
    const fast: Array<[number, string]> = [];
    eachLongSentence(text, (hash, start, end) => fast.push([hash, text.slice(start, end)]));
    const plain = splitSentences(text).filter((s) => sentenceKey(s) !== undefined);
    assert.deepEqual(fast.map(([, s]) => s), plain, text);
    // Equal keys, equal hashes; and these different sentences happen not to share one.
    for (const [h, s] of fast) for (const [h2, s2] of fast) assert.equal(h === h2, sentenceKey(s) === sentenceKey(s2));
  }
});

test('the same sentence written differently has one hash', () => {
  const hashes = new Set<number>();
  for (const s of ['We have only the chapter title for this moment, not a transcript.', '  we HAVE only -- the chapter title for this moment; not a “transcript”!']) {
    eachLongSentence(s, (h) => hashes.add(h));
  }
  assert.equal(hashes.size, 1);
  assert.equal(sentenceKey('We have only the chapter title for this moment, not a transcript.'), 'we have only the chapter title for this moment not a transcript');
});
