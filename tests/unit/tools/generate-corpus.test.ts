/**
 * The synthetic-corpus generator: what it writes must pass the real validator
 * with no errors and no warnings, be deterministic, have the promised shape,
 * and never be written over the project's content.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MARKER_FILE, refuseOut } from '../../../tools/corpus/folder.ts';
import { generateCorpus, typeCounts } from '../../../tools/corpus/generate.ts';
import { formatDiagnostic } from '../../../src/lib/validator/diagnostics.ts';
import { ENTRY_TYPES, ID_PATTERN, TYPE_INFO } from '../../../src/lib/content-model/entry-types.ts';
import type { Entry } from '../../../src/lib/content-model/link-graph.ts';
import { edgesOf } from '../../../src/lib/content-model/link-graph.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../../src/lib/validator/validate-content.ts';

const SCRIPT = path.resolve(import.meta.dirname, '../../../scripts/generate-corpus.ts');
const GENERATOR = path.resolve(import.meta.dirname, '../../../tools/corpus');
const N = 200;

function writeCorpus(dir: string, files: Map<string, string>): void {
  for (const [rel, text] of files) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
}

describe('a generated corpus of 200 entries', () => {
  let root: string;
  let files: Map<string, string>;
  let kb: KnowledgeBase;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'kb-corpus-'));
    files = generateCorpus({ entries: N, seed: 1 });
    writeCorpus(path.join(root, 'corpus'), files);
    kb = await loadKnowledgeBase({ root, contentDir: 'corpus' });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('passes the validator with no errors and no warnings', () => {
    assert.equal(kb.diagnostics.length, 0, kb.diagnostics.slice(0, 20).map(formatDiagnostic).join('\n'));
  });

  test('has exactly the requested number of entries, all valid', () => {
    assert.equal(files.size, N);
    assert.equal(kb.fileCount, N);
    assert.equal(kb.entries.length, N);
  });

  test('has every entry type, in the planned numbers', () => {
    const counts = typeCounts(N);
    for (const type of ENTRY_TYPES) {
      const n = kb.entries.filter((e) => e.type === type).length;
      assert.ok(n > 0, `no ${type} entries`);
      assert.equal(n, counts[type], `${type}: ${n} entries, planned ${counts[type]}`);
    }
  });

  test('writes each entry as <folder>/<id>.mdx with a valid id', () => {
    const folders = new Set<string>(ENTRY_TYPES.map((t) => TYPE_INFO[t].folder));
    for (const rel of files.keys()) {
      const [folder, name, ...rest] = rel.split('/');
      assert.equal(rest.length, 0, rel);
      assert.ok(folders.has(folder), rel);
      assert.match(name, /\.mdx$/);
      assert.match(name.slice(0, -4), ID_PATTERN);
    }
  });

  test('talks have the shape of real talks', () => {
    const talks = kb.entries.filter((e): e is Entry<'talk'> => e.type === 'talk');
    let overAnHour = 0;
    let withSummaries = 0;
    let withMoments = 0;
    for (const t of talks) {
      const d = t.data;
      assert.ok(d.duration !== null && d.duration >= 20 * 60 && d.duration <= 90 * 60, `${t.id}: duration ${d.duration}`);
      const chapters = d.chapters ?? [];
      assert.ok(chapters.length >= 5 && chapters.length <= 40, `${t.id}: ${chapters.length} chapters`);
      assert.equal(chapters[0].at, 0);
      assert.ok(d.people.length >= 1 && d.people.length <= 4);
      if (d.takeaways.some((k) => k.at !== undefined)) withMoments++;
      assert.match(d.recordings.find((r) => r.kind === 'video')!.url, /^https:\/\/www\.youtube\.com\/watch\?v=synth[\w-]{6}$/);
      if (d.duration! >= 3600) overAnHour++;
      if (chapters.some((c) => c.summary)) withSummaries++;
    }
    assert.ok(overAnHour > 0, 'no talk runs past an hour, so no h:mm:ss times are exercised');
    assert.ok(overAnHour < talks.length, 'every talk runs past an hour');
    assert.ok(withSummaries > 0, 'no chapter has a summary');
    assert.ok(withMoments > talks.length / 2, `only ${withMoments} talks have takeaways with a moment`);
    const hourTimes = [...files.values()].filter((f) => /\b\d:\d{2}:\d{2}\b/.test(f)).length;
    assert.ok(hourTimes > 0, 'no h:mm:ss time in any file');
  });

  test('entries cite talk moments, link each other in bodies and use typed relations', () => {
    const edges = kb.entries.flatMap(edgesOf);
    const moments = edges.filter((e) => e.at !== undefined);
    assert.ok(moments.length > N, `only ${moments.length} moment citations`);
    const bodyLinks = edges.filter((e) => e.field === 'body');
    assert.ok(bodyLinks.some((e) => e.at !== undefined), 'no body link to a talk moment');
    assert.ok(bodyLinks.some((e) => e.to.startsWith('pattern:')), 'no body link to a pattern');
    assert.ok(bodyLinks.some((e) => e.fragment?.startsWith('level-')), 'no body link to a maturity level');
    const relations = new Set(edges.filter((e) => e.field.startsWith('related')).map((e) => e.relation));
    assert.ok(relations.size >= 5, `only relations ${[...relations].join(', ')}`);
    for (const e of edges.filter((x) => x.relation === 'maps-to')) {
      assert.ok(e.from.startsWith('maturity:') && e.to.startsWith('maturity:'), `maps-to from ${e.from} to ${e.to}`);
    }
    for (const type of ['myth', 'pattern', 'war-story', 'reference', 'maturity'] as const) {
      const withRelated = kb.entries.filter((e) => e.type === type && (e.data as { related?: unknown[] }).related?.length);
      assert.ok(withRelated.length > 0, `no ${type} has related links`);
    }
  });

  test('people have affiliations with sources; references have authors, a year and a kind', () => {
    const people = kb.entries.filter((e): e is Entry<'person'> => e.type === 'person');
    assert.ok(people.some((p) => p.data.affiliations?.some((a) => a.source !== undefined)));
    for (const r of kb.entries.filter((e): e is Entry<'reference'> => e.type === 'reference')) {
      assert.ok(r.data.authors.length > 0 && r.data.year >= 1900 && r.data.kind);
    }
  });
});

describe('small corpora', () => {
  test('validate cleanly too, down to one entry per type', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kb-corpus-small-'));
    try {
      for (const entries of [8, 9, 13, 40]) {
        for (const seed of [1, 2, 3, 4]) {
          const dir = `c-${entries}-${seed}`;
          writeCorpus(path.join(root, dir), generateCorpus({ entries, seed }));
          const kb = await loadKnowledgeBase({ root, contentDir: dir });
          assert.equal(kb.diagnostics.length, 0, `${entries} entries, seed ${seed}:\n${kb.diagnostics.slice(0, 10).map(formatDiagnostic).join('\n')}`);
          assert.equal(kb.entries.length, entries);
          assert.equal(new Set(kb.entries.map((e) => e.type)).size, ENTRY_TYPES.length);
        }
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('determinism', () => {
  test('the same entries and seed give identical files', () => {
    const a = generateCorpus({ entries: 300, seed: 7 });
    const b = generateCorpus({ entries: 300, seed: 7 });
    assert.deepEqual([...a.entries()], [...b.entries()]);
  });

  test('another seed gives another corpus of the same size', () => {
    const a = generateCorpus({ entries: 300, seed: 7 });
    const b = generateCorpus({ entries: 300, seed: 8 });
    assert.equal(b.size, a.size);
    const same = [...a].filter(([k, v]) => b.get(k) === v).length;
    assert.ok(same < a.size / 10, `${same} of ${a.size} files are identical across seeds`);
  });

  test('recording ids are well formed and unique for any seed', () => {
    for (const seed of [-5, 0, 1, 2 ** 31, 4294967295]) {
      const urls = [...generateCorpus({ entries: 400, seed }).values()].flatMap((t) => t.match(/https:\/\/www\.youtube\.com\/watch\?v=[^"\s]*/g) ?? []);
      assert.equal(urls.length, typeCounts(400).talk, `seed ${seed}`);
      assert.equal(new Set(urls).size, urls.length, `seed ${seed}: repeated recording ids`);
      for (const u of urls) assert.match(u, /^https:\/\/www\.youtube\.com\/watch\?v=synth[A-Za-z0-9_-]{6}$/, `seed ${seed}`);
    }
  });

  test('the seed defaults to 1', () => {
    assert.deepEqual([...generateCorpus({ entries: 50 })], [...generateCorpus({ entries: 50, seed: 1 })]);
  });

  test('the generator uses no unseeded randomness and no clock', () => {
    const modules = readdirSync(GENERATOR).filter((f) => f.endsWith('.ts'));
    assert.ok(modules.includes('generate.ts') && modules.includes('random.ts'), modules.join(', '));
    for (const f of modules) assert.doesNotMatch(readFileSync(path.join(GENERATOR, f), 'utf8'), /Math\.random|Date\.now|new Date\(\)|crypto\.random/, f);
  });
});

