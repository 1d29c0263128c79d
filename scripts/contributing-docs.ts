/**
 * npm run docs:contributing [-- --check]
 *
 * Rewrites the generated sections of CONTRIBUTING.md from the code they
 * describe: the field reference (from the schemas), the timestamp rules
 * (TIMESTAMP_RULES), the relations (RELATION_MEANING), what a body may
 * contain (ALLOWED_COMPONENTS, ALLOWED_ELEMENTS) and the limits every file
 * is held to (limitRules in src/lib/validator/limits.ts). Each sits between
 * `<!-- name:start -->` and `<!-- name:end -->`; the prose around them is
 * written by hand. With --check it changes nothing and exits 1 when the file
 * is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderGeneratedSections } from '../src/lib/authoring/field-reference.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const file = path.resolve(import.meta.dirname, '..', 'CONTRIBUTING.md');
const current = readFileSync(file, 'utf8');
let next: string;
try {
  next = renderGeneratedSections(current);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(2);
}

if (next === current) {
  console.log('CONTRIBUTING.md is up to date.');
} else if (values.check) {
  console.error('CONTRIBUTING.md is out of date with the schemas: run npm run docs:contributing and commit the result.');
  process.exitCode = 1;
} else {
  writeFileSync(file, next);
  console.log('Updated the generated sections of CONTRIBUTING.md.');
}
