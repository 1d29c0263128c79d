/**
 * CONTRIBUTING.md cannot drift from the code: its generated sections equal
 * what the generator makes now, the field reference lists every field of
 * every schema, the examples are valid entries, and every command it tells a
 * newcomer to run exists.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { run } from '../../../src/lib/authoring/new-command.ts';
import { formatDiagnostic } from '../../../src/lib/validator/diagnostics.ts';
import { ENTRY_TYPES, TYPE_INFO, isEntryType, type EntryType } from '../../../src/lib/content-model/entry-types.ts';
import { fieldReference, renderGeneratedSections } from '../../../src/lib/authoring/field-reference.ts';
import { TALK_SUMMARY_WORDS, loadKnowledgeBase } from '../../../src/lib/validator/validate-content.ts';
import { CHOOSABLE_RELATIONS, RELATION_MEANING } from '../../../src/lib/content-model/relations.ts';
import { ALLOWED_COMPONENTS, ALLOWED_ELEMENTS } from '../../../src/lib/validator/body-safety.ts';
import { inputSchema, type JsonSchema } from '../../../src/lib/content-model/schema-docs.ts';
import { TIMESTAMP_RULES } from '../../../src/lib/content-model/timestamps.ts';
import { copyContent } from '../../support/project-copy.ts';

const repo = path.resolve(import.meta.dirname, '../../..');
const doc = readFileSync(path.join(repo, 'CONTRIBUTING.md'), 'utf8');

/** Every field path of a JSON Schema, walked here independently of the generator: `chapters[].at`. */
function fieldPaths(s: JsonSchema, prefix = ''): string[] {
  const branches = [s, ...(s.anyOf ?? [])];
  const out: string[] = [];
  for (const b of branches) {
    for (const [name, child] of Object.entries(b.properties ?? {})) {
      const p = prefix + name;
      out.push(p);
      for (const c of [child, ...(child.anyOf ?? [])]) {
        if (c.items) out.push(...fieldPaths(c.items, `${p}[].`));
        else if (c.properties) out.push(...fieldPaths(c, `${p}.`));
      }
    }
  }
  return [...new Set(out)];
}

/** The part of a field reference about one type: from its heading to the next. */
function sectionOf(reference: string, type: EntryType): string {
  const parts = reference.split(/^### /m);
  const part = parts.find((p) => p.includes(`(\`${type}\`, in \`content/${TYPE_INFO[type].folder}/\`)`));
  assert.ok(part, `the reference has a section for ${type}`);
  return part;
}

test('the generated sections of CONTRIBUTING.md are current', () => {
  assert.ok(
    renderGeneratedSections(doc) === doc,
    'CONTRIBUTING.md differs from what the schemas, TIMESTAMP_RULES, RELATION_MEANING, the allowed elements and the limits produce: run `npm run docs:contributing` and commit the result',
  );
});

describe('the field reference lists every field of every schema', () => {
  const generated = fieldReference();
  const committed = doc.slice(doc.indexOf('<!-- fields:start -->'), doc.indexOf('<!-- fields:end -->'));
  for (const type of ENTRY_TYPES) {
    test(type, () => {
      const paths = fieldPaths(inputSchema(type));
      assert.ok(paths.length > 0);
      for (const reference of [generated, committed]) {
        const section = sectionOf(reference, type);
        const missing = paths.filter((p) => !section.includes(`\`${p}\``));
        assert.deepEqual(missing, [], `fields of ${type} missing from the reference`);
        const required = inputSchema(type).required ?? [];
        for (const r of required) assert.match(section, new RegExp(`\\| \`${r}\` \\| [^|]+(\\\\\\|[^|]+)* \\| \\*\\*required\\*\\*`), `${type}.${r} is marked required`);
      }
    });
  }
});

test('the rules, relations and allowed elements are printed from the code', () => {
  for (const rule of TIMESTAMP_RULES) assert.ok(doc.includes(`- ${rule}`), rule);
  for (const r of CHOOSABLE_RELATIONS) assert.ok(doc.includes(`- \`${r}\`: ${RELATION_MEANING[r]}`), r);
  for (const name of [...Object.keys(ALLOWED_COMPONENTS), ...Object.keys(ALLOWED_ELEMENTS)]) assert.match(doc, new RegExp(`\`<${name}[ >]`), name);
  assert.ok(doc.includes(`${TALK_SUMMARY_WORDS.min}-${TALK_SUMMARY_WORDS.max} words`), 'the talk summary length matches TALK_SUMMARY_WORDS');
});

describe('the examples are valid entries', () => {
  const examples = [...doc.matchAll(/<!-- example: ([a-z-]+) -->\n```mdx\n([\s\S]*?)\n```/g)].map((m) => ({ type: m[1], text: m[2] + '\n' }));
  test('there is one per type', () => {
    assert.deepEqual(examples.map((e) => e.type).sort(), [...ENTRY_TYPES].sort());
  });
  test('each validates against the real content without an error', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kb-contributing-'));
    after(() => rmSync(root, { recursive: true, force: true }));
    copyContent(root);
    const files: string[] = [];
    for (const e of examples) {
      assert.ok(isEntryType(e.type), e.type);
      const file = `content/${TYPE_INFO[e.type].folder}/contributing-example-${e.type}.mdx`;
      writeFileSync(path.join(root, file), e.text);
      files.push(file);
    }
    const kb = await loadKnowledgeBase({ root, contentDir: 'content' });
    const errors = kb.diagnostics.filter((d) => d.severity === 'error' && files.includes(d.file));
    assert.deepEqual(errors.map((d) => `${d.file}:${d.line}:${d.column} ${d.field}: ${d.message} (${d.fix})`), []);
  });
});

