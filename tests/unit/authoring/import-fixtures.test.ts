/**
 * `npm run import` on inputs written for these tests, one folder a case under
 * tests/fixtures/import/: each input format and each mistake an input can
 * hold. A case is `input.*` and `args.json` (the command line); the command
 * runs in-process over a copy of the fixture content in _content/, and what
 * it printed (expected/report.txt), every file it wrote (expected/files/) and,
 * when it wrote any, what the validator then says (expected/validate.txt)
 * must match byte for byte. UPDATE_FIXTURES=1 rewrites the expected files
 * (review the diff).
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { runImport } from '../../../src/lib/authoring/import/import-command.ts';
import { formatReport } from '../../../src/lib/validator/diagnostics.ts';
import { loadKnowledgeBase } from '../../../src/lib/validator/validate-content.ts';

const dir = path.resolve(import.meta.dirname, '../../fixtures/import');
const cases = readdirSync(dir).filter((d) => !d.startsWith('_')).sort();
const scratch = mkdtempSync(path.join(tmpdir(), 'kb-import-fixtures-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const TODAY = '2026-11-22';
const update = Boolean(process.env.UPDATE_FIXTURES);

/** Every file under `root`, relative, sorted. */
const filesUnder = (root: string): string[] => (existsSync(root) ? readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => !readdirSync(root, { withFileTypes: true, recursive: true }).find((d) => d.isDirectory() && path.relative(root, path.join(d.parentPath, d.name)) === f)).map((f) => f.split(path.sep).join('/')).sort() : []);

/** Runs a case; returns the report, the files written (content-relative) and the validator's report after. */
export async function runCase(name: string): Promise<{ code: number; report: string; files: Map<string, string>; validate?: string; transcripts?: number }> {
  const root = path.join(scratch, name);
  cpSync(path.join(dir, '_content'), path.join(root, 'content'), { recursive: true });
  const caseDir = path.join(dir, name);
  for (const f of readdirSync(caseDir)) if (f.startsWith('input.')) cpSync(path.join(caseDir, f), path.join(root, f));
  const args = JSON.parse(readFileSync(path.join(caseDir, 'args.json'), 'utf8')) as string[];
  const out: string[] = [];
  const err: string[] = [];
  const r = await runImport(args, { cwd: root, env: {}, today: TODAY, out: (s) => out.push(s), err: (s) => err.push(s) });
  const report = `$ npm run import -- ${args.map((a) => (/^[\w./:@=,-]+$/.test(a) ? a : JSON.stringify(a))).join(' ')}\nexit ${r.code}\n--- stdout\n${out.join('\n')}\n--- stderr\n${err.join('\n')}\n`;
  const files = new Map(r.written.map((w) => [path.relative('content', w).split(path.sep).join('/'), readFileSync(path.join(root, w), 'utf8')]));
  if (files.size === 0) return { code: r.code, report, files };
  const kb = await loadKnowledgeBase({ root, contentDir: 'content' });
  return { code: r.code, report, files, validate: formatReport(kb.diagnostics, kb.fileCount) + '\n', transcripts: kb.transcripts.size };
}

function expectFile(file: string, actual: string): void {
  if (update) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  assert.equal(actual, readFileSync(file, 'utf8'), path.relative(dir, file));
}

test('the fixture content validates on its own, without warnings', async () => {
  const kb = await loadKnowledgeBase({ root: dir, contentDir: '_content' });
  assert.deepEqual(kb.diagnostics, []);
});

describe('import fixtures', () => {
  for (const name of cases) {
    test(name, async () => {
      const r = await runCase(name);
      const expected = path.join(dir, name, 'expected');
      if (update) rmSync(expected, { recursive: true, force: true });
      expectFile(path.join(expected, 'report.txt'), r.report);
      for (const [file, text] of r.files) expectFile(path.join(expected, 'files', file), text);
      assert.deepEqual([...r.files.keys()].sort(), filesUnder(path.join(expected, 'files')), 'the files written are those expected');
      if (name.startsWith('error-')) {
        assert.equal(r.code, 1, 'an input with problems exits 1');
        assert.equal(r.files.size, 0, 'an input with problems writes nothing');
      } else {
        assert.equal(r.code, 0);
        assert.ok(r.files.size > 0);
      }
      if (r.validate !== undefined) {
        expectFile(path.join(expected, 'validate.txt'), r.validate);
        if (!name.startsWith('force-')) assert.match(r.validate, / 0 errors, /, 'an import validates');
        // A transcript the importer writes passes the transcript check, so the talk page shows it.
        assert.equal(r.transcripts, [...r.files.keys()].filter((f) => f.endsWith('.vtt')).length, 'every transcript written is a valid transcript');
      }
    });
  }
});
