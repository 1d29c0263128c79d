/** Which files count as content: regular files in real folders under the content root, read with a size cap. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { listContent, readContentFile } from '../../../src/lib/validator/content-files.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'kb-content-files-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const root = path.join(scratch, name);
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), text);
  }
  return root;
}

test('lists regular files in sorted order, skipping names that start with "."', () => {
  const root = tree('plain', { 'b/x.mdx': '', 'a/y.mdx': '', 'a/.DS_Store': '', '.git/z': '' });
  assert.deepEqual(listContent(root), { files: [path.join(root, 'a/y.mdx'), path.join(root, 'b/x.mdx')], refused: [] });
});

test('a missing content folder is an empty knowledge base', () => {
  assert.deepEqual(listContent(path.join(scratch, 'none')), { files: [], refused: [] });
});

test('a content folder that is a link, or a file, is refused and not entered', (t) => {
  const real = tree('real', { 'myths/a.mdx': '' });
  const link = path.join(scratch, 'linked-root');
  try {
    symlinkSync(real, link);
  } catch (error) {
    t.skip(`cannot make symbolic links here (${(error as NodeJS.ErrnoException).code})`);
    return;
  }
  const listed = listContent(link);
  assert.deepEqual(listed.files, []);
  assert.equal(listed.refused.length, 1);
  assert.match(listed.refused[0].message, /^is a symbolic link/);
  assert.match(listContent(path.join(real, 'myths/a.mdx')).refused[0].message, /^is a file, not the content folder/);
});

test('a file is read only up to the limit, and one over it is refused by its size', () => {
  const root = tree('sizes', { 'a.mdx': 'x'.repeat(10), 'b.mdx': 'x'.repeat(11) });
  const ok = readContentFile(path.join(root, 'a.mdx'), 10);
  assert.ok(ok.ok && ok.bytes.length === 10);
  const big = readContentFile(path.join(root, 'b.mdx'), 10);
  assert.ok(!big.ok);
  assert.equal(big.refusal.message, 'is 11 bytes; an entry file may have at most 10');
});

test('a path that turned into a link after listing is still refused when read', (t) => {
  const root = tree('race', { 'target.mdx': 'secret' });
  try {
    symlinkSync(path.join(root, 'target.mdx'), path.join(root, 'late.mdx'));
  } catch (error) {
    t.skip(`cannot make symbolic links here (${(error as NodeJS.ErrnoException).code})`);
    return;
  }
  const read = readContentFile(path.join(root, 'late.mdx'));
  assert.ok(!read.ok);
  assert.match(read.refusal.message, /^is a symbolic link/);
});
