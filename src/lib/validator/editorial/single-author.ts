/**
 * A reference whose text says the work has more authors ("et al.",
 * "co-authors", "and others") while it lists one: the list hides who wrote
 * it (a speaker among forty authors went unseen that way).
 */
import type { Entry } from '../../content-model/link-graph.ts';
import { quote } from '../../content-model/quote.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Position } from '../entry-file.ts';

const MORE_AUTHORS = /\bet al\b\.?|\bco-?authors?\b|\band (?:many )?others\b|\band colleagues\b/i;

export function checkSingleAuthor(reference: Entry<'reference'>, body: string, locate: (path: (string | number)[]) => Position, out: Diagnostic[]): void {
  const d = reference.data;
  if (d.authors.length !== 1) return;
  const texts: Array<[string, string]> = [['authors[0].name', d.authors[0].name], ['title', d.title], ['description', d.description], ['venue', d.venue ?? ''], ['body', body]];
  const said = texts.map(([where, text]) => [where, MORE_AUTHORS.exec(text)?.[0]] as const).find(([, m]) => m !== undefined);
  if (!said) return;
  const pos = locate(['authors']);
  out.push({ severity: 'warning', file: reference.file, line: pos.line, column: pos.column, field: 'authors', message: `lists one author, but the ${said[0] === 'body' ? 'body' : `field ${said[0]}`} says there are more (${quote(said[1])})`, fix: 'list every author in credited order, one per line; give those with a page here as { name, person }' });
}
