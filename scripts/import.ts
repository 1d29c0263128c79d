/**
 * npm run import -- <file | -> [options]
 *
 * Imports a talk from its published page, show notes, chapters or captions
 * (src/lib/authoring/import/import-command.ts); this file only connects it
 * to the process.
 */
import { runImport } from '../src/lib/authoring/import/import-command.ts';

if (import.meta.main) process.exitCode = (await runImport(process.argv.slice(2))).code;
