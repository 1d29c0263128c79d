/**
 * A hash of source code, for caches whose output depends on it: changing the
 * code invalidates them without anyone remembering to bump a version number.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** SHA-256 (hex) over the names and contents of the `.ts` files under `dir`, and of any `extra` files. */
export function codeHash(dir: string, extra: readonly string[] = []): string {
  const h = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  for (const f of files) h.update(`${f}\0`).update(readFileSync(path.join(dir, f))).update('\0');
  for (const f of extra) h.update(`${path.basename(f)}\0`).update(readFileSync(f)).update('\0');
  return h.digest('hex');
}