describe('type mix', () => {
  test('counts add up to the requested total, with every type present', () => {
    for (const n of [8, 9, 31, 200, 1000, 4999, 5000, 12345, 100000]) {
      const c = typeCounts(n);
      assert.equal(Object.values(c).reduce((a, b) => a + b, 0), n, `n = ${n}`);
      for (const t of ENTRY_TYPES) assert.ok(c[t] >= 1, `n = ${n}: no ${t}`);
    }
  });

  test('the topic vocabulary stays bounded and grows slowly', () => {
    assert.ok(typeCounts(1000).topic >= 40 && typeCounts(1000).topic <= 80);
    assert.ok(typeCounts(5000).topic > typeCounts(1000).topic);
    assert.equal(typeCounts(100000).topic, 80);
    assert.equal(typeCounts(1_000_000).topic, 80);
  });

  test('the mix at 1,000 entries is close to the target shares', () => {
    const c = typeCounts(1000);
    const share = (t: keyof typeof c) => c[t] / 1000;
    assert.ok(share('talk') >= 0.15 && share('talk') <= 0.2);
    assert.ok(share('war-story') >= 0.15 && share('war-story') <= 0.2);
    for (const t of ['person', 'myth', 'pattern', 'reference'] as const) assert.ok(share(t) >= 0.12 && share(t) <= 0.16, `${t}: ${share(t)}`);
    assert.equal(c.maturity, 20);
  });

  test('too few entries is an error, not a smaller corpus', () => {
    assert.throws(() => generateCorpus({ entries: 7 }), /at least 8/);
    assert.throws(() => generateCorpus({ entries: 10.5 }), /whole number/);
  });

  // How fast is the benchmark's business (npm run bench), not a test's: tests assert no wall-clock time.
  test('5,000 entries generate, in exactly the planned numbers per type', () => {
    const files = generateCorpus({ entries: 5000, seed: 3 });
    assert.equal(files.size, 5000);
    const perFolder = new Map<string, number>();
    for (const rel of files.keys()) perFolder.set(rel.split('/')[0], (perFolder.get(rel.split('/')[0]) ?? 0) + 1);
    const counts = typeCounts(5000);
    assert.deepEqual(Object.fromEntries(perFolder), Object.fromEntries(ENTRY_TYPES.map((t) => [TYPE_INFO[t].folder, counts[t]])));
  });
});

