/**
 * A diagnostic says where (file:line:col and the field), what is wrong and
 * how to fix it. The validator, the Astro build and the tests all print
 * them through `formatDiagnostic`, so the text is the same everywhere.
 */

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  /** The field path, like `sources[0].ref`, or `body` / `file` for what is not frontmatter. */
  field: string;
  message: string;
  fix: string;
}

/** Writes a zod-style path as `chapters[3].at`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out || '(frontmatter)';
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.field.localeCompare(b.field) || a.message.localeCompare(b.message);
}

/**
 * Line breaks, controls and bidirectional overrides as visible escapes. Every
 * value a diagnostic quotes comes from a contributor; printed raw, a line
 * break followed by "::stop-commands::" or "::error" would be a workflow
 * command on GitHub Actions, and an escape sequence would rewrite a terminal.
 */
const UNPRINTABLE = /[\x00-\x08\x0A-\x1F\x7F-\x9F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

export function printable(s: string): string {
  return s.replace(UNPRINTABLE, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Two lines: `file:line:col error field: message` then `  fix: ...`; each line is one line, whatever the values hold. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${printable(d.file)}:${d.line}:${d.column} ${d.severity} ${printable(d.field)}: ${printable(d.message)}\n  fix: ${printable(d.fix)}`;
}

function escapeData(s: string): string {
  return printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A GitHub Actions workflow command, which shows the error on the pull request's diff. */
export function githubAnnotation(d: Diagnostic): string {
  return `::${d.severity} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.field)}::${escapeData(`${d.message}. Fix: ${d.fix}`)}`;
}

/**
 * The warnings a build prints: the first `shown` in full, then, for the rest, how many there are
 * and the command that lists them all. Printed one by one, 18,700 warnings (a synthetic corpus of
 * 1,000 talks) made a 7 MB log and cost the build 0.2 s; nobody reads past the first screens.
 */
export function buildWarnings(warnings: readonly Diagnostic[], shown: number, listAll: string): string[] {
  const sorted = [...warnings].sort(compareDiagnostics);
  const lines = sorted.slice(0, shown).map(formatDiagnostic);
  const rest = sorted.slice(shown);
  if (rest.length > 0) {
    const files = new Set(rest.map((d) => d.file)).size;
    lines.push(`${rest.length} more warning${rest.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}, not shown here: \`${printable(listAll)}\` lists them all`);
  }
  return lines;
}

/** The whole report: every diagnostic, then a count. */
export function formatReport(diagnostics: readonly Diagnostic[], checked: number): string {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const errors = sorted.filter((d) => d.severity === 'error').length;
  const warnings = sorted.length - errors;
  const lines = sorted.map(formatDiagnostic);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  lines.push(`${plural(checked, 'entry file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`);
  return lines.join('\n');
}
