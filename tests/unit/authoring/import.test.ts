/**
 * The importer's pieces as tables (times, dates, recording links, headlines,
 * people, titles, topics, Markdown escaping, format recognition), hostile
 * input end to end, and every mistake in calling `npm run import`. The
 * formats and the input mistakes have fixtures of their own
 * (import-fixtures.test.ts).
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { knownIds } from '../../../src/lib/authoring/entry-values.ts';
import { runImport } from '../../../src/lib/authoring/import/import-command.ts';
import { knownPeople, knownTopics, type KnownPerson } from '../../../src/lib/authoring/import/known-entries.ts';
import { readLooseDate, readTimedTurns, recordingKind } from '../../../src/lib/authoring/import/page.ts';
import { affiliationsOf, resolvePeople } from '../../../src/lib/authoring/import/people.ts';
import { readClock, type Mention } from '../../../src/lib/authoring/import/reading.ts';
import { readSrt } from '../../../src/lib/authoring/import/srt.ts';
import { importTalk, markdownText, publisherTitle, recognise, suggestTopics } from '../../../src/lib/authoring/import/talk-entry.ts';
import { checkBodySafety } from '../../../src/lib/validator/body-safety.ts';
import { parseYaml, splitFrontmatter } from '../../../src/lib/validator/entry-file.ts';
import { parseBody, walk, type MdNode } from '../../../src/lib/validator/mdx-body.ts';
import { loadKnowledgeBase } from '../../../src/lib/validator/validate-content.ts';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/import/_content');
const scratch = mkdtempSync(path.join(tmpdir(), 'kb-import-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const TODAY = '2026-11-22';

describe('times as publishers write them', () => {
  const cases: Array<[string, number | string]> = [
    ['0:12', 12],
    ['02:56', 176],
    ['1:02:03', 3723],
    ['00:07:57', 477],
    ['75:30', 4530],
    ['2:75', '"2:75" has 75 seconds; seconds run from 00 to 59'],
    ['1:75:00', '"1:75:00" has 75 minutes after the hour; minutes run from 00 to 59'],
    ['12', '"12" is not a time'],
  ];
  for (const [text, want] of cases) test(text, () => assert.deepEqual(readClock(text), typeof want === 'number' ? { ok: true, seconds: want } : { ok: false, reason: want }));
});

describe('dates as pages write them', () => {
  const cases: Array<[string, ReturnType<typeof readLooseDate>]> = [
    ['Apr 18, 2022', { iso: '2022-04-18' }],
    ['April 8 2022', { iso: '2022-04-08' }],
    ['18 Apr 2022', { iso: '2022-04-18' }],
    ['Sept. 3, 2021', { iso: '2021-09-03' }],
    ['2022-04-18', { iso: '2022-04-18' }],
    ['Feb 29, 2024', { iso: '2024-02-29' }],
    ['Feb 29, 2023', { reason: '"Feb 29, 2023" is not a real date: February 2023 has 28 days' }],
    ['by the hosts', undefined],
    ['Foo 3, 2021', undefined],
  ];
  for (const [text, want] of cases) test(text, () => assert.deepEqual(readLooseDate(text), want));
});

describe('which links are recordings', () => {
  const cases: Array<[string, string | undefined]> = [
    ['https://www.youtube.com/watch?v=abc123', 'video'],
    ['https://youtu.be/abc123', 'video'],
    ['https://www.youtube.com/channel/UCabc', undefined],
    ['https://www.youtube.com/playlist?list=PL1', undefined],
    ['https://vimeo.com/123456', 'video'],
    ['https://example.org/a/talk.mp4', 'video'],
    ['https://example.org/a/episode.mp3?x=1', 'audio'],
    ['https://anchor.fm/show/episodes/An-Episode-e1', 'audio'],
    ['https://open.spotify.com/episode/4abc', 'audio'],
    ['https://podcasts.apple.com/us/podcast/x/id1?i=1000', 'audio'],
    ['https://www.linkedin.com/in/someone/', undefined],
    ['https://research.google/pubs/pub46555/', undefined],
    ['not a url', undefined],
  ];
  for (const [url, want] of cases) test(url, () => assert.equal(recordingKind(url), want));
});

describe('role and organisation from a headline', () => {
  const cases: Array<[string, Array<{ organisation: string; role: string }>]> = [
    ['Solutions Manager @ Google Cloud', [{ organisation: 'Google Cloud', role: 'Solutions Manager' }]],
    ['Community Coordinator at MLOps Community', [{ organisation: 'MLOps Community', role: 'Community Coordinator' }]],
    ['Software Engineer at Microsoft and Content Lead at MLOps Community', [{ organisation: 'Microsoft', role: 'Software Engineer' }, { organisation: 'MLOps Community', role: 'Content Lead' }]],
    ['Snorkel AI - Machine Learning Engineer & Open Source Lead', [{ organisation: 'Snorkel AI', role: 'Machine Learning Engineer & Open Source Lead' }]],
    ['Head of Data – Larchwood Labs', [{ organisation: 'Larchwood Labs', role: 'Head of Data' }]],
    ['Larchwood Labs - Quillfeather', []],
  ];
  for (const [headline, want] of cases) test(headline, () => assert.deepEqual(affiliationsOf(headline), want));
});

describe('people', () => {
  const known: KnownPerson[] = [
    { id: 'valliappa-lakshmanan', name: 'Valliappa (Lak) Lakshmanan', links: ['https://www.linkedin.com/in/valliappalakshmanan/'] },
    { id: 'ada-marsh', name: 'Ada Marsh', links: [] },
    { id: 'ada-lindqvist', name: 'Ada Lindqvist', links: [] },
    { id: 'tomas-ferreira', name: 'Tomás Ferreira', links: [] },
  ];
  const m = (name: string, extra: Partial<Mention> = {}): Mention => ({ name, line: 1, column: 1, source: 'transcript', role: 'speaker', ...extra });
  const ids = (r: ReturnType<typeof resolvePeople>) => r.people.map((p) => `${p.id}:${p.role}${p.isNew ? ':new' : ''}`);

  test('by profile link, whatever the name', () => {
    const r = resolvePeople([m('Lak', { link: 'https://linkedin.com/in/valliappalakshmanan', source: 'profile link', role: 'host' })], known);
    assert.deepEqual(ids(r), ['valliappa-lakshmanan:host']);
  });
  test('by name, with the nickname, accents, case and punctuation aside', () => {
    for (const name of ['Valliappa Lakshmanan', 'Lak Lakshmanan', 'valliappa (lak) lakshmanan']) assert.deepEqual(ids(resolvePeople([m(name)], known)), ['valliappa-lakshmanan:speaker'], name);
    assert.deepEqual(ids(resolvePeople([m('Tomas Ferreira')], known)), ['tomas-ferreira:speaker']);
  });
  test('a first name: the full name in the input first, then the one person in content', () => {
    const r = resolvePeople([m('Ada Lindqvist', { line: 1, source: 'speaker list' }), m('Ada', { line: 5 }), m('Tomas', { line: 6 })], known);
    assert.deepEqual(ids(r), ['ada-lindqvist:speaker', 'tomas-ferreira:speaker']);
    assert.equal(r.byLabel.get('Ada')?.id, 'ada-lindqvist');
    assert.deepEqual(r.problems, []);
  });
  test('a first name given on the command line wins', () => {
    const r = resolvePeople([m('Ada')], known, [known[1]]);
    assert.equal(r.byLabel.get('Ada')?.id, 'ada-marsh');
  });
  test('a first name two people share, and one nobody has, are problems, once each', () => {
    const r = resolvePeople([m('Ada', { line: 2, column: 3 }), m('Ada', { line: 4 }), m('Zed', { line: 7 })], known);
    assert.deepEqual(r.people, []);
    assert.deepEqual(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`), ['2:3 "Ada" could be ada-marsh or ada-lindqvist', '7:1 "Zed" is a first name that neither the input nor content/people/ ties to one person']);
  });
  test('a full name nobody has is a new person; the strongest mention gives the role, in the order the page gives them', () => {
    const r = resolvePeople([m('Priya Raman', { line: 9 }), m('Ada Marsh', { line: 3, source: 'profile link', role: 'host' }), m('Priya Raman', { line: 2, source: 'title', role: 'guest' })], known);
    assert.deepEqual(ids(r), ['priya-raman:guest:new', 'ada-marsh:host']);
  });
});

describe('publisher titles and topics', () => {
  test('titles that quote someone or run to 12 words become placeholders', () => {
    assert.equal(publisherTitle('Point-in-time joins'), 'Point-in-time joins');
    assert.equal(publisherTitle('one two three four five six seven eight nine ten eleven'), 'one two three four five six seven eight nine ten eleven');
    assert.equal(publisherTitle('one two three four five six seven eight nine ten eleven twelve'), 'TODO: in our words: one two three four five six seven eight nine ten eleven twelve');
    assert.equal(publisherTitle('“It is the threshold.”'), 'TODO: in our words: “It is the threshold.”');
  });
  test('topics suggested by name and alias, most mentioned first; short capitals match only as written', () => {
    const topics = [
      { id: 'monitoring', name: 'Monitoring', aliases: ['drift detection'] },
      { id: 'ci-cd', name: 'CI/CD', aliases: ['CI'] },
      { id: 'feature-store', name: 'Feature store', aliases: [] },
    ];
    const reading = { ...recognise('A talk about Monitoring\n0:00 Drift detection basics\n1:00 Feature stores\n2:00 Special cases\n', []), tags: ['monitoring'] };
    assert.deepEqual(suggestTopics(reading, topics), ['monitoring']);
    assert.deepEqual(suggestTopics({ ...reading, tags: ['CI pipelines', 'ci'] }, topics), ['monitoring', 'ci-cd']);
  });
});

describe('what the input is', () => {
  const cases: Array<[string, string]> = [
    ['{ "version": "1.2.0", "chapters": [] }', 'Podcasting 2.0 chapters (JSON)'],
    ['\ufeffWEBVTT\n\n00:00.000 --> 00:01.000\n<v Ada>Hi', 'WebVTT captions with speakers'],
    ['  WEBVTT\n\n', 'an episode page or show notes'],
    ['1\n00:00:00,000 --> 00:00:01,000\nHi\n', 'SRT captions'],
    ['00:00:00,000 --> 00:00:01,000\nHi\n', 'SRT captions'],
    ['00:00.000 --> 00:01.000\nHi\n', 'WebVTT captions'],
    ['A Talk\n0:00 Intro\n', 'an episode page or show notes'],
  ];
  for (const [text, format] of cases) test(format, () => assert.equal(recognise(text, []).format, format));
  test('a page whose lines open with "Note:" and "Update:" holds no transcript', () => {
    const r = recognise('A Talk\nNote: one.\nUpdate: two.\nNote: three.\nUpdate: four.\n', ['Ada Marsh', 'Ada']);
    assert.equal(r.transcript, undefined);
    assert.deepEqual(r.mentions, []);
    const t = recognise('A Talk\nAda: one.\nTomas Ferreira: two.\nAda: three.\nTomas Ferreira: four.\n', ['Ada Marsh', 'Ada']).transcript;
    assert.deepEqual(t?.turns.map((x) => x.speaker), ['Ada', 'Tomas Ferreira', 'Ada', 'Tomas Ferreira']);
  });
  test('in a speaker list, a line that names a job is the role of the person above it, not a person', () => {
    const r = recognise('A Talk\nspeakers\nLena Okafor\nStaff Engineer\nMachine Learning Engineer\nTomas Ferreira\n', []);
    assert.deepEqual(r.mentions.map((m) => [m.name, m.headline]), [['Lena Okafor', 'Staff Engineer'], ['Tomas Ferreira', undefined]]);
  });
  test('SRT: tags dropped, lines joined', () => {
    assert.deepEqual(readSrt('1\n00:00:01,000 --> 00:00:02,500\n<i>Hello</i>\n{\\an8}there\n').cues, [{ line: 2, start: 1000, end: 2500, text: 'Hello there' }]);
  });
  test('timed turns: a time starts a turn only when a speaker follows', () => {
    const { turns } = readTimedTurns([{ n: 3, text: '0:00 Ada Marsh: Hi. We start at 9:30 Sharp, as always. 0:10 Tomas Thanks. 0:20 Ada Marsh: Next.' }], ['Tomas']);
    assert.deepEqual(turns.map((t) => [t.start, t.speaker, t.text, t.column]), [[0, 'Ada Marsh', 'Hi. We start at 9:30 Sharp, as always.', 1], [10000, 'Tomas', 'Thanks.', 56], [20000, 'Ada Marsh', 'Next.', 75]]);
  });
});

describe('a transcript\'s cues', () => {
  const page = 'A Talk // Ada Marsh // Fixture Radio #1\nTRANSCRIPT\n0:00 Ada Hello. 0:05 Tomas Hi. 0:05 Ada Both at once. 0:40 Tomas Bye.\n';
  const opts = (duration?: string) => ({ id: 'cues', urls: ['https://example.org/x'], values: { topics: ['monitoring'], ...(duration ? { duration } : {}) }, today: TODAY, known: knownIds(fixtures), knownPeople: knownPeople(fixtures), knownTopics: knownTopics(fixtures) });
  const cues = (r: ReturnType<typeof importTalk>) => [...(r.files.find((f) => f.path.endsWith('.vtt'))?.text ?? '').matchAll(/^(\S+) --> (\S+)\n(.*)$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
  test('each ends where a later turn starts; the last at the end of the recording, or open when its length is unknown', () => {
    assert.deepEqual(cues(importTalk(page, opts())), [
      '00:00:00.000 00:00:05.000 <v Ada Marsh>Hello.',
      '00:00:05.000 00:00:40.000 <v Tomas Ferreira>Hi.',
      '00:00:05.000 00:00:40.000 <v Ada Marsh>Both at once.',
      '00:00:40.000 99:59:59.000 <v Tomas Ferreira>Bye.',
    ]);
    assert.equal(cues(importTalk(page, opts('0:50'))).at(-1), '00:00:40.000 00:00:50.000 <v Tomas Ferreira>Bye.');
  });
  test('a turn after the end of the recording is a problem', () => {
    assert.deepEqual(importTalk(page, opts('0:30')).problems.map((p) => `${p.line}:${p.column} ${p.message}`), ['3:17 the turn at 0:05 ends after the recording ends (--duration 0:30)', '3:32 the turn at 0:05 ends after the recording ends (--duration 0:30)', '3:55 the turn at 0:40 starts after the recording ends (--duration 0:30)']);
  });
});

describe('hostile input', () => {
  const nasty = ['<script>alert(1)</script>', '{process.exit(1)}', 'import x from "y"', '[link](javascript:alert(1))', '![img](https://evil.example/x.png)', '<!-- comment -->', '---', '`code` *em* _u_ ~s~ # not a heading | pipe', 'a\\b &amp; &lt;', 'https://example.org/x and www.example.org and a@b.co', 'line\u2028sep\0nul'];

  test('Markdown text reads back as the same words and holds nothing but text and safe links', () => {
    for (const s of nasty) {
      const body = parseBody(`---\na: 1\n---\nTODO: ${markdownText(s)}\n`);
      assert.ok(body.ok, s);
      assert.deepEqual(checkBodySafety(body.root), [], s);
      const texts: string[] = [];
      const kinds = new Set<string>();
      walk(body.root, (n: MdNode) => {
        kinds.add(n.type);
        if (n.type === 'text') texts.push(n.value ?? '');
        if (n.type === 'link') assert.match(n.url ?? '', /^(https?|mailto):/, s);
      });
      assert.deepEqual([...kinds].filter((k) => !['root', 'yaml', 'paragraph', 'text', 'link'].includes(k)), [], s);
      assert.equal(texts.join(''), `TODO: ${s.replace(/\0/g, '\ufffd').replace(/[\s\u2028]+/g, ' ').trim()}`, s);
    }
  });

  // What reads as an HTML tag is refused in frontmatter by the validator (feeds would take it as markup): the importer reports it at its line.
  const tagged = nasty.filter((s) => /<[A-Za-z/!]/.test(s));
  const plain = nasty.filter((s) => !tagged.includes(s));

  test('text that reads as an HTML tag is reported at its line, not written', () => {
    const page = ['A title // Priya Raman // Fixture Radio #3', ...nasty.map((s, i) => `${i}:0${i % 6} ${s} drift detection`)].join('\n');
    const r = importTalk(page, { id: 'tagged-page', urls: ['https://example.org/x'], today: TODAY, known: {}, knownPeople: [], knownTopics: [] });
    const tagProblems = r.problems.filter((p) => /reads as an HTML tag/.test(p.message));
    assert.deepEqual(tagProblems.map((p) => [p.line, p.field]), tagged.map((s) => [nasty.indexOf(s) + 2, 'chapters']));
  });

  test('a page full of everything else imports to files that validate, its words kept as written', async () => {
    const root = path.join(scratch, 'hostile');
    cpSync(fixtures, path.join(root, 'content'), { recursive: true });
    const title = 'Yes: no # {x} [y] "z" & --- a < b';
    const page = [`${title} // Priya Raman // Fixture Radio #3`, ...plain.map((s, i) => `${i}:0${i % 6} ${s} drift detection`), 'TRANSCRIPT', `0:00 Priya ${nasty.join(' ')} 0:09 Priya --> NOTE <v Evil> & done`].join('\n');
    const r = importTalk(page, { id: 'hostile-page', urls: ['https://example.org/x'], today: TODAY, known: knownIds(path.join(root, 'content')), knownPeople: knownPeople(path.join(root, 'content')), knownTopics: knownTopics(path.join(root, 'content')) });
    assert.deepEqual(r.problems, []);
    for (const f of r.files) writeFileSync(path.join(root, 'content', f.path), f.text, { flag: 'wx' });
    const kb = await loadKnowledgeBase({ root, contentDir: 'content' });
    assert.deepEqual(kb.diagnostics.filter((d) => d.severity === 'error'), []);
    const fm = splitFrontmatter(readFileSync(path.join(root, 'content/talks/hostile-page.mdx'), 'utf8'));
    assert.ok(fm.ok);
    const data = parseYaml(fm.yaml).data as { title: string; chapters: Array<{ title: string }> };
    assert.equal(data.title, title);
    assert.deepEqual(data.chapters.map((c) => c.title.replace(/^TODO: in our words: /, '')), plain.map((s) => `${s.replace(/\0/g, '\ufffd').replace(/\u2028/g, ' ')} drift detection`));
    // The transcript is not frontmatter: its cue text is escaped, whatever it holds.
    const vtt = readFileSync(path.join(root, 'content/talks/hostile-page.vtt'), 'utf8');
    assert.equal(vtt.split('\n').filter((l) => l.includes('-->')).length, 2, 'an arrow only on the two timing lines');
  });
});

describe('mistakes in calling it', () => {
  const root = path.join(scratch, 'cli');
  cpSync(fixtures, path.join(root, 'content'), { recursive: true });
  writeFileSync(path.join(root, 'notes.txt'), 'Monitoring in Practice // Tomas Ferreira // Fixture Radio #9\n0:00 Opening\n4:20 Drift detection on inputs\n');
  writeFileSync(path.join(root, 'blank.txt'), ' \n\n');

  async function cli(argv: string[], stdin?: string) {
    const out: string[] = [];
    const err: string[] = [];
    const r = await runImport(argv, { cwd: root, env: {}, today: TODAY, stdin: stdin === undefined ? undefined : async () => new TextEncoder().encode(stdin), out: (s) => out.push(s), err: (s) => err.push(s) });
    return { ...r, out: out.join('\n'), err: err.join('\n') };
  }

  const usage: Array<[string, string[], string]> = [
    ['no input', [], 'error: no input given\n  fix: name a file, or - to paste the text: npm run import -- show-notes.txt'],
    ['two inputs', ['a.txt', 'b.txt'], 'error: one input at a time, not 2\n  fix: name a file, or - to paste the text: npm run import -- show-notes.txt'],
    ['an unknown option', ['notes.txt', '--ur', 'x'], "error: Unknown option '--ur'\n  fix: did you mean --url? See npm run import -- --help"],
    ['a file that is not there', ['missing.txt'], 'error: cannot read missing.txt: there is no such file\n  fix: check the path, or use - to paste the text'],
    ['an empty input', ['blank.txt'], 'error: blank.txt is empty\n  fix: paste the episode page, show notes, chapters or captions into it'],
    ['a bad id', ['notes.txt', '--id', 'My Talk'], 'error: "My Talk" is not an id\n  fix: ids are lowercase words joined by hyphens, like my-talk'],
    ['a role that is not one', ['notes.txt', '--people', 'ada-marsh:star'], 'error: --people: "star" is not a role\n  fix: use one of guest, host, speaker, panelist, moderator: --people ada-marsh:guest'],
    ['a field talks do not have', ['notes.txt', '--stated-in', 'talk:x@1:00'], 'error: --stated-in: a talk has no field statedIn'],
    ['a field value the schema rejects', ['notes.txt', '--duration', '61:00:00x'], 'error: --duration: "61:00:00x" is not a duration'],
    ['a person who has no entry', ['notes.txt', '--people', 'ada-marhs:host'], 'error: --people: "ada-marhs" points at no person: there is no people/ada-marhs.mdx\n  fix: did you mean ada-marsh?'],
    ['a topic that is not one', ['notes.txt', '--topics', 'monitorin'], 'error: --topics: "monitorin" points at no topic: there is no topics/monitorin.mdx\n  fix: did you mean monitoring?'],
  ];
  for (const [name, argv, want] of usage) {
    test(name, async () => {
      const r = await cli(argv);
      assert.equal(r.code, 2, r.err);
      assert.ok(r.err.startsWith(want), `${r.err}\n---\n${want}`);
      assert.deepEqual(r.written, []);
    });
  }

  test('--help', async () => {
    const r = await cli(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^Usage: npm run import -- <file \| -> \[options\]/);
  });

  test('standard input, --dry-run writing nothing, then a second import of the same talk refused', async () => {
    const text = readFileSync(path.join(root, 'notes.txt'), 'utf8');
    const dry = await cli(['-', '--url', 'https://example.org/e9', '--dry-run'], text);
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /^Read an episode page or show notes:$/m);
    assert.match(dry.out, /^==> content\/talks\/monitoring-in-practice\.mdx <==\n---\n/m);
    assert.ok(!existsSync(path.join(root, 'content/talks/monitoring-in-practice.mdx')));
    const real = await cli(['-', '--url', 'https://example.org/e9'], text);
    assert.equal(real.code, 0, real.err);
    assert.deepEqual(real.written, ['content/talks/monitoring-in-practice.mdx']);
    const again = await cli(['notes.txt', '--url', 'https://example.org/e9']);
    assert.equal(again.code, 2);
    assert.match(again.err, /^error: content\/talks\/monitoring-in-practice\.mdx already exists\n {2}fix: this talk may be in the knowledge base already; to import it as another talk, pass --id another-id$/);
  });

  test('flags win over what was read', async () => {
    const r = await cli(['notes.txt', '--url', 'https://example.org/e9', '--id', 'flags-win', '--series', 'Another Series', '--duration', '52:10', '--topics', 'data-quality', '--people', 'ada-marsh:host', '--dry-run']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^series: Another Series$/m);
    assert.match(r.out, /^duration: 52:10$/m);
    assert.match(r.out, /^topics: \[data-quality\]$/m);
    assert.match(r.out, /^ {2}- \{ person: ada-marsh, role: host \}\n {2}- \{ person: tomas-ferreira, role: guest \}$/m);
  });
});
