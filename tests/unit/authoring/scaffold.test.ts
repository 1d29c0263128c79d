/**
 * `npm run new`: the skeleton of every type has every required field of its
 * schema, and a newcomer gets from nothing to a valid entry by following the
 * validator's messages. The scaffolder's core runs in-process against a copy
 * of content/ in a temp directory; the real content is never touched.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { checkValue, titleField } from '../../../src/lib/authoring/entry-values.ts';
import { interview, type Io } from '../../../src/lib/authoring/interview.ts';
import { run } from '../../../src/lib/authoring/new-command.ts';
import { scaffold } from '../../../src/lib/authoring/scaffold.ts';
import { parseBody } from '../../../src/lib/validator/mdx-body.ts';
import { checkBodySafety } from '../../../src/lib/validator/body-safety.ts';
import type { Diagnostic } from '../../../src/lib/validator/diagnostics.ts';
import { ENTRY_TYPES, TYPE_INFO, slugify } from '../../../src/lib/content-model/entry-types.ts';
import { loadKnowledgeBase } from '../../../src/lib/validator/validate-content.ts';
import { inputSchema, objectBranch } from '../../../src/lib/content-model/schema-docs.ts';
import { parseYaml, splitFrontmatter } from '../../../src/lib/validator/entry-file.ts';
import { copyContent } from '../../support/project-copy.ts';

const TODAY = '2026-11-22';
const scratch = mkdtempSync(path.join(tmpdir(), 'kb-new-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let n = 0;
/** A fresh project root holding a copy of the real content/. */
function freshRoot(): string {
  const root = path.join(scratch, `root-${n++}`);
  copyContent(root);
  return root;
}

/** Runs the command in `root` with no terminal; returns its exit code and what it printed. */
async function cli(root: string, argv: string[], io?: Io) {
  const out: string[] = [];
  const err: string[] = [];
  const r = await run(argv, { cwd: root, env: {}, today: TODAY, io, out: (s) => out.push(s), err: (s) => err.push(s) });
  return { ...r, out: out.join('\n'), err: err.join('\n') };
}

function frontmatter(text: string): Record<string, unknown> {
  const fm = splitFrontmatter(text);
  assert.ok(fm.ok, 'the skeleton has frontmatter');
  const y = parseYaml(fm.yaml);
  assert.deepEqual(y.problems, [], 'the frontmatter is valid YAML');
  assert.ok(y.data && typeof y.data === 'object' && !Array.isArray(y.data), 'the frontmatter is a set of fields');
  return y.data as Record<string, unknown>;
}

const errorsIn = (diagnostics: Diagnostic[], file: string) => diagnostics.filter((d) => d.file === file && d.severity === 'error');
const warningsIn = (diagnostics: Diagnostic[], file: string) => diagnostics.filter((d) => d.file === file && d.severity === 'warning');

describe('the skeleton of every type', () => {
  for (const type of ENTRY_TYPES) {
    test(type, () => {
      const title = `Why the ${type} skeleton is complete & valid`;
      const s = scaffold({ type, title, today: TODAY });
      assert.equal(s.id, slugify(title));
      assert.equal(s.id, `why-the-${type}-skeleton-is-complete-and-valid`);
      assert.equal(s.file, `${TYPE_INFO[type].folder}/${s.id}.mdx`);

      const data = frontmatter(s.text);
      const schema = inputSchema(type);
      const required = schema.required ?? [];
      assert.ok(required.length > 0);
      assert.deepEqual(required.filter((k) => !(k in data)), [], 'every required field is written');
      assert.deepEqual(Object.keys(data).filter((k) => !required.includes(k)), [], 'optional fields are only commented out');
      assert.equal(data[titleField(type)], title);
      assert.equal(data.added, TODAY);
      // Lists of objects get one item with that object's required fields.
      for (const k of required) {
        const items = schema.properties![k].items;
        const obj = objectBranch(items);
        if (!obj?.required) continue;
        const first = (data[k] as Record<string, unknown>[])[0];
        assert.deepEqual(obj.required.filter((r) => !(r in first)), [], `${k}[0] has every required field`);
      }
      // Every optional field still appears, commented out, so the contributor sees what exists.
      for (const k of Object.keys(schema.properties!)) if (!required.includes(k)) assert.match(s.text, new RegExp(`^# ${k}: `, 'm'), `${k} is shown commented out`);
      // The body is Markdown the safety check accepts.
      const body = parseBody(s.text);
      assert.ok(body.ok);
      assert.deepEqual(checkBodySafety(body.root), []);
    });
  }
});

