/**
 * Checks of what a careful reader found wrong in entries that were valid
 * (issue #12), wherever a machine can see it; each is a warning, which
 * `npm run validate -- --strict` (and so review) does not let pass. One
 * module per check: repeated sentences across bodies, quotation marks in
 * fields that are not for quotes, takeaways cited to a question, sources
 * that say they come from a talk's page but cite a moment, and references
 * that mention co-authors but list one author.
 */
import type { EntryKey } from '../../content-model/entry-types.ts';
import { edgesOf, type Entry } from '../../content-model/link-graph.ts';
import type { FileState } from '../check-entry-file.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { checkPageFactsAtMoments } from './page-facts-at-moments.ts';
import { checkQuestionTakeaways } from './question-takeaways.ts';
import { checkQuotesInFields, normal } from './quotes-in-fields.ts';
import { checkRepeatedSentences } from './repeated-sentences.ts';
import { checkSingleAuthor } from './single-author.ts';

export function checkEditorial(states: readonly FileState[], byKey: ReadonlyMap<EntryKey, Entry>, out: Diagnostic[]): void {
  checkRepeatedSentences(states, out);
  // Normalised once each, and only when an entry has words in quotation marks to compare.
  let titles: string[] | undefined;
  const chapters = new Map<EntryKey, string[]>();
  const chaptersOf = (key: EntryKey) => {
    let c = chapters.get(key);
    if (!c) chapters.set(key, (c = ((byKey.get(key) as Entry<'talk'> | undefined)?.data.chapters ?? []).map((x) => normal(x.title))));
    return c;
  };
  const named = (entry: Entry) => {
    titles ??= [...byKey.values()].map((e) => normal(e.title));
    const talks = new Set(edgesOf(entry).filter((e) => e.to.startsWith('talk:')).map((e) => e.to));
    if (entry.type === 'talk') talks.add(entry.key);
    return [...titles, ...[...talks].flatMap(chaptersOf)];
  };
  for (const state of states) {
    const entry = state.entry;
    if (!entry || byKey.get(entry.key) !== entry) continue;
    const locate = (path: (string | number)[]) => state.locateField!(path);
    checkQuotesInFields(entry, named, locate, out);
    checkPageFactsAtMoments(entry, locate, out);
    if (entry.type === 'talk') checkQuestionTakeaways(entry, locate, out);
    if (entry.type === 'reference') checkSingleAuthor(entry, state.bodyText ?? '', locate, out);
  }
}
