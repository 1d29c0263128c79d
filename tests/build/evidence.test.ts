/**
 * What a talk's citations rest on is said once, on the talk's page, and every
 * entry that cites the talk shows it beside its sources, so no body has to
 * repeat it. Read from the built pages in dist/; run after `npm run build`.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { ELEMENT_NODE, type Node } from 'ultrahtml';
import { contentDir } from '../../src/lib/settings.ts';
import { TYPE_INFO } from '../../src/lib/content-model/entry-types.ts';
import type { Entry } from '../../src/lib/content-model/link-graph.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/lib/validator/validate-content.ts';
import { readPage, root } from '../support/built-site.ts';

let kb: KnowledgeBase;
before(async () => {
  kb = await loadKnowledgeBase({ root, contentDir: contentDir() });
});

const pageOf = (e: Entry) => readPage(`/${TYPE_INFO[e.type].folder}/${e.id}/`);
const classes = (n: Node) => String((n.attributes as Record<string, string>).class ?? '').split(/\s+/);
const text = (n: Node): string => (n.type === ELEMENT_NODE ? n.children.map(text).join('') : (n.value ?? ''));
/** The evidence notes on a page, as the talk id each one links to. */
function notesOn(e: Entry): string[] {
  return pageOf(e)
    .elements.filter((n) => n.name === 'p' && classes(n).includes('evidence') && !(n.attributes as Record<string, string>).id)
    .map((p) => {
      const a = p.children.find((c: Node) => c.type === ELEMENT_NODE && c.name === 'a');
      const m = /\/talks\/([^/]+)\/#evidence$/.exec((a?.attributes as Record<string, string> | undefined)?.href ?? '');
      assert.ok(m, `${e.file}: an evidence note without a link to its talk: ${text(p)}`);
      return m[1];
    });
}

test('every talk page says what its citations rest on', () => {
  const talks = kb.entries.filter((e): e is Entry<'talk'> => e.type === 'talk');
  assert.ok(talks.length > 0);
  for (const t of talks) {
    const own = pageOf(t).elements.filter((n) => n.name === 'p' && (n.attributes as Record<string, string>).id === 'evidence');
    assert.equal(own.length, 1, `${t.file}: the talk page has no #evidence sentence`);
    assert.equal((own[0].attributes as Record<string, string>)['data-evidence'], t.data.evidence);
  }
});

test('every entry that cites a talk not checked against its recording shows that talk\'s note once, and no other', () => {
  // Written out here rather than imported, so the test does not share the page's reading of the graph.
  const citing = new Set(['cites', 'stated-in', 'told-in', 'affiliation-source']);
  let checked = 0;
  for (const e of kb.entries) {
    const expected = new Set(
      (kb.graph.outgoing.get(e.key) ?? [])
        .filter((edge) => edge.to !== e.key && edge.to.startsWith('talk:') && (edge.at !== undefined || citing.has(edge.relation)))
        .map((edge) => kb.graph.entries.get(edge.to) as Entry<'talk'>)
        .filter((t) => t.data.evidence !== 'recording')
        .map((t) => t.id),
    );
    const shown = notesOn(e);
    assert.deepEqual([...shown].sort(), [...expected].sort(), `${e.file}: evidence notes shown ≠ talks cited`);
    checked += expected.size;
  }
  assert.ok(checked > 0, 'no entry cites a talk with a note, so nothing was checked');
});
