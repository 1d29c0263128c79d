/**
 * The same sentence in the bodies of different entries. A stock sentence
 * ("We have only the chapter title…", found in seven entries by reading)
 * belongs in one place, which the others link to. A sentence counts when it
 * has at least REPEATED_SENTENCE_WORDS words, compared in lower case with
 * punctuation and spacing set aside; shorter ones repeat by chance.
 *
 * Sentences are read in one pass over each paragraph's text that hashes the
 * words as it goes: splitting and normalising every sentence into strings
 * cost 0.6 s on 5,000 entries (a seventh of the whole validation), the pass
 * 0.1 s. Two sentences with the same hash are compared as text before one
 * is reported (among 50,000 sentences a few pairs share a 32-bit hash), and `sentenceKey` spells out what the pass computes (for
 * text in the Basic Multilingual Plane, which holds every letter entries use).
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { Position } from '../entry-file.ts';
import { positionOf, textOf, walk, type MdNode } from '../mdx-body.ts';

export const REPEATED_SENTENCE_WORDS = 10;

/** The sentences of a paragraph's text: each ends at . ! ? or …, and closing quotes or brackets, before a space. */
export const splitSentences = (text: string): string[] => text.split(/(?<=[.!?…])["”’)\]]*\s+/);

const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** A sentence as compared (its words in lower case, one space apart), or undefined when it is too short to count. */
export function sentenceKey(sentence: string): string | undefined {
  const key = sentence.toLowerCase().replace(NOT_WORD, ' ').trim();
  return key !== '' && key.split(' ').length >= REPEATED_SENTENCE_WORDS ? key : undefined;
}

// Per UTF-16 unit: 0 not part of a word, else the unit lower-cased. Filled as units are met.
const unitClass = new Uint16Array(0x10000).fill(0xffff);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
function classOf(c: number): number {
  let v = unitClass[c];
  if (v === 0xffff) {
    const ch = String.fromCharCode(c);
    v = LETTER_OR_DIGIT.test(ch) ? ch.toLowerCase().charCodeAt(0) : 0;
    // A letter whose lower case is the unit 0 cannot occur; 0xffff marks "not yet known".
    unitClass[c] = v;
  }
  return v;
}

// What each UTF-16 unit is to the sentence reader: one table lookup a character.
const SPACE = 1;
const TERMINATOR = 2;
const CLOSING = 4;
const ROLE = new Uint8Array(0x10000);
// The units \s matches, as splitSentences sees them.
for (const c of [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) ROLE[c] = SPACE;
for (let c = 0x2000; c <= 0x200a; c++) ROLE[c] = SPACE;
for (const c of '.!?…') ROLE[c.charCodeAt(0)] = TERMINATOR;
for (const c of '"”’)]') ROLE[c.charCodeAt(0)] = CLOSING;

/**
 * Calls `found` with a hash (32-bit FNV-1a) of each long sentence's key (see
 * `sentenceKey`) and where the sentence lies in `text`; sentences as
 * `splitSentences` cuts them. Different sentences can share a hash; equal
 * ones never differ.
 */
export function eachLongSentence(text: string, found: (hash: number, start: number, end: number) => void): void {
  const n = text.length;
  let start = 0;
  let words = 0;
  let inWord = false;
  let ending = false; // after a terminator and any closing marks
  let endsAt = 0; // just after that terminator: the closing marks belong to the break, as for splitSentences
  let h = 0x811c9dc5;
  // One loop, no closures: it runs over every character of every body. The end of the text ends the last sentence.
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    const role = i < n ? ROLE[c] : SPACE;
    if (role === SPACE) {
      inWord = false;
      if (!ending && i < n) continue;
      if (words >= REPEATED_SENTENCE_WORDS) found(h >>> 0, start, i < n ? endsAt : n);
      words = 0;
      h = 0x811c9dc5;
      ending = false;
      while (i + 1 < n && ROLE[text.charCodeAt(i + 1)] === SPACE) i++;
      start = i + 1;
      continue;
    }
    if (role === TERMINATOR) {
      ending = true;
      endsAt = i + 1;
    } else if (role !== CLOSING) ending = false;
    let lower = unitClass[c];
    if (lower === 0xffff) lower = classOf(c);
    if (lower === 0) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      if (words > 0) h = Math.imul(h ^ 32, 0x01000193);
      words++;
      inWord = true;
    }
    h = Math.imul(h ^ lower, 0x01000193);
  }
}

export interface BodySentence {
  hash: number;
  /** The sentence as written. */
  text: string;
  position: Position;
}

/** The long sentences of a body's paragraphs, each with the position of its paragraph. */
export function bodySentences(root: MdNode): BodySentence[] {
  const out: BodySentence[] = [];
  walk(root, (node) => {
    if (node.type !== 'paragraph') return;
    const text = textOf(node);
    // A placeholder the scaffolder or the importer wrote is reported as a placeholder, not as a stock sentence.
    if (/^TODO\b/.test(text)) return;
    eachLongSentence(text, (hash, start, end) => out.push({ hash, text: text.slice(start, end), position: positionOf(node) }));
  });
  return out;
}

/** Warns on each sentence that an earlier file (in path order) already has. */
export function checkRepeatedSentences(files: ReadonlyArray<{ file: string; sentences?: BodySentence[] }>, out: Diagnostic[]): void {
  // The first file to have each sentence, by hash; sentences that only share a hash are chained.
  type First = { file: string; text: string; other?: First };
  const first = new Map<number, First>();
  for (const f of files) {
    for (const s of f.sentences ?? []) {
      const head = first.get(s.hash);
      if (head === undefined) {
        first.set(s.hash, { file: f.file, text: s.text });
        continue;
      }
      const key = sentenceKey(s.text);
      let earlier: First | undefined = head;
      while (earlier && sentenceKey(earlier.text) !== key) earlier = earlier.other;
      if (!earlier) first.set(s.hash, { file: f.file, text: s.text, other: head });
      else if (earlier.file !== f.file) {
        out.push({ severity: 'warning', file: f.file, line: s.position.line, column: s.position.column, field: 'body', message: `repeats a sentence of ${earlier.file}: "${s.text.split(/\s+/).slice(0, 8).join(' ')}…"`, fix: 'say it once, in the entry where it belongs, and link to that entry from here; or say here what is particular to this entry' });
      }
    }
  }
}
