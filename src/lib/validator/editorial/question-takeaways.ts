/**
 * A takeaway cited to the start of a chapter whose title is a question. A
 * question is not a takeaway: where only the chapter list is known, the
 * moment holds the question, not what the speaker concluded.
 */
import type { Entry } from '../../content-model/link-graph.ts';
import { quote } from '../../content-model/quote.ts';
import { formatTimestamp } from '../../content-model/timestamps.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Position } from '../entry-file.ts';

export function checkQuestionTakeaways(talk: Entry<'talk'>, locate: (path: (string | number)[]) => Position, out: Diagnostic[]): void {
  const chapters = talk.data.chapters ?? [];
  talk.data.takeaways.forEach((t, i) => {
    const chapter = chapters.find((c) => c.at === t.at);
    if (!chapter || !chapter.title.trim().endsWith('?')) return;
    const pos = locate(['takeaways', i, 'at']);
    out.push({ severity: 'warning', file: talk.file, line: pos.line, column: pos.column, field: `takeaways[${i}].at`, message: `cites ${formatTimestamp(t.at!)}, the start of the chapter ${quote(chapter.title)}, whose title is a question: a question is not a takeaway`, fix: 'cite the moment where the answer is given, or leave the takeaway out until the recording has been checked' });
  });
}
