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
import type { Entry, Graph } from '../../content-model/link-graph.ts';
import type { FileState } from '../check-entry-file.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { ValueVisitor } from '../values.ts';
import { pageFactsAtMomentsVisitor } from './page-facts-at-moments.ts';
import { checkQuestionTakeaways } from './question-takeaways.ts';
import { normal, quotesInFieldsVisitor } from './quotes-in-fields.ts';
import { checkRepeatedSentences } from './repeated-sentences.ts';
import { checkSingleAuthor } from './single-author.ts';

/** The checks across entries, and those of one entry that do not walk its values. */
export function checkEditorial(states: readonly FileState[], graph: Graph, out: Diagnostic[]): void {
  checkRepeatedSentences(states, out);
  for (const state of states) {
    const entry = state.entry;
    if (!entry || graph.entries.get(entry.key) !== entry) continue;
    const locate = (path: (string | number)[]) => state.locateField!(path);
    if (entry.type === 'talk') checkQuestionTakeaways(entry, locate, out);
    if (entry.type === 'reference') checkSingleAuthor(entry, state.bodyText ?? '', locate, out);
  }
}

/** What may stand in quotation marks as a name, for each entry: worked out only when an entry has a quotation to compare. */
function quotableNames(graph: Graph): (entry: Entry) => string[] {
  let titles: string[] | undefined;
  const chapters = new Map<EntryKey, string[]>();
  const chaptersOf = (key: EntryKey) => {
    let c = chapters.get(key);
    if (!c) chapters.set(key, (c = ((graph.entries.get(key) as Entry<'talk'> | undefined)?.data.chapters ?? []).map((x) => normal(x.title))));
    return c;
  };
  return (entry) => {
    titles ??= [...graph.entries.values()].map((e) => normal(e.title));
    const talks = new Set((graph.outgoing.get(entry.key) ?? []).filter((e) => e.to.startsWith('talk:')).map((e) => e.to));
    if (entry.type === 'talk') talks.add(entry.key);
    return [...titles, ...[...talks].flatMap(chaptersOf)];
  };
}

/** The editorial checks that read an entry's values, for the one walk over each entry (validate-content.ts). */
export function editorialVisitors(graph: Graph, out: Diagnostic[]): (entry: Entry, state: FileState) => ValueVisitor[] {
  const named = quotableNames(graph);
  return (entry, state) => {
    const locate = (path: (string | number)[]) => state.locateField!(path);
    return [quotesInFieldsVisitor(entry, named, locate, out), pageFactsAtMomentsVisitor(entry, locate, out)];
  };
}
