/**
 * The quote matcher, on a transcript written for this test: what counts as
 * the same words, where a quote is found, and that neither a large
 * transcript nor a hostile quote can make it slow (counted in transcript
 * words read, not timed; REPORT_TIMES=1 prints the times).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ELIDED_WORDS, findQuote, quoteParts, quoteWords, transcriptWords, type SpokenCue } from '../../../src/lib/content-model/quote-in-transcript.ts';

const s = (m: number, sec: number) => (m * 60 + sec) * 1000;

const CUES: SpokenCue[] = [
  { start: s(0, 5), end: s(0, 12), speaker: 'Ana Host', text: 'Welcome back, everyone. Today we, um, talk about pipelines that rot.' },
  { start: s(0, 12), end: s(0, 20), speaker: 'Bo Guest', text: 'Thanks. So the first thing I learned: a pipeline nobody owns' },
  { start: s(0, 20), end: s(0, 28), text: 'will break on the one day, uh, that everybody is on holiday.' },
  { start: s(7, 50), end: s(7, 58), speaker: 'Bo Guest', text: 'We had 1,000 features and, you know, maybe ten of them mattered.' },
  { start: s(7, 58), end: s(8, 5), speaker: 'Ana Host', text: 'Ten out of a thousand? That’s brutal.' },
  { start: s(8, 5), end: s(8, 15), speaker: 'Bo Guest', text: "It's the end-to-end tests that saved us, I mean, really saved us." },
  { start: s(12, 30), end: s(12, 40), speaker: 'Bo Guest', text: 'A pipeline nobody owns will break. I keep saying it.' },
];
const t = transcriptWords(CUES);

describe('words as compared', () => {
  const cases: Array<[string, string[]]> = [
    ['Welcome BACK, everyone!', ['welcome', 'back', 'everyone']],
    ['That’s brutal', ['thats', 'brutal']],
    ["That's brutal", ['thats', 'brutal']],
    ['1,000 features', ['1000', 'features']],
    ['1\u2009000 features', ['1000', 'features']],
    ['1\u00a0000 features', ['1000', 'features']],
    ['1 000 features', ['1', '000', 'features']],
    ['Straße ﬁne', ['straße', 'fine']],
    ['3.5 percent', ['35', 'percent']],
    ['end-to-end', ['end', 'to', 'end']],
    ['um, so, uh, er, hmm, mm, ah: well, like, you know, I mean', ['so', 'well', 'like', 'you', 'know', 'i', 'mean']],
    ['umm uhh erm mhm', []],
    ['summer, umbrella, her, am', ['summer', 'umbrella', 'her', 'am']],
  ];
  for (const [text, want] of cases) test(JSON.stringify(text), () => assert.deepEqual(quoteWords(text), want));

  test('a transcript reads its cues into the same words as a quote', () => {
    // Plain-English cues take a shorter path; every path must agree with quoteWords.
    for (const text of ["It's the end-to-end tests, um, that saved us!", "'Quoted' words -- and a dash", 'Um. Uh? Er', 'It’s 1,000 features — über-fast', 'one  two\tthree']) {
      assert.deepEqual(transcriptWords([{ start: 0, end: 1000, text }]).words, quoteWords(text), text);
    }
  });

  test('… and its spellings split a quote; empty ends are dropped', () => {
    assert.deepEqual(quoteParts('… a b … c [...] d [ … ] e ... f …'), [['a', 'b'], ['c'], ['d'], ['e'], ['f']]);
  });
});

describe('where a quote is said', () => {
  const cases: Array<[string, string, number | undefined, ReturnType<typeof findQuote>]> = [
    ['said at the cited second', 'We had 1000 features', s(7, 50) / 1000, { kind: 'found' }],
    ['said within 20 s before', 'maybe ten of them mattered', s(8, 10) / 1000, { kind: 'found' }],
    ['said within 20 s after', 'We had 1,000 features', s(7, 30) / 1000, { kind: 'found' }],
    ['said more than 20 s away', 'We had 1,000 features', s(7, 29) / 1000, { kind: 'elsewhere', at: [470] }],
    ['a whole-talk citation: anywhere', 'maybe ten of them mattered', undefined, { kind: 'found' }],
    ['case, punctuation, apostrophes and fillers ignored', "THAT'S BRUTAL", s(8, 0) / 1000, { kind: 'found' }],
    ['fillers dropped on both sides', 'today we talk about, uh, pipelines that rot', 5, { kind: 'found' }],
    ['meaningful words kept: "you know" left out is not the same words', 'features and maybe ten', s(7, 50) / 1000, { kind: 'nowhere', start: { words: 2, whole: false, at: 470, then: 'you know, maybe ten of them' } }],
    ['across cues of one speaker (a cue with no speaker continues the turn)', 'a pipeline nobody owns will break on the one day', 15, { kind: 'found' }],
    ['said at several places', 'a pipeline nobody owns will break', 400, { kind: 'elsewhere', at: [12, 750] }],
    ['across two speakers: refused', 'ten of them mattered. Ten out of a thousand', s(7, 55) / 1000, { kind: 'across-speakers', at: 470, speakers: ['Bo Guest', 'Ana Host'] }],
    ['elided', 'the first thing I learned … will break on the one day', 15, { kind: 'found' }],
    ['elided with [...], three parts', 'It’s the [...] tests that saved us … really', s(8, 5) / 1000, { kind: 'found' }],
    ['elided parts out of order', 'really saved us … the end-to-end tests', s(8, 5) / 1000, { kind: 'nowhere', start: { words: 3, whole: true, at: 485, then: 'A pipeline nobody owns will break.' } }],
    ['the first part said, what follows not', 'We had 1,000 features … and none of them mattered', s(7, 50) / 1000, { kind: 'nowhere', start: { words: 4, whole: true, at: 470, then: 'and, you know, maybe ten of' } }],
    ['nowhere, not even two words', 'Nothing like this was said', 0, { kind: 'nowhere' }],
    ['only punctuation and fillers', '… um, uh!', 0, { kind: 'unreadable', reason: 'no-words' }],
    ['too many …', 'a … b … c … d … e', 0, { kind: 'unreadable', reason: 'too-many-parts' }],
  ];
  for (const [name, quote, at, want] of cases) test(name, () => assert.deepEqual(findQuote(t, quote, at), want));

  test(`at most ${ELIDED_WORDS} words may be left out`, () => {
    const words = (n: number, w: string) => Array.from({ length: n }, () => w).join(' ');
    const near = transcriptWords([{ start: 0, end: 1000, speaker: 'A', text: `open ${words(ELIDED_WORDS, 'filler')} close` }]);
    const far = transcriptWords([{ start: 0, end: 1000, speaker: 'A', text: `open ${words(ELIDED_WORDS + 1, 'filler')} close` }]);
    assert.deepEqual(findQuote(near, 'open … close', 0), { kind: 'found' });
    assert.equal(findQuote(far, 'open … close', 0).kind, 'nowhere');
  });

  test('elided parts must be said by one speaker', () => {
    const two = transcriptWords([
      { start: 0, end: 1000, speaker: 'A', text: 'we shipped it' },
      { start: 1000, end: 2000, speaker: 'B', text: 'on a friday' },
    ]);
    assert.deepEqual(findQuote(two, 'we shipped … on a friday', 0), { kind: 'across-speakers', at: 0, speakers: ['A', 'B'] });
  });
});

describe('no input makes it slow', () => {
  // Counted, not timed: the words a match compares grow with the transcript and the quote, not their product.
  const sentence = 'the model the model the model drifted and nobody noticed the model';
  const cues: SpokenCue[] = [];
  let bytes = 0;
  for (let i = 0; bytes < 1024 * 1024; i++) {
    const text = `${sentence} ${i % 7 === 0 ? 'um' : 'again'}`;
    cues.push({ start: i * 1000, end: i * 1000 + 900, speaker: i % 2 ? 'A' : 'B', text });
    bytes += text.length + 30;
  }
  const big = transcriptWords(cues);
  const hostile = [Array.from({ length: 999 }, () => 'the model').join(' '), 'the model … the model … the model … the model', `${'the '.repeat(1000)}x`];
  for (const quote of hostile) {
    test(`a 1 MB transcript and the quote ${JSON.stringify(quote.slice(0, 24))}…`, () => {
      let reads = 0;
      const words = new Proxy(big.words, { get: (target, key, receiver) => (typeof key === 'string' && /^\d/.test(key) && reads++, Reflect.get(target, key, receiver)) });
      const r = findQuote({ ...big, words }, quote, 5);
      const started = performance.now();
      findQuote(big, quote, 5);
      const ms = performance.now() - started;
      assert.notEqual(r.kind, 'unreadable');
      // A few passes over the transcript for each part of the quote; comparing the quote at every word would read a thousand times more.
      assert.ok(reads < 40 * big.words.length, `${reads} reads of ${big.words.length} words`);
      if (process.env.REPORT_TIMES) console.log(`${big.words.length} words, quote of ${quote.length} characters: ${r.kind}, ${reads} reads, ${ms.toFixed(1)} ms`);
    });
  }
  test('reading a 1 MB transcript into words', () => {
    const started = performance.now();
    const again = transcriptWords(cues);
    if (process.env.REPORT_TIMES) console.log(`read into ${again.words.length} words in ${(performance.now() - started).toFixed(1)} ms`);
    assert.equal(again.words.length, big.words.length);
  });
});
