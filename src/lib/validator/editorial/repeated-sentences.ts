/**
 * The same sentence in the bodies of different entries. A stock sentence
 * ("We have only the chapter title…", found in seven entries by reading)
 * belongs in one place, which the others link to. A sentence counts when it
 * has at least REPEATED_SENTENCE_WORDS words, compared in lower case with
 * punctuation and spacing set aside; shorter ones repeat by chance.
 */
import type { Diagnostic } from '../diagnostics.ts';
import type { Position } from '../entry-file.ts';
import { positionOf, textOf, walk, type MdNode } from '../mdx-body.ts';

export const REPEATED_SENTENCE_WORDS = 10;

export interface BodySentence {
  /** The sentence as compared: lower case, words only. */
  key: string;
  /** Its first words, as the report quotes them. */
  opening: string;
  position: Position;
}

/** The sentences of a paragraph's text. */
export const splitSentences = (text: string): string[] => text.split(/(?<=[.!?…])["”’)\]]*\s+/);

/** A sentence as compared, or undefined when it is too short to count. */
export function sentenceKey(sentence: string): string | undefined {
  const words = sentence.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.length >= REPEATED_SENTENCE_WORDS ? words.join(' ') : undefined;
}

/** The long sentences of a body's paragraphs, each with the position of its paragraph. */
export function bodySentences(root: MdNode): BodySentence[] {
  const out: BodySentence[] = [];
  walk(root, (node) => {
    if (node.type !== 'paragraph') return;
    for (const sentence of splitSentences(textOf(node))) {
      const key = sentenceKey(sentence);
      if (key) out.push({ key, opening: sentence.split(/\s+/).slice(0, 8).join(' '), position: positionOf(node) });
    }
  });
  return out;
}

/** Warns on each sentence that an earlier file (in path order) already has. */
export function checkRepeatedSentences(files: ReadonlyArray<{ file: string; sentences?: BodySentence[] }>, out: Diagnostic[]): void {
  const first = new Map<string, string>();
  for (const f of files) {
    for (const s of f.sentences ?? []) {
      const earlier = first.get(s.key);
      if (earlier === undefined) first.set(s.key, f.file);
      else if (earlier !== f.file) {
        out.push({ severity: 'warning', file: f.file, line: s.position.line, column: s.position.column, field: 'body', message: `repeats a sentence of ${earlier}: "${s.opening}…"`, fix: 'say it once, in the entry where it belongs, and link to that entry from here; or say here what is particular to this entry' });
      }
    }
  }
}
