/**
 * A source that says its claim comes from a talk's page (its abstract, a
 * speaker's bio, the episode description) but cites a moment of the
 * recording. What the page says has no moment: the citation should be the
 * whole talk with a locator naming that part. Read from the locator, or
 * from a note that says so ("The abstract names…", "from the speaker bio").
 */
import type { Entry } from '../../content-model/link-graph.ts';
import { formatRef, type EntryRef } from '../../content-model/references.ts';
import { quote } from '../../content-model/quote.ts';
import { fieldPath, type Diagnostic } from '../diagnostics.ts';
import type { Position } from '../entry-file.ts';
import type { ValueVisitor } from '../values.ts';

const PART = String.raw`(?:abstract|(?:speaker(?:'s)? )?bio(?:graphy)?|(?:episode |talk |show )?description|show notes|(?:episode|talk|event) page)`;
/** A locator that names a part of the page. */
const LOCATOR = new RegExp(String.raw`\b${PART}\b`, 'i');
/** A note that says the claim comes from such a part: it starts with it, or says "from/in/on/per the …". */
const NOTE = new RegExp(String.raw`^(?:the |its |this )?(?:talk's |episode's |speaker's )?${PART}\b|\b(?:from|in|on|per|according to) (?:the |its |this )(?:talk's |episode's |speaker's )?${PART}\b`, 'i');

type Source = { ref: EntryRef; locator?: string; note?: string };

/** A source as the schema gives it: { ref, locator?, quote?, note? }, with a talk moment as its ref. */
function momentSource(value: unknown): value is Source {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const ref = (value as { ref?: EntryRef }).ref;
  return ref !== null && typeof ref === 'object' && ref.type === 'talk' && ref.at !== undefined;
}

export function pageFactsAtMomentsVisitor(entry: Entry, locate: (path: (string | number)[]) => Position, out: Diagnostic[]): ValueVisitor {
  return (s, path) => {
    if (!momentSource(s)) return;
    const says = s.locator && LOCATOR.test(s.locator) ? ['locator', s.locator] : s.note && NOTE.test(s.note) ? ['note', s.note] : undefined;
    if (!says) return;
    const pos = locate([...path, 'ref']);
    const field = fieldPath([...path, 'ref']);
    const whole = formatRef({ type: 'talk', id: s.ref.id });
    out.push({ severity: 'warning', file: entry.file, line: pos.line, column: pos.column, field, message: `cites a moment, ${formatRef(s.ref)}, but its ${says[0]} says the claim is from the talk's page: ${quote(says[1])}`, fix: `what a talk's page says has no moment: cite the whole talk, { ref: ${whole}, locator: abstract } (or bio, episode page); if the recording says it too, cite that moment with a note saying so` });
  };
}
