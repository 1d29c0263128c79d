/**
 * Where in a transcript a quote is said. A citation may carry the words it
 * rests on (`{ ref: talk:x@7:57, quote: "…" }`); when the talk has a
 * transcript, the validator asks this module whether those words are said
 * within QUOTE_WINDOW_SECONDS of the cited second, elsewhere, or nowhere.
 *
 * Words are compared, not characters: case, punctuation, apostrophe
 * variants and the separators inside numbers (1,000 = 1000) do not count,
 * and hesitation fillers (um, uh, er, hmm…) are dropped on both sides, since
 * one transcript writes them and another does not. Words that mean something
 * ("like", "so", "you know") are kept. A quote may leave words out with `…`
 * (or `...`, `[…]`, `[...]`): its parts must then be said in order, by one
 * speaker, with at most ELIDED_WORDS words left out in all.
 *
 * A quote is one speaker's words: a match may run across cues but not across
 * a change of speaker (a cue that names no speaker continues the previous
 * one's turn, as captions name a speaker only when the turn changes).
 *
 * Linear in the transcript and the quote: each part is found with one
 * Knuth-Morris-Pratt pass, so a 1 MB transcript and a hostile 1,000-word
 * quote cost milliseconds, never a hang (tests/unit/content-model/
 * quote-in-transcript.test.ts measures it).
 */

/** How far from the cited second the words may be said and still count as said there. */
export const QUOTE_WINDOW_SECONDS = 20;
/** How many words, in all, the `…` of one quote may stand for. */
export const ELIDED_WORDS = 50;
/** How many parts `…` may split a quote into. */
export const MAX_QUOTE_PARTS = 4;

/** A cue as any transcript reader gives it: times in milliseconds. */
export interface SpokenCue {
  start: number;
  end: number;
  speaker?: string;
  text: string;
}

/** A transcript read into words, once per talk, for any number of quotes. */
export interface TranscriptWords {
  /** Each word, normalised. */
  words: string[];
  /** The cue each word is in. */
  cue: Int32Array;
  /** The speaker turn each word is in: a match stays within one. */
  turn: Int32Array;
  cues: readonly SpokenCue[];
}

export type QuoteMatch =
  /** The quote has no words to look for (only punctuation or fillers), or too many `…`. */
  | { kind: 'unreadable'; reason: 'no-words' | 'too-many-parts' }
  | { kind: 'found' }
  /** Said, but not within the window: the whole seconds where each occurrence starts, in order. */
  | { kind: 'elsewhere'; at: number[] }
  /** Said, but only across a change of speaker. */
  | { kind: 'across-speakers'; at: number; speakers: [string, string] }
  /**
   * Not said. `start` is the longest run of the quote's first words that is
   * said (when two or more are): how many, whether that is all the words
   * before the first `…`, where, and what the transcript says next.
   */
  | { kind: 'nowhere'; start?: { words: number; whole: boolean; at: number; then: string } };

