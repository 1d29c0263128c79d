/**
 * A contributor's value as a message quotes it: in double quotes, with line
 * breaks, quotes and controls escaped as JSON escapes them, and cut to 100
 * characters. A message is one line whatever the value holds, so the value
 * can neither split a message from its fix (schemas join them with a line
 * break) nor print a workflow command of its own on CI, and a value of a
 * million characters is not printed a million characters long.
 */
const SHOWN = 100;

export function quote(value: unknown): string {
  const s = String(value);
  return JSON.stringify(s.length > SHOWN ? `${s.slice(0, SHOWN)}…` : s);
}

/** Items as a message lists them: `a`, `a and b`, `a, b and c` (or `or`). */
export function listed(items: readonly string[], last: 'and' | 'or' = 'and'): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

/**
 * A value as one word of a shell command a message suggests, in single quotes: inside
 * double quotes a contributor's `$(…)` or backticks would run when a reader pastes it.
 */
export function shellWord(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
