/**
 * Quotation marks around words in a field that is not a quote field. A quote
 * is the speaker's own words, marked and attributed: a source's `quote`
 * field, or a blockquote with who said it and when in the body. Words in
 * quotation marks anywhere else read as a quote without a source, or as a
 * paraphrase dressed as one. What is not a quotation: a term or a name of up
 * to three words ("dark ages", "level 3"), the title of an entry, and the
 * title of a chapter of a talk the entry cites, which names the chapter.
 */
import type { Entry } from '../../content-model/link-graph.ts';
import { quote } from '../../content-model/quote.ts';
import { fieldPath, type Diagnostic } from '../diagnostics.ts';
import type { Position } from '../entry-file.ts';
import type { ValueVisitor } from '../values.ts';

/** Fewer words than this in quotation marks are a term, not a quotation. */
export const QUOTATION_WORDS = 4;

const QUOTED = /"([^"\n]+)"|“([^”\n]+)”/g;
export const normal = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/[^\p{L}\p{N}']+/gu, ' ').trim();

/**
 * `named` gives what may stand in quotation marks as a name (entry titles,
 * the chapter titles of the talks this entry cites), normalised with
 * `normal`; it is asked only when a quotation turns up.
 */
export function quotesInFieldsVisitor(entry: Entry, named: (entry: Entry) => readonly string[], locate: (path: (string | number)[]) => Position, out: Diagnostic[]): ValueVisitor {
  let names: readonly string[] | undefined;
  return (text, path) => {
    if (typeof text !== 'string' || (!text.includes('"') && !text.includes('“'))) return;
    const key = path.at(-1);
    if (key === 'quote' || key === 'url') return;
    for (const m of text.matchAll(QUOTED)) {
      const quoted = m[1] ?? m[2];
      const words = normal(quoted);
      if (words.split(' ').length < QUOTATION_WORDS) continue;
      names ??= named(entry);
      if (names.some((n) => n.includes(words))) continue;
      const pos = locate([...path]);
      const field = fieldPath(path);
      out.push({ severity: 'warning', file: entry.file, line: pos.line, column: pos.column, field, message: `puts ${quote(quoted)} in quotation marks, which makes it a quotation, in a field that is not for quotes`, fix: 'say it in our own words without quotation marks; or, if the exact words matter, give them in a source\'s quote field (attributed, with the moment) or in a blockquote with attribution in the body' });
    }
  };
}