const FILLERS = /^(?:u+[hm]+|u+hm+|e+r+m*|a+h+|h+m+|m+h*m+|e+h+)$/;
const APOSTROPHES = /[’‘ʼ′`´]/g;
/** Separators inside a number: 1,000 · 1.5 · 1 000 (thin or no-break space) · 1'000. */
const NUMBER_SEPARATOR = /(?<=\d)[,.'\u00a0\u2009\u202f_](?=\d)/g;
const LETTERS_APOSTROPHE = /(?<=[\p{L}\p{N}])'(?=[\p{L}\p{N}])/gu;
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/u;
const ELISION = /\[\s*(?:…|\.\.\.)\s*\]|…|\.\.\./;

/** Whitespace between written words; a no-break or thin space may sit inside a number (1 000). */
const SPACE = /[^\S\u00a0\u2009\u202f]+/;
/** Most written words: plain letters, perhaps with a comma or full stop after them. */
const PLAIN = /^[A-Za-z]+[.,;:!?]?$/;

/** The words of a piece of text as compared: lowercase, no punctuation, no fillers. */
export function quoteWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(SPACE)) pushWords(raw, out);
  return out;
}

function pushWords(raw: string, out: string[]): void {
  if (PLAIN.test(raw)) {
    const w = raw.toLowerCase().replace(/[.,;:!?]$/, '');
    if (!FILLERS.test(w)) out.push(w);
    return;
  }
  const plain = raw.replace(APOSTROPHES, "'").replace(NUMBER_SEPARATOR, '').normalize('NFKC').toLowerCase().replace(LETTERS_APOSTROPHE, '');
  for (const w of plain.split(NOT_WORD)) if (w !== '' && !FILLERS.test(w)) out.push(w);
}

/** A cue of plain English, the most common by far: its words need no more than lowercasing and splitting. */
const PLAIN_CUE = /^[A-Za-z ,.;:!?'-]*$/;
const PLAIN_SEPARATORS = /[ ,.;:!?-]+/;

/** Reads a transcript's cues into words, each with its cue and speaker turn. */
export function transcriptWords(cues: readonly SpokenCue[]): TranscriptWords {
  const words: string[] = [];
  const cueOf: number[] = [];
  const turnOf: number[] = [];
  let turn = 0;
  let speaker: string | undefined;
  cues.forEach((c, i) => {
    if (c.speaker !== undefined && speaker !== undefined && c.speaker !== speaker) turn++;
    if (c.speaker !== undefined) speaker = c.speaker;
    const before = words.length;
    if (PLAIN_CUE.test(c.text)) {
      for (const w of c.text.toLowerCase().replaceAll("'", '').split(PLAIN_SEPARATORS)) if (w !== '' && !FILLERS.test(w)) words.push(w);
    } else {
      for (const raw of c.text.split(SPACE)) pushWords(raw, words);
    }
    for (let k = before; k < words.length; k++) {
      cueOf.push(i);
      turnOf.push(turn);
    }
  });
  return { words, cue: Int32Array.from(cueOf), turn: Int32Array.from(turnOf), cues };
}

/** Up to `count` written words that follow word `w` (fillers too, as the transcript has them), read again from the cues. */
function writtenAfter(t: TranscriptWords, w: number, count: number): string {
  let first = w;
  while (first > 0 && t.cue[first - 1] === t.cue[w]) first--;
  const out: string[] = [];
  let seen = 0;
  for (let c = t.cue[w]; c < t.cues.length && out.length < count; c++) {
    for (const raw of t.cues[c].text.split(SPACE)) {
      if (raw === '' || out.length === count) continue;
      if (c === t.cue[w] && seen <= w - first) seen += quoteWords(raw).length;
      else out.push(raw);
    }
  }
  return out.join(' ');
}

/** The quote's parts, split at each `…`; empty parts (a quote that starts or ends with `…`) dropped. */
export function quoteParts(quote: string): string[][] {
  return quote.split(ELISION).map(quoteWords).filter((p) => p.length > 0);
}

/** Knuth-Morris-Pratt failure table of `p`. */
function failures(p: readonly string[]): Int32Array {
  const f = new Int32Array(p.length);
  for (let i = 1, k = 0; i < p.length; i++) {
    while (k > 0 && p[i] !== p[k]) k = f[k - 1];
    if (p[i] === p[k]) k++;
    f[i] = k;
  }
  return f;
}

interface Scan {
  /** Start index of every occurrence, in order. */
  starts: number[];
  /** The longest prefix of the part said anywhere, and where it starts. */
  longest: number;
  longestAt: number;
}

/** Every occurrence of `p` in the words, within one turn unless `anyTurn`. */
function scan(t: TranscriptWords, p: readonly string[], anyTurn: boolean): Scan {
  const f = failures(p);
  const starts: number[] = [];
  let longest = 0;
  let longestAt = -1;
  for (let i = 0, k = 0; i < t.words.length; i++) {
    if (!anyTurn && k > 0 && t.turn[i] !== t.turn[i - 1]) k = 0;
    while (k > 0 && t.words[i] !== p[k]) k = f[k - 1];
    if (t.words[i] === p[k]) k++;
    if (k > longest) {
      longest = k;
      longestAt = i - k + 1;
    }
    if (k === p.length) {
      starts.push(i - k + 1);
      k = f[k - 1];
    }
  }
  return { starts, longest, longestAt };
}

/**
 * Where the whole quote is said: each occurrence as [first word, last word].
 * The parts are chained greedily (each at its first occurrence after the
 * previous part), which leaves out the fewest words; one pointer per part
 * keeps this linear however many occurrences there are.
 */
function occurrences(t: TranscriptWords, parts: readonly string[][], anyTurn: boolean): Array<[number, number]> {
  const found = parts.map((p) => scan(t, p, anyTurn).starts);
  const next = parts.map(() => 0);
  const out: Array<[number, number]> = [];
  for (const first of found[0]) {
    let end = first + parts[0].length;
    let elided = 0;
    let ok = true;
    for (let j = 1; j < parts.length && ok; j++) {
      const list = found[j];
      while (next[j] < list.length && list[next[j]] < end) next[j]++;
      const at = list[next[j]];
      elided += at - end;
      ok = at !== undefined && elided <= ELIDED_WORDS && (anyTurn || t.turn[at] === t.turn[first]);
      end = at + parts[j].length;
    }
    if (ok) out.push([first, end - 1]);
  }
  return out;
}

const second = (ms: number) => Math.floor(ms / 1000);

/**
 * Where `quote` is said in the transcript. `at` is the cited second, or
 * undefined when the whole talk is cited: then said anywhere is found.
 */
export function findQuote(t: TranscriptWords, quote: string, at?: number): QuoteMatch {
  const parts = quoteParts(quote);
  if (parts.length === 0) return { kind: 'unreadable', reason: 'no-words' };
  if (parts.length > MAX_QUOTE_PARTS) return { kind: 'unreadable', reason: 'too-many-parts' };
  const startOf = (word: number) => t.cues[t.cue[word]].start;
  const found = occurrences(t, parts, false);
  if (found.length > 0) {
    if (at === undefined) return { kind: 'found' };
    const from = (at - QUOTE_WINDOW_SECONDS) * 1000;
    const to = (at + QUOTE_WINDOW_SECONDS + 1) * 1000;
    // Within the window when the cues the words are said in overlap it.
    if (found.some(([a, b]) => startOf(a) < to && t.cues[t.cue[b]].end >= from)) return { kind: 'found' };
    return { kind: 'elsewhere', at: [...new Set(found.map(([a]) => second(startOf(a))))] };
  }
  const across = occurrences(t, parts, true)[0];
  if (across) {
    const [a, b] = across;
    const change = t.turn.indexOf(t.turn[a] + 1, a);
    const speakerOf = (word: number) => t.cues.slice(0, t.cue[word] + 1).findLast((c) => c.speaker !== undefined)?.speaker ?? '';
    if (change !== -1 && change <= b) return { kind: 'across-speakers', at: second(startOf(a)), speakers: [speakerOf(a), speakerOf(change)] };
  }
  const { longest, longestAt } = scan(t, parts[0], false);
  if (longest < 2) return { kind: 'nowhere' };
  const then = writtenAfter(t, longestAt + longest - 1, 6);
  return { kind: 'nowhere', start: { words: longest, whole: longest === parts[0].length, at: second(startOf(longestAt)), then } };
}
