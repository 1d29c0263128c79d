/** Caches keyed on code: the hash follows every change to the code, and only to it. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { codeHash } from '../../../src/lib/build/code-hash.ts';

test('the code hash changes with a .ts file and with an extra file, and nothing else', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kb-code-'));
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'a.ts'), 'export const a = 1;');
  writeFileSync(path.join(dir, 'sub', 'b.ts'), 'export const b = 2;');
  const font = path.join(dir, 'font.ttf');
  writeFileSync(font, 'glyphs');
  const base = codeHash(dir, [font]);
  const cases: Array<[string, () => void, boolean]> = [
    ['nothing changed', () => {}, false],
    ['a file that is not .ts changed', () => writeFileSync(path.join(dir, 'notes.md'), 'x'), false],
    ['a nested .ts file changed', () => writeFileSync(path.join(dir, 'sub', 'b.ts'), 'export const b = 3;'), true],
    ['a .ts file was renamed', () => renameSync(path.join(dir, 'a.ts'), path.join(dir, 'c.ts')), true],
    ['a .ts file was added', () => writeFileSync(path.join(dir, 'd.ts'), ''), true],
    ['the extra file changed', () => writeFileSync(font, 'other glyphs'), true],
  ];
  let before = base;
  for (const [name, change, changes] of cases) {
    change();
    const after = codeHash(dir, [font]);
    assert.equal(after !== before, changes, name);
    before = after;
  }
});
