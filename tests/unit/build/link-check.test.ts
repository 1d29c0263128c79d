/** The link checker on a small site written out here: each kind of broken link, and what passes. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkLinks, pageIds, pageLinks, scanPage, type PageScan } from '../../../src/lib/build/link-check/check-links.ts';

const page = (body: string, head = ''): PageScan => scanPage(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
const ORIGIN = 'https://kb.example.org';

function site(base = '/') {
  const pages = new Map<string, PageScan>([
    ['/', page('<a href="/talks/x/">talk</a> <a href="/talks/x/#at-07-57">moment</a> <a href="#top">top</a> <h1 id="top">Home</h1>', `<meta property="og:image" content="${ORIGIN}${base === '/' ? '' : base.slice(0, -1)}/cards/site.png">`)],
    ['/talks/x/', page('<h3 id="at-07-57">07:57</h3><a href="../y/">relative</a> <a href="/feed.xml">feed</a> <a href="mailto:a@b.org">mail</a> <a href="https://youtu.be/x?t=477s&amp;a=1">watch</a>')],
    ['/talks/y/', page('<p id="a&amp;b">amp id</p><a href="/talks/y/#a&amp;b">self</a>')],
    ['/404.html', page('<a href="/">home</a>')],
  ]);
  const files = new Set(['/index.html', '/talks/x/index.html', '/talks/y/index.html', '/404.html', '/feed.xml', '/cards/site.png']);
  return { pages, files };
}

test('a sound site has no problems, and external links are collected, not checked', () => {
  const { pages, files } = site();
  const report = checkLinks(pages, files, ORIGIN);
  assert.deepEqual(report.problems, []);
  assert.deepEqual([...report.external], [['https://youtu.be/x?t=477s&a=1', ['/talks/x/']]]);
  assert.equal(report.checked, 10);
});

describe('each broken link is reported with its page and why', () => {
  const cases: Array<[string, string, string]> = [
    ['<a href="/talks/z/">', '/talks/z/', 'points at a page that does not exist'],
    ['<a href="/talks/x/#at-99-99">', '/talks/x/#at-99-99', 'points at #at-99-99, which /talks/x/ does not have'],
    ['<a href="#nowhere">', '#nowhere', 'points at #nowhere, which this page does not have'],
    ['<a href="/talks/x">', '/talks/x', 'leaves out the trailing slash; link /talks/x/ instead'],
    ['<a href="/feed.xml#items">', '/feed.xml#items', 'has an #anchor but points at a file that is not a page'],
    ['<img src="/cards/missing.png">', '/cards/missing.png', 'points at a page that does not exist'],
    ['<a href="ftp://example.org/x">', 'ftp://example.org/x', 'uses the "ftp:" scheme'],
  ];
  for (const [html, href, message] of cases) {
    test(href, () => {
      const { pages, files } = site();
      pages.set('/talks/broken/', page(html));
      files.add('/talks/broken/index.html');
      assert.deepEqual(checkLinks(pages, files, ORIGIN).problems, [{ page: '/talks/broken/', href, message }]);
    });
  }
  test('an absolute URL on the site itself is checked like a path', () => {
    const { pages, files } = site();
    pages.set('/talks/broken/', page('', `<meta property="og:url" content="${ORIGIN}/talks/gone/">`));
    files.add('/talks/broken/index.html');
    assert.deepEqual(checkLinks(pages, files, ORIGIN).problems, [{ page: '/talks/broken/', href: `${ORIGIN}/talks/gone/`, message: 'points at a page that does not exist' }]);
  });
});

test('a site under a base path: links must stay under it', () => {
  const pages = new Map<string, PageScan>([['/', page('<a href="/kb/talks/x/">in</a> <a href="/talks/x/">out</a>')], ['/talks/x/', page('')]]);
  const files = new Set(['/index.html', '/talks/x/index.html']);
  assert.deepEqual(checkLinks(pages, files, ORIGIN, '/kb/').problems, [{ page: '/', href: '/talks/x/', message: "points outside the site's base path /kb/" }]);
});

describe('what a browser would follow, never a crash', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['<a href="/b%zz/">', '/b%zz/', 'has a malformed percent-encoding'],
    ['<a href="#%zz">', '#%zz', 'points at #%zz, which this page does not have'],
    ['<p id="user-content-fn-%C3%A9"></p><a href="#user-content-fn-%C3%A9">', '#user-content-fn-%C3%A9', undefined],
    ['<p id="café"></p><a href="#caf%C3%A9">', '#caf%C3%A9', undefined],
    ['<a href="/talks/x/?q=a&#x26;b=c">', '/talks/x/?q=a&b=c', undefined],
    ['<a href="/talks/x/?q=a&#38;b=c#at-07-57">', '/talks/x/?q=a&b=c#at-07-57', undefined],
  ];
  for (const [html, href, message] of cases) {
    test(href, () => {
      const { pages, files } = site();
      pages.set('/talks/broken/', page(html));
      files.add('/talks/broken/index.html');
      assert.deepEqual(checkLinks(pages, files, ORIGIN).problems, message ? [{ page: '/talks/broken/', href, message }] : []);
    });
  }
});

test('a full address on the same host outside the base path is another site: listed, not checked', () => {
  const pages = new Map<string, PageScan>([['/', page(`<a href="${ORIGIN}/other-project/x/">other</a>`)]]);
  const report = checkLinks(pages, new Set(['/index.html']), ORIGIN, '/kb/');
  assert.deepEqual(report.problems, []);
  assert.deepEqual([...report.external.keys()], [`${ORIGIN}/other-project/x/`]);
});

test('the scanner reads start tags as a browser does', () => {
  const html = [
    '<!-- <a href="/in-a-comment/"> -->',
    '<a title="<a href=/in-a-value/>" href="/a/" href="/second-href/">',
    "<img src='/single.png' id=unquoted>",
    '<script>const s = "<a href=\'/in-a-script/\'>";</script>',
    '<meta name="twitter:image" content="/card.png"><meta property="og:title" content="/not-a-url/">',
    '<A HREF="/upper/">',
  ].join('');
  assert.deepEqual(pageLinks(html), ['/a/', '/single.png', '/card.png', '/upper/']);
  assert.deepEqual([...pageIds(html)], ['unquoted']);
});

test('attributes are parted by any white space; a slash or a stray quote between them is skipped; a tag left open ends the page', () => {
  const html = '<a\thref="/tab/"><a\nhref="/newline/"><a\u00a0href="/nbsp/"><a/href="/slash/"><a "x" href="/quote/"><img src=/unquoted/ alt=x><a href="/never-closed/"';
  assert.deepEqual(pageLinks(html), ['/tab/', '/newline/', '/nbsp/', '/slash/', '/quote/', '/unquoted/']);
});

test('scanning is linear: a 4 MB attribute full of "<a " and "<meta " is read at once', { timeout: 30_000 }, () => {
  const value = '<a <meta '.repeat(450_000);
  const html = `<meta property="og:title" content="${value}"><a title="${value}" href="/x/">`;
  assert.deepEqual(pageLinks(html), ['/x/']);
});

test('ids and links are read with entities decoded', () => {
  assert.deepEqual([...pageIds('<p id="a&amp;b"></p><h2 id="x">')], ['a&b', 'x']);
  assert.deepEqual(pageLinks('<a class="c" href="/a?b=1&amp;c=2">x</a><link rel="stylesheet" href="/s.css"><form action="/search/">'), ['/a?b=1&c=2', '/s.css', '/search/']);
});
