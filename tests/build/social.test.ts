/**
 * What a link pasted in Slack shows, read from the built HTML of every page
 * type: the tags, the card image, the label/data pairs, the structured data,
 * and the chapter, feed and sitemap exports.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { contentDir } from '../../src/lib/settings.ts';
import { TYPE_INFO } from '../../src/lib/content-model/entry-types.ts';
import type { Entry } from '../../src/lib/content-model/link-graph.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/lib/validator/validate-content.ts';
import { momentPath } from '../../src/lib/content-model/references.ts';
import { distFile, pngSize, readPage, root } from '../support/built-site.ts';
import { readWebVtt } from '../support/webvtt.ts';

let kb: KnowledgeBase;
let talks: Entry<'talk'>[];
before(async () => {
  kb = await loadKnowledgeBase({ root, contentDir: contentDir() });
  talks = kb.entries.filter((e): e is Entry<'talk'> => e.type === 'talk');
});

const isAbsolute = (u: string | undefined) => typeof u === 'string' && /^https?:\/\/[^/]+\//.test(u);

/** Every kind of page a link can point at. */
function pagesToCheck(): Array<[string, string]> {
  const pages: Array<[string, string]> = [['home', '/'], ['talk index', '/talks/'], ['search', '/search/']];
  for (const type of Object.keys(TYPE_INFO) as Array<keyof typeof TYPE_INFO>) {
    const e = kb.entries.find((x) => x.type === type)!;
    pages.push([type, `/${TYPE_INFO[type].folder}/${e.id}/`]);
  }
  pages.push(['moment', momentPath('principles-of-good-ml-systems-design', 592)]);
  return pages;
}

describe('every page type unfurls: tags, card and labels', () => {
  test('covers every page type', () => assert.equal(pagesToCheck().length, 12));
  test('each page', () => {
    for (const [label, sitePath] of pagesToCheck()) {
      const page = readPage(sitePath);
      const m = page.meta;
      const where = `${label} ${sitePath}`;
      assert.ok(page.title.length > 0, `${where}: <title>`);
      assert.ok((m.get('description') ?? '').length > 20, `${where}: description`);
      assert.ok(isAbsolute(page.canonical), `${where}: canonical ${page.canonical}`);
      assert.equal(m.get('og:url'), page.canonical, `${where}: og:url is the canonical URL`);
      for (const key of ['og:type', 'og:title', 'og:description', 'og:site_name', 'og:image:alt']) assert.ok(m.get(key), `${where}: ${key}`);
      assert.equal(m.get('twitter:card'), 'summary_large_image', where);
      const image = m.get('og:image')!;
      assert.ok(isAbsolute(image), `${where}: og:image is absolute`);
      assert.equal(m.get('twitter:image'), image, where);
      assert.deepEqual([m.get('og:image:width'), m.get('og:image:height')], ['1200', '630'], where);
      assert.ok(existsSync(distFile(image)), `${where}: ${image} exists`);
      assert.deepEqual(pngSize(distFile(image)), { width: 1200, height: 630 }, `${where}: card size`);
      if (label !== 'search') {
        for (const k of ['twitter:label1', 'twitter:data1', 'twitter:label2', 'twitter:data2']) assert.ok(m.get(k), `${where}: ${k}`);
      }
      // Slack reads the top of the page: the tags come before any stylesheet, within the first 8 KB.
      const lastTag = Math.max(...['og:image:alt', 'twitter:image:alt', 'twitter:data2'].map((k) => page.html.indexOf(`"${k}"`)));
      const stylesheet = page.html.indexOf('rel="stylesheet"');
      assert.ok(lastTag > 0 && lastTag < 8192 && (stylesheet === -1 || lastTag < stylesheet), `${where}: tags near the top of <head>`);
    }
  });

  test('a talk names its speakers and length (or chapter count when the length is unknown)', () => {
    const m = readPage('/talks/principles-of-good-ml-systems-design/').meta;
    assert.deepEqual([m.get('twitter:label1'), m.get('twitter:data1')], ['Speaker', 'Chip Huyen']);
    assert.deepEqual([m.get('twitter:label2'), m.get('twitter:data2')], ['Chapters', '24 chapters']);
    assert.equal(m.get('og:type'), 'video.other');
  });
  test('a myth says it is a myth and which talk it comes from', () => {
    const m = readPage('/myths/deploying-is-hard/').meta;
    assert.deepEqual([m.get('twitter:label1'), m.get('twitter:data1')], ['Type', 'Myth']);
    assert.deepEqual([m.get('twitter:label2'), m.get('twitter:data2')], ['From', 'Principles of Good ML Systems Design at 09:52']);
  });
  test('a moment has its own title and card text: time, chapter, talk', () => {
    const page = readPage(momentPath('principles-of-good-ml-systems-design', 592));
    assert.equal(page.meta.get('og:title'), '09:52 · Myth 1: deploying is hard — Principles of Good ML Systems Design');
    assert.deepEqual([page.meta.get('twitter:label1'), page.meta.get('twitter:data1')], ['At', '09:52']);
    assert.equal(page.meta.get('twitter:label2'), 'Talk');
    assert.match(page.meta.get('twitter:data2')!, /^Principles of Good ML Systems Design/);
    assert.equal(page.canonical, page.meta.get('og:url'));
    assert.match(page.canonical!, /\/talks\/principles-of-good-ml-systems-design\/at\/09-52\/$/);
  });
  test('every entry has its own 1200×630 card', () => {
    for (const e of kb.entries) assert.deepEqual(pngSize(distFile(`/cards/${TYPE_INFO[e.type].folder}/${e.id}.png`)), { width: 1200, height: 630 }, e.key);
  });
});

