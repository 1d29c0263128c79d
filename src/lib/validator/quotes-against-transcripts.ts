/**
 * Citations that prove themselves: a quote that cites a talk moment is
 * checked against the talk's transcript, when it has one. The quoted words
 * must be said within QUOTE_WINDOW_SECONDS of the cited second (anywhere,
 * for a quote that cites the whole talk); otherwise the error says where
 * they are said, or that they are said nowhere and how far the quote agrees.
 *
 * A quote cites a talk in three ways: a source's `quote` field next to its
 * `ref`, a `<q cite="talk:…">` in the body, and a body blockquote that opens
 * with words in quotation marks and links one talk (its attribution, like
 * `([D. Sculley, 12:27](talk:godfather-of-mlops@12:27))`). A talk without a
 * transcript is not checked: there is nothing to check against.
 */
import { ELIDED_WORDS, MAX_QUOTE_PARTS, QUOTE_WINDOW_SECONDS, findQuote, type TranscriptWords } from '../content-model/quote-in-transcript.ts';
import { listed, quote as quoted } from '../content-model/quote.ts';
import { looksLikeRef, parseRef, type EntryRef } from '../content-model/references.ts';
import { formatTimestamp } from '../content-model/timestamps.ts';
import { fieldPath, type Diagnostic } from './diagnostics.ts';
import type { Position } from './entry-file.ts';
import { positionOf, textOf, walk, type MdNode } from './mdx-body.ts';
import type { ValueVisitor } from './values.ts';

/** A quote and the talk it cites, wherever in an entry it is written. */
export interface CitedQuote {
  file: string;
  field: string;
  position: Position;
  talk: string;
  /** The cited second; undefined when the whole talk is cited. */
  at?: number;
  words: string;
}

/** How many places an error lists before it counts the rest. */
const SHOWN_PLACES = 5;

/** Collects the frontmatter's sources that carry a quote and cite a talk's recording: `{ ref: talk:x@7:57, quote: "…" }`. */
export function citedQuotesVisitor(file: string, locate: (path: (string | number)[]) => Position, out: CitedQuote[]): ValueVisitor {
  return (value, path) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const { ref, quote, locator } = value as { ref?: EntryRef; quote?: unknown; locator?: unknown };
    if (typeof quote !== 'string' || ref === null || typeof ref !== 'object' || ref.type !== 'talk') return;
    // A whole talk with a locator cites what its page says (its abstract, a bio), which no transcript holds.
    if (ref.at === undefined && locator !== undefined) return;
    out.push({ file, field: fieldPath([...path, 'quote']), position: locate([...path, 'quote']), talk: ref.id, at: ref.at, words: quote });
  };
}

const talkRef = (url: unknown): EntryRef | undefined => {
  if (typeof url !== 'string' || !looksLikeRef(url)) return undefined;
  const r = parseRef(url);
  return r.ok && r.ref.type === 'talk' ? r.ref : undefined;
};

/** Words in quotation marks at the start of a blockquote: straight or curly. */
const OPENING_QUOTATION = /^\s*(?:"([^"]+)"|“([^”]+)”)/;

/** The body's quotes that cite a talk: `<q cite="talk:…">` and attributed blockquotes. */
export function bodyQuotes(file: string, root: MdNode): CitedQuote[] {
  const out: CitedQuote[] = [];
  walk(root, (node) => {
    if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'q') {
      const cite = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'cite');
      const ref = talkRef(cite?.value);
      if (ref) out.push({ file, field: 'body', position: positionOf(node), talk: ref.id, at: ref.at, words: textOf(node) });
    }
    if (node.type === 'blockquote') {
      const words = OPENING_QUOTATION.exec(textOf(node));
      const talks: EntryRef[] = [];
      walk(node, (n) => {
        const ref = n.type === 'link' ? talkRef(n.url) : undefined;
        if (ref) talks.push(ref);
      });
      // With two talks linked, which one the words come from is not written down.
      if (words && talks.length === 1) out.push({ file, field: 'body', position: positionOf(node), talk: talks[0].id, at: talks[0].at, words: words[1] ?? words[2] });
    }
  });
  return out;
}

/** `3:10`, `3:10 and 12:34`, …, `3:10, …, 27:20 and 4 other places`. */
function places(seconds: readonly number[]): string {
  const shown = seconds.slice(0, SHOWN_PLACES).map(formatTimestamp);
  const rest = seconds.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} other place${rest === 1 ? '' : 's'}` : listed(shown);
}

/**
 * Checks every quote against its talk's transcript. `transcriptOf` gives a
 * talk's transcript read into words (once per talk), or undefined when the
 * talk has none.
 */
export function checkQuotesAgainstTranscripts(quotes: readonly CitedQuote[], transcriptOf: (talk: string) => TranscriptWords | undefined, out: Diagnostic[]): void {
  for (const q of quotes) {
    const transcript = transcriptOf(q.talk);
    if (!transcript) continue;
    const vtt = `talks/${q.talk}.vtt`;
    const cite = (second: number) => `talk:${q.talk}@${formatTimestamp(second)}`;
    const report = (message: string, fix: string) => out.push({ severity: 'error', file: q.file, line: q.position.line, column: q.position.column, field: q.field, message, fix });
    const asSaid = 'quote the words as they are said (case, punctuation and fillers like "um" do not matter; mark words left out with …), or say it in our own words without quotation marks';
    const r = findQuote(transcript, q.words, q.at);
    switch (r.kind) {
      case 'found':
        break;
      case 'elsewhere':
        if (r.at.length === 1) report(`the quoted words are said at ${formatTimestamp(r.at[0])}, not within ${QUOTE_WINDOW_SECONDS} s of ${formatTimestamp(q.at!)}`, `cite ${cite(r.at[0])}`);
        else report(`the quoted words are said at ${places(r.at)}, none of them within ${QUOTE_WINDOW_SECONDS} s of ${formatTimestamp(q.at!)}`, `cite the moment the claim rests on${r.at.length > SHOWN_PLACES ? ', such as' : ':'} ${listed(r.at.slice(0, SHOWN_PLACES).map(cite), 'or')}`);
        break;
      case 'across-speakers':
        report(`the quoted words run from one speaker to the next in ${vtt} (at ${formatTimestamp(r.at)}: ${quoted(r.speakers[0])}, then ${quoted(r.speakers[1])}); a quote is one speaker's words`, 'quote one speaker only, or make it two quotes');
        break;
      case 'nowhere': {
        const start = r.start;
        const then = start?.then ? `, followed by ${quoted(start.then)}` : ', where the transcript ends';
        const how = !start
          ? 'not even its first two words are said together'
          : start.whole
            ? `the words before its first … are said at ${formatTimestamp(start.at)}, but what follows them is not said within ${ELIDED_WORDS} words`
            : `its first ${start.words} words are said at ${formatTimestamp(start.at)}${then}`;
        report(`the quoted words occur nowhere in ${vtt}; ${how}`, asSaid);
        break;
      }
      case 'unreadable':
        if (r.reason === 'no-words') report(`the quote holds no words to look for in ${vtt}`, 'write the words that are quoted');
        else report(`the quote leaves words out at more than ${MAX_QUOTE_PARTS - 1} places (…)`, `quote one passage, with at most ${MAX_QUOTE_PARTS - 1} …, or make it several quotes`);
        break;
    }
  }
}