describe('the command line', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kb-corpus-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { cwd: dir, encoding: 'utf8' });
  const listing = (d: string): string[] =>
    readdirSync(d, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => path.relative(d, path.join(f.parentPath, f.name)))
      .sort();

  test('writes exactly N entry files, replacing an earlier corpus byte for byte', () => {
    const out = path.join(dir, 'corpus');
    const first = run('--entries', '60', '--out', out, '--seed', '5');
    assert.equal(first.status, 0, first.stderr);
    const files = listing(out);
    assert.equal(files.filter((f) => f.endsWith('.mdx')).length, 60);
    assert.ok(files.includes(MARKER_FILE));
    const before = new Map(files.map((f) => [f, readFileSync(path.join(out, f), 'utf8')]));
    writeFileSync(path.join(out, 'talks', 'stale-entry.mdx'), 'left over');
    const second = run('--entries', '60', '--out', out, '--seed', '5');
    assert.equal(second.status, 0, second.stderr);
    assert.ok(!existsSync(path.join(out, 'talks', 'stale-entry.mdx')), 'the old corpus was not deleted first');
    const after = listing(out);
    assert.deepEqual(after, files);
    for (const f of after) assert.equal(readFileSync(path.join(out, f), 'utf8'), before.get(f), f);
    const expected = generateCorpus({ entries: 60, seed: 5 });
    for (const [rel, text] of expected) assert.equal(readFileSync(path.join(out, rel), 'utf8'), text, rel);
  });

  test('refuses to empty a directory it did not generate', () => {
    const out = path.join(dir, 'precious');
    mkdirSync(out);
    writeFileSync(path.join(out, 'keep.txt'), 'keep me');
    const r = run('--entries', '20', '--out', out);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /refusing/);
    assert.deepEqual(readdirSync(out), ['keep.txt']);
  });

  test('rejects bad arguments', () => {
    assert.equal(run('--entries', '5', '--out', path.join(dir, 'x')).status, 2);
    assert.equal(run('--out', path.join(dir, 'x')).status, 2);
    assert.equal(run('--entries', '20').status, 2);
    assert.equal(run('--entries', '20', '--out', path.join(dir, 'x'), '--seed', 'abc').status, 2);
    assert.ok(!existsSync(path.join(dir, 'x')));
  });

  test('never writes into the project content directory, inside it, or over it', () => {
    const root = path.join(dir, 'project');
    mkdirSync(path.join(root, 'content', 'talks'), { recursive: true });
    assert.match(refuseOut(path.join(root, 'content'), root) ?? '', /content directory/);
    assert.match(refuseOut(path.join(root, 'content', 'bench'), root) ?? '', /content directory/);
    assert.match(refuseOut(root, root) ?? '', /holds the project's content/);
    assert.match(refuseOut(path.join(root, 'content', '..'), root) ?? '', /holds the project's content/);
    assert.equal(refuseOut(path.join(root, '.bench', 'corpus-100'), root), undefined);
    // Even when content/ does not exist yet.
    const bare = path.join(dir, 'bare');
    mkdirSync(bare);
    assert.match(refuseOut(path.join(bare, 'content'), bare) ?? '', /content directory/);
  });
});

