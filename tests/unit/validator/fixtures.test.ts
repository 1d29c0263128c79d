/**
 * Every mistake a contributor can make, as a fixture with the exact report
 * expected. Each case under tests/fixtures/validator/ is laid over the valid
 * base corpus in _base/ and validated; the report must match expected.txt
 * byte for byte. UPDATE_FIXTURES=1 rewrites the expected files (review the diff).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { formatReport } from '../../../src/lib/validator/diagnostics.ts';
import { loadKnowledgeBase } from '../../../src/lib/validator/validate-content.ts';

const dir = path.resolve(import.meta.dirname, '../../fixtures/validator');
const cases = readdirSync(dir).filter((d) => !d.startsWith('_')).sort();
const scratch = mkdtempSync(path.join(tmpdir(), 'kb-fixtures-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

export async function runCase(name: string): Promise<string> {
  const root = path.join(scratch, name);
  cpSync(path.join(dir, '_base'), root, { recursive: true });
  cpSync(path.join(dir, name, 'content'), path.join(root, 'content'), { recursive: true });
  const kb = await loadKnowledgeBase({ root, contentDir: 'content' });
  return formatReport(kb.diagnostics, kb.fileCount) + '\n';
}

test('the base corpus is valid', async () => {
  const kb = await loadKnowledgeBase({ root: path.join(dir, '_base'), contentDir: 'content' });
  assert.deepEqual(kb.diagnostics, []);
  assert.equal(kb.entries.length, 8);
});

describe('validator fixtures', () => {
  for (const name of cases) {
    test(name, async () => {
      const report = await runCase(name);
      const expectedFile = path.join(dir, name, 'expected.txt');
      if (process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, report);
      assert.equal(report, readFileSync(expectedFile, 'utf8'));
    });
  }
});
