/**
 * Every mistake a contributor can make, as a fixture with the exact report
 * expected. Each case under tests/fixtures/validator/ is laid over the valid
 * base corpus in _base/ and validated; the report must match expected.txt
 * byte for byte. UPDATE_FIXTURES=1 rewrites the expected files (review the diff).
 *
 * A case's folders (content/, and public/ or any other) are copied over the
 * base. Its setup.json, if any, lists what git should not carry and a
 * checkout on Windows could not hold, made here in the temporary copy:
 * `symlinks` (link path → target, as `ln -s` takes it) and `fifos` (named
 * pipes); and what would only bloat the repository: `pngs` (path → size in
 * bytes: a PNG signature padded with zeros) and `repeats` (path → a head
 * and a unit written `count` times after it: an oversized transcript).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { formatReport } from '../../../src/lib/validator/diagnostics.ts';
import { loadKnowledgeBase } from '../../../src/lib/validator/validate-content.ts';
import { siteAddress } from '../../../src/lib/settings.ts';

const dir = path.resolve(import.meta.dirname, '../../fixtures/validator');
const cases = readdirSync(dir).filter((d) => !d.startsWith('_')).sort();
const scratch = mkdtempSync(path.join(tmpdir(), 'kb-fixtures-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Setup {
  symlinks?: Record<string, string>;
  fifos?: string[];
  pngs?: Record<string, number>;
  repeats?: Record<string, { head: string; unit: string; count: number }>;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Makes the case's links and pipes under `root`; returns why it cannot, on this system. */
function makeSetup(root: string, setup: Setup): string | undefined {
  for (const [link, target] of Object.entries(setup.symlinks ?? {})) {
    if (path.isAbsolute(target) && !existsSync(target)) return `${target} does not exist on this system`;
    mkdirSync(path.dirname(path.join(root, link)), { recursive: true });
    try {
      symlinkSync(target, path.join(root, link));
    } catch (error) {
      return `cannot make symbolic links here (${(error as NodeJS.ErrnoException).code})`;
    }
  }
  for (const [file, size] of Object.entries(setup.pngs ?? {})) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), Buffer.concat([PNG_SIGNATURE, Buffer.alloc(size - PNG_SIGNATURE.length)]));
  }
  for (const [file, { head, unit, count }] of Object.entries(setup.repeats ?? {})) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), head + unit.repeat(count));
  }
  for (const fifo of setup.fifos ?? []) {
    mkdirSync(path.dirname(path.join(root, fifo)), { recursive: true });
    const made = spawnSync('mkfifo', [path.join(root, fifo)]);
    if (made.status !== 0) return 'no mkfifo command to make a named pipe';
  }
  return undefined;
}

/** Lays a case over the base in a fresh folder; returns the folder, or why the case cannot run here. */
export function prepareCase(name: string): { root: string; skip?: string } {
  const root = path.join(scratch, name);
  cpSync(path.join(dir, '_base'), root, { recursive: true });
  for (const item of readdirSync(path.join(dir, name), { withFileTypes: true })) {
    if (item.isDirectory()) cpSync(path.join(dir, name, item.name), path.join(root, item.name), { recursive: true });
  }
  const setupFile = path.join(dir, name, 'setup.json');
  const skip = existsSync(setupFile) ? makeSetup(root, JSON.parse(readFileSync(setupFile, 'utf8'))) : undefined;
  return { root, skip };
}

export async function runCase(root: string): Promise<string> {
  // The default address, whatever SITE_URL the tests run with: links to it are links within the site.
  const kb = await loadKnowledgeBase({ root, contentDir: 'content', site: siteAddress({}) });
  return formatReport(kb.diagnostics, kb.fileCount) + '\n';
}

test('the base corpus is valid', async () => {
  const kb = await loadKnowledgeBase({ root: path.join(dir, '_base'), contentDir: 'content' });
  assert.deepEqual(kb.diagnostics, []);
  assert.equal(kb.entries.length, 8);
});

describe('validator fixtures', () => {
  for (const name of cases) {
    test(name, async (t) => {
      const { root, skip } = prepareCase(name);
      if (skip) {
        t.skip(skip);
        return;
      }
      const report = await runCase(root);
      const expectedFile = path.join(dir, name, 'expected.txt');
      if (process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, report);
      assert.equal(report, readFileSync(expectedFile, 'utf8'));
      // However hostile the values, no line of the report can be read as a GitHub workflow command.
      assert.ok(!report.split('\n').some((line) => /^\s*(::|##\[)/.test(line)), 'a report line starts like a workflow command');
    });
  }
});