describe('a generated corpus with transcripts', () => {
  let root: string;
  let plain: Map<string, string>;
  let files: Map<string, string>;
  let kb: KnowledgeBase;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'kb-corpus-transcripts-'));
    plain = generateCorpus({ entries: N, seed: 1 });
    files = generateCorpus({ entries: N, seed: 1, transcripts: 'all' });
    writeCorpus(path.join(root, 'corpus'), files);
    kb = await loadKnowledgeBase({ root, contentDir: 'corpus' });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('every talk has a valid transcript, and the entry files are those of the corpus without', () => {
    assert.equal(kb.diagnostics.length, 0, kb.diagnostics.slice(0, 20).map(formatDiagnostic).join('\n'));
    assert.equal(kb.transcripts.size, typeCounts(N).talk);
    assert.deepEqual(new Map([...files].filter(([f]) => f.endsWith('.mdx'))), plain);
  });

  test('speech runs at about 150 words a minute, in cues of a few seconds', () => {
    for (const [key, t] of kb.transcripts) {
      const words = t.cues.reduce((n, c) => n + c.text.split(' ').length, 0);
      const minutes = (t.cues.at(-1)!.end - t.cues[0].start) / 60_000;
      assert.ok(Math.abs(words / minutes - 150) < 15, `${key}: ${(words / minutes).toFixed(0)} words a minute`);
      assert.ok(t.cues.every((c) => c.end - c.start >= 2000 && c.end - c.start <= 6000), `${key}: a cue outside 2-6 s`);
    }
  });

  test('--transcripts n spreads n transcripts over the talks', () => {
    const some = [...generateCorpus({ entries: N, seed: 1, transcripts: 5 }).keys()].filter((f) => f.endsWith('.vtt'));
    assert.equal(some.length, 5);
  });
});
