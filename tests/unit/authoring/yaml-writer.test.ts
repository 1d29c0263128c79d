/**
 * The one YAML writer: every value reads back as written with the reader the
 * validator uses, plain wherever YAML allows it, and laid out as
 * contributors write entries.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CORE_SCHEMA, load } from 'js-yaml';
import { blockYaml, byRoute, entryText, flowYaml, yamlScalar } from '../../../src/lib/authoring/yaml-writer.ts';
import { parseYaml, splitFrontmatter } from '../../../src/lib/validator/entry-file.ts';
import { generateCorpus } from '../../../tools/corpus/generate.ts';

const read = (text: string) => load(text, { schema: CORE_SCHEMA });

test('scalars: plain where that reads back the same, double-quoted where not', () => {
  const table: Array<[unknown, string]> = [
    ['Models do not need monitoring', 'Models do not need monitoring'],
    ['feature-store', 'feature-store'],
    ['talk:godfather-of-mlops@7:57', 'talk:godfather-of-mlops@7:57'],
    ['maturity:google-cloud-mlops-levels#level-1', 'maturity:google-cloud-mlops-levels#level-1'],
    ['2024-02-30', '2024-02-30'],
    ['7:57', '7:57'],
    ['MLOps: the hard parts', '"MLOps: the hard parts"'],
    ['C++ & Rust #1', '"C++ & Rust #1"'],
    ['C++ & Rust', 'C++ & Rust'],
    ['a # comment?', '"a # comment?"'],
    ['- a list?', '"- a list?"'],
    ['Yes', 'Yes'],
    ['null', '"null"'],
    ['true', '"true"'],
    ['1984', '"1984"'],
    ['1_000', '1_000'],
    ['0b11', '"0b11"'],
    ['0x1F', '"0x1F"'],
    ['.inf', '".inf"'],
    ['', '""'],
    ['Trailing space ', '"Trailing space "'],
    ["It's 'quoted' and \"double\"", 'It\'s \'quoted\' and "double"'],
    ['[brackets] {braces}', '"[brackets] {braces}"'],
    ['line one\nline two', '"line one\\nline two"'],
    ['Ünïcode naïveté', 'Ünïcode naïveté'],
    [42, '42'],
    [true, 'true'],
  ];
  for (const [value, written] of table) {
    assert.equal(yamlScalar(value), written, JSON.stringify(value));
    assert.deepEqual(read(`x: ${written}`), { x: value }, `${JSON.stringify(value)} reads back`);
  }
});

test('flow style: one line, each string quoted only where it must be', () => {
  const table: Array<[unknown, string]> = [
    [{ ref: 'talk:godfather-of-mlops@7:57', note: 'Why, in short.' }, '{ ref: talk:godfather-of-mlops@7:57, note: "Why, in short." }'],
    [['ci-cd', 'monitoring'], '[ci-cd, monitoring]'],
    [{ at: '0:40', title: 'Papers: the two', summary: 'x' }, '{ at: 0:40, title: "Papers: the two", summary: x }'],
    [{ person: 'd-sculley', role: 'guest' }, '{ person: d-sculley, role: guest }'],
    [['a, b', 'c]', '{d}', 'e: f', 'plain words'], '["a, b", "c]", "{d}", "e: f", plain words]'],
    [{ to: 'myth:x', tags: ['a', 'b'] }, '{ to: myth:x, tags: [a, b] }'],
  ];
  for (const [value, written] of table) {
    assert.equal(flowYaml(value), written);
    assert.deepEqual(read(`x: ${written}`), { x: value });
  }
});

test('block style: fields a line, short lists inline, long items as blocks, undefined left out', () => {
  const long = 'A note long enough that the item it sits in does not fit on one line of the frontmatter, so it is written as a block.';
  const data = { title: 'Cascade', skip: undefined, topics: ['design-patterns', 'ml-pipelines'], sources: [{ ref: 'talk:a@1:00' }, { ref: 'talk:a@2:00', note: long }], nested: { a: 1 } };
  const lines = blockYaml(data);
  assert.deepEqual(lines, [
    'title: Cascade',
    'topics: [design-patterns, ml-pipelines]',
    'sources:',
    '  - { ref: talk:a@1:00 }',
    '  - ref: talk:a@2:00',
    `    note: ${long}`,
    'nested:',
    '  a: 1',
  ]);
  const { skip: _skip, ...expected } = data;
  assert.deepEqual(read(lines.join('\n')), expected);
  assert.equal(entryText({ title: 'A' }, 'Body.'), '---\ntitle: A\n---\nBody.\n');
});

/** Strings built around every printable ASCII character, at the start, inside, after a space and at the end. */
function edgeStrings(): string[] {
  const out = ['true', 'True', 'TRUE', 'False', 'null', 'Null', 'NULL', 'Yes', 'no', 'on', 'Off', '~', 'y', 'n', '.nan', 'Infinity', 'NaN', 'inf'];
  for (let code = 0x20; code < 0x7f; code++) {
    const c = String.fromCharCode(code);
    out.push(c, `${c}a`, `a${c}`, `a${c}b`, `a ${c}`, `a ${c} b`, `a${c} b`, `1${c}2`, `12${c}34${c}56`, `0${c}00`, `a: ${c}`, `talk:x${c}1:00`);
  }
  out.push('7:57', '1:02:03', '0:00', '2024-02-30', '2024-02', '10-20', '1-2-3', '00:60', '-1:00', '1:2:3:4', '12:30:', 'a:', 'a::b');
  out.push('Ünïcode naïveté', 'Señor Müller', 'Łódź', '日本語のテキスト', 'ça va', 'Ωmega', 'emoji 🙂 inside', 'a\u00a0b', 'a\u2028b', 'a\u200bb', 'a\tb', 'zero\u0000byte');
  return out;
}

test('the shortcut writes every scalar exactly as the yaml package route does', () => {
  const values: unknown[] = [...edgeStrings(), 0, 1, -1, 42, 2 ** 53 - 1, 2 ** 53, -0, 1.5, 1e21, true, false];
  for (const value of values) {
    assert.equal(yamlScalar(value), byRoute(value, false), JSON.stringify(value));
    assert.equal(flowYaml([value]), `[${byRoute(value, true)}]`, `${JSON.stringify(value)} in a flow list`);
  }
});

test('the shortcut agrees with the route on every scalar of a synthetic corpus', () => {
  const scalars = new Set<unknown>();
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x), scalars.add(k);
    else scalars.add(v);
  };
  for (const text of generateCorpus({ entries: 300, seed: 11 }).values()) {
    const fm = splitFrontmatter(text);
    assert.ok(fm.ok);
    collect(parseYaml(fm.yaml).data);
  }
  assert.ok(scalars.size > 3000, `only ${scalars.size} different scalars`);
  for (const value of scalars) {
    assert.equal(yamlScalar(value), byRoute(value, false), JSON.stringify(value));
    assert.equal(flowYaml([value]), `[${byRoute(value, true)}]`, `${JSON.stringify(value)} in a flow list`);
  }
});
