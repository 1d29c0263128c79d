/**
 * Text helpers of the synthetic corpus: case, agreement, and counting words
 * the way the validator counts them, so generated summaries land inside the
 * word ranges the schemas ask for.
 */

/** Words that keep their capital letter inside a sentence. */
const PROPER = new Set(['Kubernetes', 'AutoML', 'LLMOps', 'A/B', 'CI/CD', 'RAG', 'CT', 'NLP', 'XAI']);

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
/** Lowercases the first letter for use inside a sentence, keeping acronyms and names (CT, Kubernetes) as they are. */
export function lower(s: string): string {
  return PROPER.has(s.split(' ')[0]) || /^[A-Z]{2}/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1);
}
/** Title Case for paper titles: `Model lifecycle` → `Model Lifecycle`. */
export function titleCase(s: string): string {
  return s.replace(/(^|[\s-])([a-z])/g, (_m, pre: string, c: string) => pre + c.toUpperCase()).replace(/(?<=\s)(For|In|Of|And|The|To|At|On)(?=\s)/g, (w) => w.toLowerCase());
}
/** `is` or `are`, for a noun phrase from OBJECTS. */
export function be(noun: string): string {
  return /s$/.test(noun) && !/(ss|is)$/.test(noun) ? 'are' : 'is';
}
/** Words as the validator counts them: runs of non-whitespace. */
export function words(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
/** Cuts `s` at a word boundary so it fits `max` characters, ending with a full stop. */
export function fit(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = s.slice(0, max - 1);
  out = out.slice(0, out.lastIndexOf(' ')).replace(/[,;:.]+$/, '');
  return `${out}.`;
}