test('the validator message quoted in "The path of a contribution" is what a fresh skeleton gets', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'kb-contributing-msg-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  copyContent(root);
  const r = await run(['myth', 'Models do not need monitoring'], { cwd: root, env: {}, today: '2026-11-22', out: () => {}, err: () => {} });
  assert.equal(r.code, 0);
  const kb = await loadKnowledgeBase({ root, contentDir: 'content' });
  const d = kb.diagnostics.find((x) => x.field === 'statedIn');
  assert.ok(d, 'the placeholder of statedIn is reported');
  // Line numbers move as talks are added (the skeleton lists them), so they are not compared.
  const m = /```text\n *(content\/myths\/models-do-not-need-monitoring\.mdx:\d+:\d+ error statedIn: [^\n]*)\n *(fix: [^\n]*)\n *```/.exec(doc);
  assert.ok(m, 'CONTRIBUTING.md quotes the statedIn message');
  const shown = `${m[1]}\n  ${m[2]}`;
  const strip = (s: string) => s.replace(/:\d+:\d+ /, ':L:C ');
  assert.equal(strip(shown), strip(formatDiagnostic(d)));
});

test('the worked example of "Adding a talk" is what the importer does with that fixture', () => {
  const fixture = path.join(repo, 'tests/fixtures/import/show-notes');
  const section = doc.slice(doc.indexOf('### A worked example'), doc.indexOf('## Entry types'));
  const blocks = [...section.matchAll(/```(?:text|yaml|sh)\n([\s\S]*?)\n```/g)].map((m) => m[1]);
  const report = readFileSync(path.join(fixture, 'expected/report.txt'), 'utf8');
  const talk = readFileSync(path.join(fixture, 'expected/files/talks/keeping-feature-pipelines-honest.mdx'), 'utf8');
  assert.equal(blocks[0], readFileSync(path.join(fixture, 'input.txt'), 'utf8').trimEnd(), 'the input');
  assert.equal(blocks[1], 'npm run import -- notes.txt');
  assert.deepEqual(JSON.parse(readFileSync(path.join(fixture, 'args.json'), 'utf8')), ['input.txt'], 'the fixture runs with no option, as the example does');
  assert.equal(blocks[2], /--- stdout\n([\s\S]*?)\n--- stderr/.exec(report)![1], 'what it prints');
  assert.ok(talk.includes(`${blocks[3]}\n`) && blocks[3].includes('\nchapters:\n'), 'the chapters it writes');
  assert.equal(blocks[4], readFileSync(path.join(fixture, 'expected/validate.txt'), 'utf8').trimEnd(), 'what the validator says after');
});

test('every npm script CONTRIBUTING.md mentions exists', () => {
  const scripts = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).scripts as Record<string, string>;
  const named = [...doc.matchAll(/npm run ([\w:-]*[\w-])/g)].map((m) => m[1]);
  assert.ok(named.includes('new') && named.includes('validate'));
  assert.deepEqual([...new Set(named)].filter((s) => !(s in scripts)), []);
  for (const s of ['start', 'test', 'install']) assert.ok(doc.includes(`npm ${s}`));
  assert.ok('start' in scripts && 'test' in scripts);
});

test('every limit in src/lib/validator/limits.ts is stated among the documented limits', async () => {
  const limits = await import('../../../src/lib/validator/limits.ts');
  const text = limits.limitRules().join('\n');
  const constants = Object.entries(limits).filter(([name]) => name.startsWith('MAX_'));
  assert.ok(constants.length >= 10);
  for (const [name, value] of constants) assert.ok(text.includes((value as number).toLocaleString('en-GB')), `${name} (${value}) is not in limitRules()`);
  assert.ok(doc.includes(limits.limitRules()[0]), 'CONTRIBUTING.md prints the limits');
});
