/**
 * When each content file last changed, from git history: a fact of the
 * repository, not of the clock. A shallow clone (fetch-depth 1) cannot tell,
 * so then no file gets a date and pages fall back to the date the entry was
 * added; the deploy workflow fetches full history.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

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

/**
 * Dates for the files under `dir` (relative to the project `root`), keyed by
 * path from the project root. Git runs inside `dir`, so a content folder kept
 * outside the project, or in no repository at all, is handled too.
 */
export function gitDates(root: string, dir: string): GitDates {
  const cwd = path.resolve(root, dir);
  let top: string;
  let shallow: string;
  try {
    [top, shallow] = git(cwd, ['rev-parse', '--show-toplevel', '--is-shallow-repository']).trim().split('\n');
  } catch {
    return { dates: new Map(), unavailable: 'not a git repository' };
  }
  if (shallow === 'true') return { dates: new Map(), unavailable: 'shallow clone' };
  const log = git(cwd, ['log', '--format=%x00%cs', '--name-only', '--no-renames', '--', '.']);
  const dates = new Map<string, string>();
  // git prints paths from the repository root; entries use paths from the project root.
  for (const [file, date] of parseGitLog(log)) dates.set(path.relative(root, path.join(top, file)).split(path.sep).join('/'), date);
  return { dates };
}
