/** Growing lists are cut on entry pages and paged in full elsewhere, so page size does not grow with the site. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildGraph, groupLinks, type Entry } from '../../../src/lib/content-model/link-graph.ts';
import { fullList, linkListPages, linkListPath, SHOWN_ON_PAGE } from '../../../src/lib/rendering/link-group-pages.ts';
import { summaryOf } from '../../../src/lib/validator/validate-content.ts';
import { PAGE_SIZE } from '../../../src/lib/rendering/pagination.ts';
import { SCHEMAS } from '../../../src/lib/content-model/schemas/index.ts';

const talk: Entry<'talk'> = (() => {
  const data = SCHEMAS.talk.parse({ added: '2026-11-22', title: 'T', series: 'S', duration: '10:00', recordings: [{ kind: 'video', url: 'https://youtu.be/x' }], people: [{ person: 'p', role: 'guest' }], description: 'D', takeaways: ['K'], topics: ['x'] });
  return { type: 'talk', id: 't', key: 'talk:t', file: 'content/talks/t.mdx', digest: 't', data, title: 'T', summary: summaryOf('talk', data), bodyRefs: [] };
})();
const myth = (n: number): Entry<'myth'> => {
  const data = SCHEMAS.myth.parse({ added: '2026-11-22', title: `M${n}`, claim: 'C', reality: 'R', statedIn: 'talk:t@1:00', sources: ['talk:t@1:00'], topics: ['x'] });
  return { type: 'myth', id: `m${String(n).padStart(3, '0')}`, key: `myth:m${String(n).padStart(3, '0')}`, file: `content/myths/m${n}.mdx`, digest: `m${n}`, data, title: `M${n}`, summary: '', bodyRefs: [] };
};
const graphWith = (myths: number) => buildGraph([talk, ...Array.from({ length: myths }, (_, i) => myth(i))]);

test('list paths', () => {
  assert.equal(linkListPath('talk', 't', 'cites'), '/talks/t/links/cites/');
  assert.equal(linkListPath('talk', 't', 'cites', 1), '/talks/t/links/cites/');
  assert.equal(linkListPath('topic', 'x', 'tagged', 3), '/topics/x/links/tagged/page/3/');
});

test('a list gets pages of its own exactly when it is longer than an entry page shows', () => {
  const cases: Array<[number, number]> = [
    [0, 0],
    [SHOWN_ON_PAGE, 0],
    [SHOWN_ON_PAGE + 1, 1],
    [PAGE_SIZE, 1],
    [PAGE_SIZE + 1, 2],
    [5 * PAGE_SIZE, 5],
  ];
  for (const [myths, pages] of cases) {
    const graph = graphWith(myths);
    const cites = groupLinks(graph, 'talk:t', 'in').filter((g) => g.relation === 'cites');
    const listPages = linkListPages(graph).filter((p) => p.key === 'talk:t' && p.group.relation === 'cites');
    assert.equal(listPages.length, pages, `${myths} citing entries`);
    assert.equal(cites[0] ? fullList(cites[0], talk) : undefined, pages ? '/talks/t/links/cites/' : undefined, `${myths}: link from the talk page`);
    // Together the pages hold every item once, in the group's order, never more than PAGE_SIZE on one.
    if (pages) {
      assert.deepEqual(listPages.flatMap((p) => p.slice.items.map((i) => i.entry.key)), cites[0].items.map((i) => i.entry.key));
      assert.ok(listPages.every((p) => p.slice.items.length <= PAGE_SIZE && p.slice.pages === pages));
    }
  }
});
