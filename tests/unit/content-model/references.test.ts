import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { entryPath, formatRef, linkScheme, looksLikeRef, momentPath, parseRef, refPath } from '../../../src/lib/content-model/references.ts';
import { slugify } from '../../../src/lib/content-model/entry-types.ts';

describe('parseRef', () => {
  const valid: Array<[string, object, string]> = [
    ['pattern:feature-store', { type: 'pattern', id: 'feature-store' }, '/patterns/feature-store/'],
    ['talk:godfather-of-mlops', { type: 'talk', id: 'godfather-of-mlops' }, '/talks/godfather-of-mlops/'],
    ['talk:godfather-of-mlops@7:57', { type: 'talk', id: 'godfather-of-mlops', at: 477 }, '/talks/godfather-of-mlops/at/07-57/'],
    ['talk:x@1:02:03', { type: 'talk', id: 'x', at: 3723 }, '/talks/x/at/1-02-03/'],
    ['maturity:google-cloud-mlops-levels#level-1', { type: 'maturity', id: 'google-cloud-mlops-levels', fragment: 'level-1' }, '/maturity/google-cloud-mlops-levels/#level-1'],
    ['war-story:nobody-owned-the-bill', { type: 'war-story', id: 'nobody-owned-the-bill' }, '/war-stories/nobody-owned-the-bill/'],
    ['person:d-sculley', { type: 'person', id: 'd-sculley' }, '/people/d-sculley/'],
  ];
  for (const [text, ref, path] of valid) {
    test(text, () => {
      const r = parseRef(text);
      assert.deepEqual(r, { ok: true, ref });
      assert.ok(r.ok);
      assert.equal(refPath(r.ref), path);
    });
  }
  const invalid: Array<[string, string, string]> = [
    ['pattrn:feature-store', '"pattrn" is not an entry type', 'use one of talk, person, myth, maturity, war-story, pattern, reference, topic'],
    ['pattern:Feature_Store', '"Feature_Store" is not an id', 'ids are lowercase words joined by hyphens, like feature-store'],
    ['pattern:feature-store@7:57', 'only talks have moments, not a pattern', 'drop "@7:57"'],
    ['talk:x@7:75', '"7:75" has 75 seconds; seconds run from 00 to 59', 'write the time as m:ss, mm:ss or h:mm:ss, for example 7:57, 07:57 or 1:02:03'],
    ['talk:x@7:57#a', 'a moment cannot also have a #fragment', 'keep either @time or #fragment'],
    ['pattern:x#Level 1', '"#Level 1" is not an anchor', 'anchors are lowercase words joined by hyphens, like #level-1'],
    ['feature-store', '"feature-store" is not a reference', 'write pattern:feature-store, or talk:godfather-of-mlops@7:57 for a moment'],
  ];
  for (const [text, reason, fix] of invalid) test(`rejects ${text}`, () => assert.deepEqual(parseRef(text), { ok: false, reason, fix }));
});

test('formatRef writes the canonical form back', () => {
  for (const text of ['pattern:feature-store', 'talk:x@7:57', 'talk:x@1:02:03', 'maturity:m#level-2']) {
    const r = parseRef(text);
    assert.ok(r.ok);
    assert.equal(formatRef(r.ref), text);
  }
});

test('paths', () => {
  assert.equal(entryPath('topic', 'feature-store'), '/topics/feature-store/');
  assert.equal(momentPath('x', 0), '/talks/x/at/00-00/');
});

describe('linkScheme reads a URL the way a browser does', () => {
  const cases: Array<[string, string | undefined]> = [
    ['https://example.org', 'https'],
    ['JaVaScRiPt:alert(1)', 'javascript'],
    ['java\tscript:alert(1)', 'javascript'],
    ['java\nscript:alert(1)', 'javascript'],
    ['  \u0001javascript:alert(1)', 'javascript'],
    ['talk:x@7:57', 'talk'],
    ['/talks/x/', undefined],
    ['#anchor', undefined],
    ['relative/path', undefined],
  ];
  for (const [url, scheme] of cases) test(JSON.stringify(url), () => assert.equal(linkScheme(url), scheme));
  test('looksLikeRef only for entry types', () => {
    assert.equal(looksLikeRef('topic:x'), true);
    assert.equal(looksLikeRef('https://x'), false);
    assert.equal(looksLikeRef('mailto:a@b'), false);
  });
});

test('slugify', () => {
  assert.equal(slugify('The ML Test Score!'), 'the-ml-test-score');
  assert.equal(slugify('Données & Modèles'), 'donnees-and-modeles');
  assert.equal(slugify('  --  '), '');
});
