/**
 * When each content file last changed, from git history: a fact of the
 * repository, not of the clock. A shallow clone (fetch-depth 1) cannot tell,
 * so then no file gets a date and pages fall back to the date the entry was
 * added; the deploy workflow fetches full history.
 */
import { execFileSync } from 'node:child_process';

export interface GitDates {
  /** Last commit date (YYYY-MM-DD) per file path relative to the repository root. */
  dates: Map<string, string>;
  /** Why there are no dates, when there are none. */
  unavailable?: 'not a git repository' | 'shallow clone';
}

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
}

/** Parses `git log --format=%x00%cs --name-only`: the first date seen for a file is its latest. */
export function parseGitLog(log: string): Map<string, string> {
  const dates = new Map<string, string>();
  for (const block of log.split('\0')) {
    const [date, ...files] = block.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!date) continue;
    for (const f of files) if (!dates.has(f)) dates.set(f, date);
  }
  return dates;
}

export function gitDates(root: string, dir: string): GitDates {
  let shallow: string;
  try {
    shallow = git(root, ['rev-parse', '--is-shallow-repository']).trim();
  } catch {
    return { dates: new Map(), unavailable: 'not a git repository' };
  }
  if (shallow === 'true') return { dates: new Map(), unavailable: 'shallow clone' };
  const prefix = git(root, ['rev-parse', '--show-prefix']).trim();
  const log = git(root, ['log', '--format=%x00%cs', '--name-only', '--no-renames', '--', dir]);
  const dates = new Map<string, string>();
  // git prints paths from the repository root; entries use paths from the project root.
  for (const [file, date] of parseGitLog(log)) if (file.startsWith(prefix)) dates.set(file.slice(prefix.length), date);
  return { dates };
}
