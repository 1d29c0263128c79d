/** The file writer: every file written on its thread with its exact bytes, and a rebuild writing only what changed. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { writeFiles } from '../../../src/lib/build/file-writer.ts';

const SCRIPT = path.resolve(import.meta.dirname, '../../../src/lib/build/file-writer-worker.ts');
const page = (file: string, body: string) => ({ file, body });

for (const threads of [1, 2, 3]) test(`a rebuild into the same folder writes only the files whose bytes changed (${threads} writer thread${threads > 1 ? "s" : ""})`, async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kb-writer-'));
  const out = path.join(dir, 'out');
  const digests = path.join(dir, 'cache', 'digests.json');
  try {
    const cases: Array<{ name: string; files: Array<{ file: string; body: string }>; reused: boolean; written: number; before?: () => void }> = [
      { name: 'first build', files: [page('talks/a/at/07-57/index.html', '<p>a é ✓</p>'), page('talks/a/chapters.json', '[]')], reused: false, written: 2 },
      { name: 'nothing changed', files: [page('talks/a/at/07-57/index.html', '<p>a é ✓</p>'), page('talks/a/chapters.json', '[]')], reused: true, written: 0 },
      { name: 'one changed, one added', files: [page('talks/a/at/07-57/index.html', '<p>a2</p>'), page('talks/a/chapters.json', '[]'), page('talks/b/at/00-10/index.html', '<p>b</p>')], reused: true, written: 2 },
      { name: 'the folder is not the last build’s', files: [page('talks/a/at/07-57/index.html', '<p>a2</p>')], reused: false, written: 1 },
      { name: 'damaged digests', files: [page('talks/a/at/07-57/index.html', '<p>a2</p>')], reused: true, written: 1, before: () => writeFileSync(digests, '{"talks/a/at/07-57/index.ht') },
      { name: 'a thousand files, more than the batches in flight', files: Array.from({ length: 1000 }, (_, i) => page(`talks/t${i % 7}/at/${i}/index.html`, `<p>${i}</p>`)), reused: true, written: 1000 },
    ];
    for (const c of cases) {
      c.before?.();
      const result = await writeFiles(SCRIPT, out, c.files, digests, c.reused, threads);
      assert.deepEqual(result, { files: c.files.length, written: c.written }, c.name);
      for (const f of c.files) assert.equal(readFileSync(path.join(out, f.file), 'utf8'), f.body, `${c.name}: ${f.file}`);
      assert.equal(Object.keys(JSON.parse(readFileSync(digests, 'utf8'))).length, c.files.length, `${c.name}: digests recorded`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file that cannot be written fails the writer with the system error, naming the path', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kb-writer-'));
  try {
    const out = path.join(dir, 'out');
    mkdirSync(path.join(out, 'talks'), { recursive: true });
    writeFileSync(path.join(out, 'talks', 'a'), 'a file where a folder must go');
    await assert.rejects(writeFiles(SCRIPT, out, [page('talks/b/index.html', 'b'), page('talks/a/at/00-10/index.html', 'x')], path.join(dir, 'digests.json'), false), (error: NodeJS.ErrnoException) => {
      assert.equal(error.code, 'ENOTDIR');
      assert.match(error.message, /talks\/a\/at\/00-10/);
      return true;
    });
    assert.equal(existsSync(path.join(dir, 'digests.json')), false, 'no digests recorded for a failed write');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an error while the files are made stops the writer and comes out unchanged', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kb-writer-'));
  try {
    function* files() {
      for (let i = 0; i < 450; i++) yield page(`p${i}/index.html`, String(i));
      throw new Error('the moment template has no list of citing entries');
    }
    await assert.rejects(writeFiles(SCRIPT, path.join(dir, 'out'), files(), path.join(dir, 'digests.json'), false), /no list of citing entries/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
