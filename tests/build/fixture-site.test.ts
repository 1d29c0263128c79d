/**
 * Real builds of two small fixture sites, each the validator's base corpus
 * plus a folder of tests/fixtures/site/:
 *
 * - formerly-build-only/: one entry per input that used to pass `npm run
 *   validate` and then fail the build (in the link check, the renderer or a
 *   stack trace), plus a symbolic link made here. The build must stop at
 *   validation with exactly the validator's report, every problem at its
 *   file:line:col with a fix, and never reach the link check.
 * - valid-hostile/: valid entries full of what means something in the
 *   outputs that are not HTML (a renamed talk too, and people whose names are
 *   in several scripts, one of which no card font draws). The build must
 *   succeed, and the feed, the chapter files and the JSON-LD must be
 *   well-formed and inert.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ELEMENT_NODE, parse, walkSync, type Node } from 'ultrahtml';
import { astroBuild, type AstroBuildRun } from '../../tools/astro-build.ts';
import type { Entry } from '../../src/lib/content-model/link-graph.ts';
import { formatReport } from '../../src/lib/validator/diagnostics.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/lib/validator/validate-content.ts';
import { gapsBetweenValidatorAndBuild } from '../support/site-anchors.ts';
import { readChapterVttStrictly } from '../support/strict-chapter-vtt.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = path.join(root, 'node_modules/.cache/kb-test/fixture-site');

function site(name: string): { dir: string; content: string } {
  const dir = path.join(work, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(root, 'tests/fixtures/validator/_base/content'), path.join(dir, 'content'), { recursive: true });
  cpSync(path.join(root, 'tests/fixtures/site', name, 'content'), path.join(dir, 'content'), { recursive: true });
  return { dir, content: path.join(dir, 'content') };
}

const build = (s: { dir: string; content: string }) => astroBuild({ contentDir: s.content, cacheDir: path.join(s.dir, 'cache'), outDir: path.join(s.dir, 'dist') });

after(() => rmSync(work, { recursive: true, force: true }));

describe('inputs that used to pass validation and fail the build', () => {
  let run: AstroBuildRun;
  let kb: KnowledgeBase;
  let linked = false;
  let s: { dir: string; content: string };
  before(async () => {
    s = site('formerly-build-only');
    // A link to a valid entry outside the content folder used to be validated and published.
    writeFileSync(path.join(s.dir, 'outside.mdx'), readFileSync(path.join(s.content, 'myths/fixture-myth.mdx'), 'utf8').replace('A fixture myth', 'Published from outside content/'));
    try {
      symlinkSync('../../outside.mdx', path.join(s.content, 'myths/linked-from-outside.mdx'));
      linked = true;
    } catch {
      // No symbolic links on this system (Windows without the privilege): the validator fixtures cover them where they can run.
    }
    kb = await loadKnowledgeBase({ root, contentDir: path.relative(root, s.content) });
    run = build(s);
  });

  test('the validator reports each one, with file:line:col, the field and a fix', () => {
    const report = formatReport(kb.diagnostics, kb.fileCount);
    const files = new Set(kb.diagnostics.map((d) => path.basename(d.file, '.mdx')));
    const cases = readdirSync(path.join(root, 'tests/fixtures/site/formerly-build-only/content/myths')).map((f) => path.basename(f, '.mdx'));
    for (const c of [...cases, ...(linked ? ['linked-from-outside'] : [])]) assert.ok(files.has(c), `no diagnostic for ${c}:\n${report}`);
    for (const d of kb.diagnostics) {
      assert.equal(d.severity, 'error');
      assert.ok(d.line >= 1 && d.column >= 1 && d.field && d.message && d.fix, JSON.stringify(d));
    }
  });

  test('the build stops at validation with exactly that report, before rendering or checking a link', () => {
    assert.notEqual(run.status, 0, 'the build must fail');
    assert.ok(run.log.includes(`content is invalid:\n${formatReport(kb.diagnostics, kb.fileCount)}`), run.log.slice(-3000));
    for (const late of ['broken link', 'URIError', 'RangeError', 'TypeError', 'Maximum call stack', 'renderBody']) assert.ok(!run.log.includes(late), `the log mentions ${late}`);
    assert.ok(!existsSync(path.join(s.dir, 'dist/myths/broken-anchor/index.html')), 'no page was rendered');
  });
});

describe('valid entries full of characters that mean something in other formats', () => {
  let run: AstroBuildRun;
  let kb: KnowledgeBase;
  let dist: string;
  let contentDir: string;
  before(async () => {
    const s = site('valid-hostile');
    dist = path.join(s.dir, 'dist');
    contentDir = path.relative(root, s.content);
    kb = await loadKnowledgeBase({ root, contentDir: path.relative(root, s.content) });
    run = build(s);
  });
  const file = (p: string) => readFileSync(path.join(dist, p), 'utf8');

  test('they are valid, with no warning, and the site builds', () => {
    assert.deepEqual(kb.diagnostics, []);
    assert.equal(run.status, 0, run.log.slice(-3000));
  });

  test('the feed is well-formed XML, and each description is escaped HTML that shows its text', () => {
    const xml = file('feed.xml');
    assert.equal(XMLValidator.validate(xml), true);
    // What XML 1.0 allows no document to hold, which the validator above does not look for.
    assert.doesNotMatch(xml, /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/);
    const items = [new XMLParser().parse(xml).rss.channel.item].flat() as Array<{ title: string; description: string }>;
    const myth = items.find((i) => i.title.includes('Quotes " and ampersands & in a title'));
    assert.ok(myth, items.map((i) => i.title).join('\n'));
    // The description is HTML: its text, once decoded as XML, holds no tag, only escaped characters.
    assert.equal(myth.description, 'Its summary goes to the feed: a &amp;&amp; b, &quot;quoted&quot;, ]]&gt; and --&gt; stay text.');
  });

  test('the WebVTT chapters read strictly: one header line, cues of one escaped line each', () => {
    const vtt = readChapterVttStrictly(file('talks/hostile-talk/chapters.vtt'));
    assert.equal(vtt.title, '- A talk whose title NOTE tries to start → a block & <3 of its own');
    assert.deepEqual(vtt.cues.map((c) => c.text), ['Start NOTE injected comment STYLE ::cue { color: red }', 'A <3 & B --> C', 'Two lines in a block scalar', 'Ends with a backslash \\']);
  });

  test('the JSON chapters parse back to the titles as written', () => {
    const json = JSON.parse(file('talks/hostile-talk/chapters.json'));
    const talk = kb.entries.find((e): e is Entry<'talk'> => e.type === 'talk' && e.id === 'hostile-talk')!;
    assert.deepEqual(json.chapters.map((c: { title: string }) => c.title), talk.data.chapters!.map((c) => c.title));
  });

  test('every page: JSON-LD parses, and no element or attribute came from the content', () => {
    let pages = 0;
    const walk = (dir: string) => {
      for (const item of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, item.name);
        if (item.isDirectory()) walk(full);
        else if (item.name.endsWith('.html')) {
          pages++;
          walkSync(parse(readFileSync(full, 'utf8')), (node: Node) => {
            if (node.type !== ELEMENT_NODE) return;
            const attrs = node.attributes as Record<string, string>;
            assert.ok(!Object.keys(attrs).some((a) => /^on/i.test(a)), `${full}: an event handler on <${node.name}>`);
            assert.ok(!['iframe', 'object', 'embed', 'base', 'form'].includes(node.name) || (node.name === 'form' && attrs.role === 'search'), `${full}: <${node.name}>`);
            if (node.name === 'script' && attrs.type === 'application/ld+json') {
              const text = node.children.map((c: Node) => c.value ?? '').join('');
              assert.ok(!/<\/script|<!--/i.test(text), `${full}: JSON-LD could close its element`);
              JSON.parse(text);
            }
          });
        }
      }
    };
    walk(dist);
    assert.ok(pages > 20);
  });

  test('every anchor and page the validator accepts is in the build', () => {
    assert.deepEqual(gapsBetweenValidatorAndBuild(kb, dist), []);
  });

  test("a renamed talk's old URLs, the page and its moments, redirect to the new ones", () => {
    const page = file('talks/talk-with-an-old-name/index.html');
    assert.match(page, /<meta http-equiv="refresh" content="0;url=\/talks\/renamed-talk\/">/);
    assert.match(page, /<link rel="canonical" href="http:\/\/localhost:4321\/talks\/renamed-talk\/">/);
    const moment = file('talks/talk-with-an-old-name/at/01-30/index.html');
    assert.match(moment, /<meta http-equiv="refresh" content="0;url=\/talks\/renamed-talk\/at\/01-30\/">/);
  });

  test('the build names the entry whose card cannot draw some characters, and only that one', () => {
    const expected = `${contentDir}/people/tenzin-norbu.mdx: the card's title has characters no card font draws: U+0F56 བ, U+0F66 ས, U+0F9F ◌ྟ, U+0F53 ན, U+0F0B ་, U+0F60 འ, U+0F5B ཛ, U+0F72 ◌ི; the card shows the rest\n  fix: add a font that covers them to src/lib/cards/fonts.ts`;
    assert.ok(run.log.includes(expected), run.log.slice(-3000));
    assert.equal(run.log.match(/no card font draws/g)?.length, 1, 'the Japanese, Arabic and emoji name draws without a warning');
  });
});