test('any title reads back as written, quoted only where YAML needs it', () => {
  const titles = ['Yes', 'null', '1984', '3:00', 'MLOps: the hard parts', 'C++ & Rust #1', "It's 'quoted' and \"double\"", '- a list?', 'Ünïcode naïveté', '[brackets] {braces}', 'Trailing space '];
  for (const title of titles) {
    const data = frontmatter(scaffold({ type: 'topic', title: title.trim(), today: TODAY }).text);
    assert.equal(data.name, title.trim(), JSON.stringify(title));
  }
  assert.match(scaffold({ type: 'myth', title: 'Models do not need monitoring', today: TODAY }).text, /^title: Models do not need monitoring$/m);
});

describe('the newcomer path', () => {
  const root = freshRoot();
  const file = 'content/myths/models-do-not-need-monitoring.mdx';

  test('the copied content is valid to begin with', async () => {
    const kb = await loadKnowledgeBase({ root, contentDir: 'content' });
    assert.deepEqual(kb.diagnostics.filter((d) => d.severity === 'error'), []);
  });

  test('with the references given as flags, the new myth has no errors, and its TODO text is flagged until written', async () => {
    const r = await cli(root, ['myth', 'Models do not need monitoring', '--stated-in', 'talk:principles-of-good-ml-systems-design@15:08', '--topics', 'monitoring', '--source', 'talk:principles-of-good-ml-systems-design@15:08']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    assert.ok(existsSync(path.join(root, file)));
    assert.match(r.out, new RegExp(`Wrote ${file.replaceAll('/', '\\/')}`));
    assert.match(r.out, /npm run validate/);
    let kb = await loadKnowledgeBase({ root, contentDir: 'content' });
    assert.deepEqual(errorsIn(kb.diagnostics, file), []);
    assert.ok(kb.entries.some((e) => e.key === 'myth:models-do-not-need-monitoring'));
    // What only the contributor can write is flagged until written (and --strict, as review runs it, fails on it).
    assert.deepEqual(warningsIn(kb.diagnostics, file).map((d) => `${d.field}: ${d.message}`), ['claim: still holds the placeholder "TODO"', 'reality: still holds the placeholder "TODO"', 'body: the body still starts with the placeholder TODO']);
    const written = readFileSync(path.join(root, file), 'utf8')
      .replace(/^claim: .*$/m, 'claim: Once a model is live it keeps working without anyone watching it.')
      .replace(/^reality: .*$/m, 'reality: Data drifts and quality slips silently unless someone monitors it.')
      .replace(/^TODO: .*$/m, 'Chip Huyen lists this among the production myths.');
    writeFileSync(path.join(root, file), written);
    kb = await loadKnowledgeBase({ root, contentDir: 'content' });
    assert.deepEqual(kb.diagnostics.filter((d) => d.file === file), []);
  });

  test('without them, every problem names the line, the field and the fix; following the fixes gives a valid entry', async () => {
    const r = await cli(root, ['myth', 'Monitoring is optional']);
    assert.equal(r.code, 0, r.err);
    const target = 'content/myths/monitoring-is-optional.mdx';
    let kb = await loadKnowledgeBase({ root, contentDir: 'content' });
    const problems = errorsIn(kb.diagnostics, target);
    assert.ok(problems.length > 0, 'the placeholders are reported');
    for (const d of problems) {
      assert.ok(d.line > 0 && d.column > 0, `${d.field}: has a line and column`);
      assert.ok(d.field && !d.field.startsWith('('), `has a field: ${JSON.stringify(d)}`);
      assert.ok(d.message.length > 0 && d.fix.length > 0, `${d.field}: says what is wrong and how to fix it`);
    }
    assert.deepEqual(problems.map((d) => d.field).sort(), ['sources[0].ref', 'statedIn', 'topics[0]']);
    // Each message points at a line that holds the placeholder it is about.
    const lines = readFileSync(path.join(root, target), 'utf8').split('\n');
    for (const d of problems) assert.match(lines[d.line - 1], /pick-a-/, `${d.field} points at the placeholder's line`);

    // The contributor replaces what the messages point at, and nothing else.
    const fixed = readFileSync(path.join(root, target), 'utf8')
      .replaceAll('talk:pick-a-talk@0:00', 'talk:principles-of-good-ml-systems-design@15:08')
      .replace('[pick-a-topic]', '[monitoring]');
    writeFileSync(path.join(root, target), fixed);
    kb = await loadKnowledgeBase({ root, contentDir: 'content' });
    assert.deepEqual(errorsIn(kb.diagnostics, target), []);
  });

  test('for every type, each problem in a fresh skeleton has a line, a field and a fix', async () => {
    const fresh = freshRoot();
    for (const type of ENTRY_TYPES) assert.equal((await cli(fresh, [type, `Fresh ${type} entry`])).code, 0);
    const kb = await loadKnowledgeBase({ root: fresh, contentDir: 'content' });
    for (const type of ENTRY_TYPES) {
      const target = `content/${TYPE_INFO[type].folder}/fresh-${type}-entry.mdx`;
      const problems = errorsIn(kb.diagnostics, target);
      assert.ok(problems.length > 0, `${type}: its placeholders are reported`);
      for (const d of problems) {
        assert.ok(d.line > 1 && d.column > 0, `${target} ${d.field}: at a line inside the frontmatter`);
        assert.ok(d.field && d.field !== 'file' && !d.field.startsWith('('), `${target}: names a field`);
        assert.ok(d.fix.trim().length > 0, `${target} ${d.field}: has a fix`);
      }
    }
    // Nothing else in the copied content is affected.
    assert.deepEqual(kb.diagnostics.filter((d) => !d.file.includes('/fresh-')), []);
  });
});

describe('mistakes in calling it', () => {
  const root = freshRoot();

  test('an unknown type suggests the closest', async () => {
    const r = await cli(root, ['mythh', 'Models do not need monitoring']);
    assert.equal(r.code, 2);
    assert.match(r.err, /"mythh" is not an entry type/);
    assert.match(r.err, /fix: did you mean myth\? Run: npm run new -- myth "Models do not need monitoring"/);
  });

  test('a type far from any lists them all', async () => {
    const r = await cli(root, ['podcast', 'X']);
    assert.equal(r.code, 2);
    assert.match(r.err, /use one of talk, person, myth, maturity, war-story, pattern, reference, topic/);
  });

  test('an existing file is refused and left as it was', async () => {
    const before = readFileSync(path.join(root, 'content/myths/deploying-is-hard.mdx'), 'utf8');
    const r = await cli(root, ['myth', 'Deploying is hard']);
    assert.equal(r.code, 2);
    assert.match(r.err, /content\/myths\/deploying-is-hard\.mdx already exists/);
    assert.match(r.err, /fix: edit that file, or give the new myth another title/);
    assert.equal(readFileSync(path.join(root, 'content/myths/deploying-is-hard.mdx'), 'utf8'), before);
  });

  test('a missing title', async () => {
    const r = await cli(root, ['myth']);
    assert.equal(r.code, 2);
    assert.match(r.err, /error: no title given for the myth\n {2}fix: add it in quotes after the type: npm run new -- myth "Title"/);
  });

  test('a missing type', async () => {
    const r = await cli(root, []);
    assert.equal(r.code, 2);
    assert.match(r.err, /no entry type given/);
  });

  test('a flag value is checked with the validator\'s parsers and words', async () => {
    const r = await cli(root, ['myth', 'Bad time', '--stated-in', 'talk:principles-of-good-ml-systems-design@15:75']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--stated-in: "15:75" has 75 seconds; seconds run from 00 to 59\n {2}fix: write the time as m:ss/);
    const whole = await cli(root, ['myth', 'No moment', '--stated-in', 'talk:principles-of-good-ml-systems-design']);
    assert.match(whole.err, /names a talk but not the moment/);
    const other = await cli(root, ['pattern', 'Wrong field', '--stated-in', 'talk:x@1:00']);
    assert.match(other.err, /a pattern has no field statedIn/);
    assert.ok(!existsSync(path.join(root, 'content/myths/bad-time.mdx')));
  });

  test('a flag pointing at no entry is a warning with the validator\'s suggestion', async () => {
    const r = await cli(root, ['myth', 'Typo in talk', '--stated-in', 'talk:principles-of-good-ml-design@15:08', '--dry-run']);
    assert.equal(r.code, 0);
    assert.match(r.err, /warning: --stated-in: "principles-of-good-ml-design" points at no talk/);
    assert.match(r.err, /did you mean principles-of-good-ml-systems-design\?/);
  });

  test('--dry-run prints the file and writes nothing', async () => {
    const r = await cli(root, ['topic', 'Shadow deployment', '--dry-run']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^---\n/);
    assert.match(r.out, /^name: Shadow deployment$/m);
    assert.ok(!existsSync(path.join(root, 'content/topics/shadow-deployment.mdx')));
  });
});

describe('the questions on a terminal', () => {
  /** Answers questions from a script and records what was said. */
  function scripted(answers: string[]) {
    const said: string[] = [];
    const asked: string[] = [];
    const io: Io = {
      ask: async (q) => {
        asked.push(q);
        assert.ok(answers.length > 0, `no answer left for: ${q}`);
        return answers.shift()!;
      },
      say: (t) => said.push(t),
    };
    return { io, said, asked, answers };
  }

  test('every answer is re-asked until it parses and exists, then the entry is valid', async () => {
    const root = freshRoot();
    const s = scripted([
      'mythh', // not a type
      '3', // myth
      'Deploying is hard', // exists
      'Nobody needs to monitor models',
      'talk:principles-of-good-ml-systems-design@15:8', // seconds need two digits
      'talk:principles-of-good-ml-design@15:08', // no such talk
      'talk:principles-of-good-ml-systems-design@15:08',
      '', // sources: accept the moment just given
      'monitorin', // no such topic
      'monitoring, scaling',
    ]);
    const r = await cli(root, [], s.io);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(s.answers, []);
    const said = s.said.join('\n');
    assert.match(said, /Did you mean myth\?/);
    assert.match(said, /deploying-is-hard\.mdx already exists/);
    assert.match(said, /"15:8" is not a time/);
    assert.match(said, /did you mean principles-of-good-ml-systems-design\?/);
    assert.match(said, /did you mean monitoring\?/);
    assert.match(said, /Existing topics: .*monitoring/s);
    const file = 'content/myths/nobody-needs-to-monitor-models.mdx';
    const data = frontmatter(readFileSync(path.join(root, file), 'utf8'));
    assert.deepEqual(data.topics, ['monitoring', 'scaling']);
    assert.deepEqual(data.sources, ['talk:principles-of-good-ml-systems-design@15:08']);
    const kb = await loadKnowledgeBase({ root, contentDir: 'content' });
    assert.deepEqual(errorsIn(kb.diagnostics, file), []);
  });

  test('Enter leaves a reference for later: the placeholder is written', async () => {
    const s = scripted(['', '', '']);
    const a = await interview(s.io, 'war-story', { title: 'A story', values: {} }, { known: {} });
    assert.deepEqual(a.values, {});
    assert.deepEqual(s.asked.map((q) => q.split(' ')[0]), ['toldIn', 'topics']);
  });

  test('checkValue speaks the validator\'s words', () => {
    assert.deepEqual(checkValue('myth', 'topics', ['ct'], { topic: ['continuous-training'] }), {
      ok: false,
      message: '"ct" points at no topic: there is no topics/ct.mdx',
      fix: 'use a topic from content/topics/ (a tag that is not a topic is an error), or add content/topics/ct.mdx first',
    });
    assert.equal(checkValue('myth', 'topics', ['monitoring'], { topic: ['monitoring'] }).ok, true);
  });
});
