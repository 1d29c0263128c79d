import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LineIndex, decodeEntry, firstInvalidUtf8, locate, parseYaml, splitFrontmatter } from '../../../src/lib/validator/entry-file.ts';

describe('firstInvalidUtf8', () => {
  const cases: Array<[string, number[], number | undefined]> = [
    ['ASCII', [0x61, 0x62], undefined],
    ['two-byte é', [0x63, 0xc3, 0xa9], undefined],
    ['four-byte emoji', [0xf0, 0x9f, 0x98, 0x80], undefined],
    ['Latin-1 é', [0x63, 0xe9, 0x20], 1],
    ['overlong slash', [0xc0, 0xaf], 0],
    ['UTF-16 surrogate', [0x61, 0xed, 0xa0, 0x80], 1],
    ['truncated sequence', [0x61, 0xe2, 0x82], 1],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['stray continuation byte', [0x80], 0],
  ];
  for (const [name, bytes, at] of cases) test(name, () => assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)), at));
});

describe('decodeEntry', () => {
  test('drops a byte-order mark and turns CRLF into LF', () => {
    assert.deepEqual(decodeEntry(new TextEncoder().encode('\ufeff---\r\na: 1\r\n---\r\n')), { ok: true, text: '---\na: 1\n---\n' });
  });
  test('points at the first bad byte by line and column', () => {
    assert.deepEqual(decodeEntry(Uint8Array.from([0x61, 0x0a, 0x62, 0x63, 0xff])), { ok: false, position: { line: 2, column: 3 }, byte: 0xff });
  });
});

describe('splitFrontmatter', () => {
  test('splits frontmatter from the body', () => assert.deepEqual(splitFrontmatter('---\na: 1\n---\nbody'), { ok: true, yaml: 'a: 1\n', yamlOffset: 4, bodyOffset: 13 }));
  test('empty', () => assert.deepEqual(splitFrontmatter(' \n'), { ok: false, reason: 'empty' }));
  test('missing', () => assert.deepEqual(splitFrontmatter('# title'), { ok: false, reason: 'missing' }));
  test('unclosed', () => assert.deepEqual(splitFrontmatter('---\na: 1\n'), { ok: false, reason: 'unclosed' }));
});

describe('YAML positions', () => {
  const yaml = 'title: x\nsources:\n  - a\n  - { ref: b }\n';
  const { doc: positioned, data, problems } = parseYaml(yaml);
  const doc = positioned();
  const lines = new LineIndex(yaml);
  test('parses YAML 1.2: dates and times stay text', () => {
    assert.deepEqual(parseYaml('d: 2024-02-30\nt: 7:57\n').data, { d: '2024-02-30', t: '7:57' });
  });
  test('reports duplicate keys', () => assert.deepEqual(parseYaml('a: 1\na: 2\n').problems.map((p) => p.offset), [5]));
  test('data', () => assert.deepEqual([data, problems], [{ title: 'x', sources: ['a', { ref: 'b' }] }, []]));
  const cases: Array<[PropertyKey[], boolean, { line: number; column: number }]> = [
    [['title'], false, { line: 1, column: 8 }],
    [['title'], true, { line: 1, column: 1 }],
    [['sources', 1, 'ref'], false, { line: 4, column: 12 }],
    [['sources', 0, 'ref'], false, { line: 3, column: 5 }],
    [['missing'], false, { line: 1, column: 1 }],
  ];
  for (const [path, key, pos] of cases) test(`${path.join('.')}${key ? ' (key)' : ''}`, () => assert.deepEqual(lines.at(locate(doc, path, { key })), pos));
});