describe('structured data', () => {
  test('a talk is a VideoObject or PodcastEpisode with a Clip per chapter', () => {
    for (const talk of talks) {
      const [ld] = readPage(`/talks/${talk.id}/`).jsonLd;
      assert.equal(ld['@context'], 'https://schema.org');
      assert.ok(['VideoObject', 'PodcastEpisode'].includes(ld['@type'] as string), talk.id);
      for (const k of ['name', 'description', 'url', 'thumbnailUrl']) assert.ok(ld[k], `${talk.id}: ${k}`);
      assert.ok(existsSync(distFile(ld.thumbnailUrl as string)));
      const clips = ld.hasPart as Array<Record<string, unknown>>;
      assert.equal(clips.length, talk.data.chapters?.length ?? 0, talk.id);
      clips.forEach((c, i) => {
        assert.equal(c['@type'], 'Clip');
        assert.equal(c.name, talk.data.chapters![i].title);
        assert.equal(c.startOffset, talk.data.chapters![i].at);
        assert.ok(isAbsolute(c.url as string) && existsSync(distFile(c.url as string)), `${talk.id}: clip url ${c.url}`);
      });
    }
  });
  test('every other entry, the home page and a moment carry JSON-LD of a fitting type', () => {
    const expected: Record<string, string> = { myth: 'Article', 'war-story': 'Article', pattern: 'TechArticle', maturity: 'DefinedTermSet', person: 'ProfilePage', topic: 'DefinedTerm' };
    for (const e of kb.entries.filter((x) => x.type !== 'talk')) {
      const [ld] = readPage(`/${TYPE_INFO[e.type].folder}/${e.id}/`).jsonLd;
      assert.ok(ld, e.key);
      if (expected[e.type]) assert.equal(ld['@type'], expected[e.type], e.key);
      else assert.ok(['ScholarlyArticle', 'Article', 'Book', 'TechArticle'].includes(ld['@type'] as string), e.key);
      assert.ok(isAbsolute(ld.url as string), e.key);
    }
    assert.equal(readPage('/').jsonLd[0]['@type'], 'WebSite');
    const [moment] = readPage(momentPath('principles-of-good-ml-systems-design', 592)).jsonLd;
    assert.equal(moment['@type'], 'Clip');
    assert.equal(moment.startOffset, 592);
    assert.equal((moment.isPartOf as Record<string, unknown>)['@type'], 'VideoObject');
  });
});

describe('chapter exports', () => {
  test('Podcasting 2.0 JSON chapters parse and match the chapter list', () => {
    for (const talk of talks.filter((t) => t.data.chapters?.length)) {
      const json = JSON.parse(readFileSync(distFile(`/talks/${talk.id}/chapters.json`), 'utf8'));
      assert.equal(json.version, '1.2.0');
      assert.deepEqual(json.chapters.map((c: { startTime: number }) => c.startTime), talk.data.chapters!.map((c) => c.at));
      for (const c of json.chapters) {
        assert.equal(typeof c.title, 'string');
        assert.ok(existsSync(distFile(c.url)), c.url);
      }
    }
  });
  test('WebVTT chapters read strictly: one header line, cues in start order, hh:mm:ss.ttt times, each ending after it starts', () => {
    for (const talk of talks.filter((t) => t.data.chapters?.length)) {
      const { cues } = readWebVtt(readFileSync(distFile(`/talks/${talk.id}/chapters.vtt`), 'utf8'));
      assert.equal(cues.length, talk.data.chapters!.length);
      const secs = (t: string) => t.split(':').reduce((s, x) => s * 60 + Number(x), 0);
      let last = -1;
      cues.forEach((cue, i) => {
        assert.equal(cue.id, String(i + 1));
        assert.ok(secs(cue.start) > last && secs(cue.end) > secs(cue.start));
        last = secs(cue.start);
        assert.equal(cue.text, talk.data.chapters![i].title);
      });
    }
  });
});

describe('feed, sitemap and robots.txt', () => {
  const xml = new XMLParser({ ignoreAttributes: false });
  test('the RSS feed parses and every item has title, link, guid and date', () => {
    const rss = xml.parse(readFileSync(distFile('/feed.xml'), 'utf8')).rss;
    assert.ok(rss.channel.title && isAbsolute(rss.channel.link) && rss.channel.description);
    const items = [rss.channel.item].flat();
    assert.equal(items.length, Math.min(50, kb.entries.length));
    for (const item of items) {
      assert.match(item.title, /^(New|Updated) [a-z ]+: /);
      assert.ok(isAbsolute(item.link) && existsSync(distFile(item.link)), item.link);
      assert.ok(item.guid['#text']);
      assert.ok(!Number.isNaN(Date.parse(item.pubDate)), item.pubDate);
    }
  });
  test('the sitemap lists every entry page, and robots.txt points at it', () => {
    const index = xml.parse(readFileSync(distFile('/sitemap-index.xml'), 'utf8')).sitemapindex;
    const urls = [index.sitemap].flat().flatMap((s: { loc: string }) => [xml.parse(readFileSync(distFile(s.loc), 'utf8')).urlset.url].flat().map((u: { loc: string }) => u.loc));
    for (const e of kb.entries) assert.ok(urls.some((u) => u.endsWith(`/${TYPE_INFO[e.type].folder}/${e.id}/`)), e.key);
    assert.ok(!urls.some((u) => u.endsWith('/404/')));
    assert.match(readFileSync(distFile('/robots.txt'), 'utf8'), /^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
  });
});
