/**
 * The output folder is kept between builds so that Astro's incremental build
 * can leave unchanged pages where they are instead of copying 30,000 files
 * back from its cache. Keeping it is only safe when the folder holds exactly
 * what this project's last successful build left there, so:
 *
 * - a successful build ends by writing a stamp in the cache folder: the
 *   output folder, the identity of the last file it wrote (`_headers`), and
 *   every file Astro generated;
 * - a build starts by taking the stamp away (a build that fails leaves none),
 *   then, if the stamp still describes the folder, removes everything but
 *   those generated files, which Astro either skips or writes again;
 *   otherwise it empties the folder, as Astro itself would;
 * - once Astro is done, generated files of the last build that this one did
 *   not generate (a deleted or renamed entry, a chapter that moved) go.
 *
 * A rebuilt site is therefore the same, file for file, as a clean build.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { forEachLimited } from './concurrency.ts';

/** The file the last step of every successful build writes. */
export const LAST_FILE = '_headers';

export interface FileIdentity {
  size: number;
  mtimeMs: number;
  ino: number;
}

export interface OutputStamp {
  /** Absolute path of the output folder the build wrote. */
  outDir: string;
  /** `_headers` as that build left it: another build into the folder changes it. */
  last: FileIdentity;
  /** Files Astro generated (pages, endpoints), relative to the output folder with `/`. */
  generated: string[];
}

/** What to remove before Astro builds: everything, or every file not in the set. */
export type StartPlan = { clean: 'all'; reason: string } | { clean: 'others'; keep: Set<string> };

/** Decides whether the output folder may be reused, from the stamp and what is there now. */
export function planStart(stamp: OutputStamp | undefined, outDir: string, last: FileIdentity | undefined): StartPlan {
  if (!stamp) return { clean: 'all', reason: 'no earlier successful build recorded' };
  if (stamp.outDir !== outDir) return { clean: 'all', reason: `the last build wrote ${stamp.outDir}` };
  if (!last || last.size !== stamp.last.size || last.mtimeMs !== stamp.last.mtimeMs || last.ino !== stamp.last.ino) {
    return { clean: 'all', reason: `${LAST_FILE} is not the one the last build wrote` };
  }
  return { clean: 'others', keep: new Set(stamp.generated) };
}

/** Generated files of the last build that this build did not generate. */
export function orphans(previous: ReadonlySet<string>, current: ReadonlySet<string>): string[] {
  return [...previous].filter((f) => !current.has(f)).sort();
}

// Like Astro's own emptying of the output folder, a git checkout in it (a deploy branch) stays.
const KEPT = '.git';

/**
 * Every file under `dir` but a git checkout, relative to it with `/`; none when it does not exist.
 * Synchronous: Node's asynchronous recursive readdir waits on the thread pool once per folder, and
 * took 1.0-1.5 s for the 31,496 files and folders of 1,000 talks, against 0.21-0.25 s.
 */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => !d.isDirectory())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .filter((f) => f !== KEPT && !f.startsWith(`${KEPT}/`));
}

function identity(file: string): FileIdentity | undefined {
  try {
    const s = statSync(file);
    return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
  } catch {
    return undefined;
  }
}

function readStamp(file: string): OutputStamp | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as OutputStamp;
  } catch {
    return undefined;
  }
}

/** Folders left empty once files are gone, deepest first. */
async function removeEmptyFolders(dir: string, isRoot = true): Promise<boolean> {
  const items = await readdir(dir, { withFileTypes: true });
  let empty = true;
  for (const item of items) {
    if (item.name === KEPT || !item.isDirectory() || !(await removeEmptyFolders(path.join(dir, item.name), false))) empty = false;
  }
  if (empty && !isRoot) await rmdir(dir);
  return empty;
}

export class OutputFolder {
  readonly outDir: string;
  readonly #stampFile: string;
  #previous = new Set<string>();
  /** True once prepare() kept the last build's generated files: they hold what that build wrote. */
  reused = false;

  constructor(outDir: string, cacheDir: string) {
    this.outDir = outDir;
    this.#stampFile = path.join(cacheDir, 'kb-output.json');
  }

  /** Before Astro builds. Returns a line for the log. */
  async prepare(): Promise<string> {
    const plan = planStart(readStamp(this.#stampFile), this.outDir, identity(path.join(this.outDir, LAST_FILE)));
    rmSync(this.#stampFile, { force: true });
    if (plan.clean === 'all') {
      if (existsSync(this.outDir)) for (const item of readdirSync(this.outDir)) if (item !== KEPT) rmSync(path.join(this.outDir, item), { recursive: true, force: true });
      return `output folder emptied: ${plan.reason}`;
    }
    this.#previous = plan.keep;
    this.reused = true;
    const others = listFiles(this.outDir).filter((f) => !plan.keep.has(f));
    await forEachLimited(others, (f) => rm(path.join(this.outDir, f), { force: true }));
    return `output folder reused: ${plan.keep.size} generated files kept for Astro to skip or rewrite, ${others.length} other files removed`;
  }

  /** After Astro generated the pages, before anything reads them: removes what this build did not generate. */
  async prune(generated: ReadonlySet<string>): Promise<string[]> {
    const gone = orphans(this.#previous, generated);
    await forEachLimited(gone, (f) => rm(path.join(this.outDir, f), { force: true }));
    if (gone.length) await removeEmptyFolders(this.outDir);
    this.#previous = new Set(generated);
    return gone;
  }

  /** After the last file is written: the next build may reuse the folder. */
  record(): void {
    const last = identity(path.join(this.outDir, LAST_FILE));
    if (!last) throw new Error(`${LAST_FILE} was not written to ${this.outDir}`);
    const stamp: OutputStamp = { outDir: this.outDir, last, generated: [...this.#previous].sort() };
    mkdirSync(path.dirname(this.#stampFile), { recursive: true });
    writeFileSync(this.#stampFile, JSON.stringify(stamp));
  }
}
