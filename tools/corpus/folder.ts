/**
 * Where a synthetic corpus may be written. Writing one deletes and recreates
 * its folder, so the project's content/ (or anything inside it or holding
 * it) is refused, and so is an existing non-empty folder that no generator
 * made: a generated folder carries a `.generated-corpus` marker, which the
 * validator skips like every dotfile.
 */
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const MARKER_FILE = '.generated-corpus';

const projectRoot = path.resolve(import.meta.dirname, '../..');

function real(p: string): string {
  // Resolve symlinks of the part that exists, so a link cannot smuggle content/ in.
  let head = p;
  const tail: string[] = [];
  while (!existsSync(head)) {
    tail.unshift(path.basename(head));
    const up = path.dirname(head);
    if (up === head) break;
    head = up;
  }
  return path.join(realpathSync(head), ...tail);
}
const inside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** Why `out` must not be deleted and written, or undefined when it is safe. */
export function refuseOut(out: string, root = projectRoot): string | undefined {
  const target = real(path.resolve(out));
  const content = real(path.join(root, 'content'));
  if (inside(target, content)) return `${out} is the project's content directory (or inside it); write the corpus elsewhere, e.g. .bench/corpus-1000`;
  if (inside(content, target)) return `${out} holds the project's content directory; deleting it would delete the content`;
  if (existsSync(target)) {
    const items = readdirSync(target);
    if (items.length > 0 && !items.includes(MARKER_FILE)) {
      return `${out} exists, is not empty and was not made by the corpus generator (no ${MARKER_FILE}); delete it yourself or choose another --out`;
    }
  }
  return undefined;
}

/**
 * Replaces `out` with the corpus and its marker, which says how it was made.
 * Throws what `refuseOut` says when the folder must not be replaced.
 */
export function writeCorpus(out: string, files: ReadonlyMap<string, string>, madeBy: string): void {
  const refusal = refuseOut(out);
  if (refusal) throw new Error(refusal);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, MARKER_FILE), `${madeBy}\n`);
  const dirs = new Set<string>();
  for (const [rel, text] of files) {
    const dir = path.dirname(path.join(out, rel));
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    writeFileSync(path.join(out, rel), text);
  }
}
