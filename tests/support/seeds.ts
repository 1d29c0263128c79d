/**
 * The five source talks in ../shared/seeds/, which exist only beside the
 * maintainers' checkouts. Tests that read them skip, with `seedsMissing` as
 * the one line that says why, on a contributor's clone or a GitHub runner.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const seedsDir = path.resolve(import.meta.dirname, '../../../shared/seeds');

/**
 * Why seed tests are skipped here, or false when the seeds are present.
 * KB_REQUIRE_SEEDS=1 (set by .ci/run where the seeds must be) turns a
 * missing folder into failing tests instead of skipped ones.
 */
export const seedsMissing: string | false = existsSync(seedsDir) || process.env.KB_REQUIRE_SEEDS === '1'
  ? false
  : `skipped: ${seedsDir} is absent (the source talks exist only beside the maintainers' checkouts); the facts in tests/support/seed-facts.ts still check the content`;

/** The text of seed `<number>_*.txt`. */
export function seedText(number: string): string {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(`${number}_`));
  if (!file) throw new Error(`seed ${number} not found in ${seedsDir}`);
  return readFileSync(path.join(seedsDir, file), 'utf8');
}
