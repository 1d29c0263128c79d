/**
 * npm run validate [-- --content <dir>] [--annotations] [--strict]
 *
 * Checks every entry against its schema and every reference and timestamp
 * across entries, without starting Astro. Prints every problem with
 * file:line:col, the field, what is wrong and how to fix it; exits 1 when
 * there are errors (or warnings, with --strict). On GitHub Actions, or with
 * --annotations, it also prints workflow annotations for the pull request.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/lib/settings.ts';
import { formatReport, githubAnnotation } from '../src/lib/validator/diagnostics.ts';
import { loadKnowledgeBase } from '../src/lib/validator/validate-content.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    root: { type: 'string' },
    annotations: { type: 'boolean', default: process.env.GITHUB_ACTIONS === 'true' },
    strict: { type: 'boolean', default: false },
  },
});

const root = path.resolve(values.root ?? process.cwd());
const started = performance.now();
const kb = await loadKnowledgeBase({ root, contentDir: values.content ?? contentDir() });
const ms = performance.now() - started;

console.log(formatReport(kb.diagnostics, kb.fileCount));
if (values.annotations) for (const d of kb.diagnostics) console.log(githubAnnotation(d));
console.error(`validated in ${ms.toFixed(0)} ms`);

const errors = kb.diagnostics.filter((d) => d.severity === 'error').length;
const warnings = kb.diagnostics.length - errors;
process.exitCode = errors > 0 || (values.strict && warnings > 0) ? 1 : 0;
