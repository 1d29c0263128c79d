/**
 * The search's logic, apart from the page and from Pagefind: which words of a
 * query are searched, edit distance and the nearest site words, widening, and
 * the whole run over a small engine that answers as Pagefind does (every word
 * must match, a word matches the words it begins, a word no page holds is
 * dropped).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  contentWords,
  editDistance,
  find,
  isClear,
  nearestWords,
  notice,
  queryWords,
  widen,
  widenedCounts,
  wordKey,
  type Engine,
  type Hit,
  type SiteWord,
} from '../../../src/scripts/search-logic.js';
import { siteWords as buildSiteWords } from '../../../src/lib/build/search-words.ts';

test('a query becomes the words Pagefind searches: lower case, punctuation removed, each once', () => {
  const cases: Array<[string, string[]]> = [
    ['Feature Store', ['feature', 'store']],
    ['  what   is a  feature store? ', ['what', 'is', 'a', 'feature', 'store']],
    ['D. Sculley', ['d', 'sculley']],
    ["what's CI/CD", ['whats', 'cicd']],
    ['scikit-learn', ['scikitlearn']],
    ['model model', ['model']],
    ['', []],
  ];
  for (const [query, words] of cases) assert.deepEqual(queryWords(query), words, query);
});

test('question words and stray letters are set aside, unless nothing else is left', () => {
  const cases: Array<[string, string[]]> = [
    ['what is a feature store', ['feature', 'store']],
    ['when should I retrain my model', ['retrain', 'model']],
    ['what did chip huyen say about deployment', ['chip', 'huyen', 'deployment']],
    ['do I need kubernetes', ['kubernetes']],
    ['who is D. Sculley', ['sculley']],
    ['MLOps level 2', ['mlops', 'level', '2']],
    ["what's the ML test score", ['ml', 'test', 'score']],
    ['what is it', ['what', 'is', 'it']],
  ];
  for (const [query, words] of cases) assert.deepEqual(contentWords(queryWords(query)), words, query);
});

test('words are compared without case or diacritics', () => {
  assert.equal(wordKey('Müller'), 'muller');
  assert.equal(wordKey('Chloé'), 'chloe');
});

test('edit distance counts insertions, deletions, substitutions and transpositions, and stops past its bound', () => {
  const cases: Array<[string, string, number, number?]> = [
    ['sculley', 'sculley', 0],
    ['sculey', 'sculley', 1],
    ['kubernetis', 'kubernetes', 1],
    ['mlosp', 'mlops', 1],
    ['huyen', 'hyuen', 1],
    ['monitring', 'monitoring', 1],
    ['drift', 'draft', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['kitten', 'sitting', 2, 1],
    ['a', 'abcdef', 3, 2],
  ];
  for (const [a, b, d, max] of cases) {
    assert.equal(editDistance(a, b, max), d, `${a} → ${b}`);
    assert.equal(editDistance(b, a, max), d, `${b} → ${a}`);
  }
});

const site: SiteWord[] = [
  ['Sculley', 12],
  ['scale', 30],
  ['Kubernetes', 5],
  ['monitoring', 40],
  ['model', 80],
  ['models', 60],
  ['modal', 2],
  ['drift', 20],
  ['draft', 19],
  ['Müller', 3],
];

test('the nearest site words: one edit away, two in words of seven letters or more, nearest then most common first', () => {
  const cases: Array<[string, string[]]> = [
    ['sculey', ['Sculley']],
    ['scully', ['Sculley']],
    ['sculleyy', ['Sculley']],
    ['kubernets', ['Kubernetes']],
    ['kubrnets', ['Kubernetes']],
    ['monitring', ['monitoring']],
    ['modle', ['model']],
    ['modl', ['model', 'modal']],
    ['drfit', ['drift']],
    ['drsft', ['drift', 'draft']],
    ['muler', ['Müller']],
    ['scael', ['scale']],
    ['xqzv', []],
    ['mo', []],
    ['model', ['models', 'modal']],
  ];
  for (const [word, expected] of cases) assert.deepEqual(nearestWords(word, site).map((c) => c.word), expected, word);
});

test('a candidate is clear when no other is as near, or it is far more common than the next as near', () => {
  const c = (word: string, distance: number, pages: number) => ({ word, distance, pages });
  const cases: Array<[ReturnType<typeof c>[], boolean]> = [
    [[c('Sculley', 1, 12)], true],
    [[c('model', 1, 80), c('modal', 2, 2)], true],
    [[c('model', 1, 80), c('modal', 1, 2)], true],
    [[c('drift', 1, 20), c('draft', 1, 19)], false],
    [[], false],
  ];
  for (const [candidates, clear] of cases) assert.equal(isClear(candidates), clear, candidates.map((x) => x.word).join(','));
});

const hit = (id: string, score: number): Hit => ({ id, score, data: async () => ({ id }) });

test('widening: entries holding every word first as Pagefind ranked them, then those holding all but one by their score', () => {
  const every = [hit('all-2', 5), hit('all-1', 9)];
  const fewer = [
    [hit('all-1', 3), hit('all-2', 2), hit('bc', 3)],
    [hit('all-1', 3), hit('ac', 5), hit('all-2', 2)],
    [hit('ab', 1), hit('all-1', 3), hit('all-2', 1)],
  ];
  assert.deepEqual(widen(every, fewer).map((h) => h.id), ['all-2', 'all-1', 'ac', 'bc', 'ab']);
  assert.deepEqual(widen([], [[hit('a', 1)], [hit('b', 2)]]).map((h) => h.id), ['b', 'a'], 'of two words, one is enough');
});

test("facet counts of widened results: each search's counts added, those holding every word taken off all but once", () => {
  const every = { type: { Myth: 1, Topic: 1 } };
  const fewer: Array<Record<string, Record<string, number>>> = [{ type: { Myth: 1, Topic: 2 } }, { type: { Myth: 3, Topic: 1, Talk: 0 } }];
  assert.deepEqual(widenedCounts(every, fewer), { type: { Myth: 3, Topic: 2, Talk: 0 } });
});

/**
 * Pages as text, searched the way Pagefind does (simplified: score is the
 * number of matching words, a title word counts ten): every word must match,
 * a word matches the words it begins, a quoted word only itself, and a word
 * nothing begins with matches the longest word it begins with, if any.
 */
function fakeEngine(pages: Record<string, { title: string; body: string; type: string }>): Engine & { searched: string[] } {
  const words = (text: string) => text.toLowerCase().split(/\W+/).filter(Boolean);
  const searched: string[] = [];
  return {
    searched,
    async search(term, options = {}) {
      searched.push(term);
      const terms = queryWords(term);
      const exact = term.startsWith('"');
      const all = Object.values(pages).flatMap((p) => words(`${p.title} ${p.body}`));
      const matches = (t: string) => {
        if (exact) return (w: string) => w === t;
        if (all.some((w) => w.startsWith(t))) return (w: string) => w.startsWith(t);
        const prefix = all.filter((w) => t.startsWith(w)).sort((a, b) => b.length - a.length)[0];
        return (w: string) => w === prefix;
      };
      const byTerm = terms.map((t) => Object.keys(pages).filter((id) => words(`${pages[id].title} ${pages[id].body}`).some(matches(t))));
      const held = byTerm.filter((ids) => ids.length > 0);
      let ids = held.length === 0 ? [] : held.reduce((a, b) => a.filter((id) => b.includes(id)));
      const unfilteredResultCount = ids.length;
      const wanted = options.filters?.type?.any;
      if (wanted) ids = ids.filter((id) => wanted.includes(pages[id].type));
      const score = (id: string) =>
        terms.reduce((s, t) => s + words(pages[id].body).filter((w) => w.startsWith(t)).length + 10 * words(pages[id].title).filter((w) => w.startsWith(t)).length, 0);
      const results = ids.map((id) => hit(id, score(id))).sort((a, b) => b.score - a.score);
      const filters = { type: Object.fromEntries([...new Set(Object.values(pages).map((p) => p.type))].map((t) => [t, ids.filter((id) => pages[id].type === t).length])) };
      return { results, unfilteredResultCount, filters };
    },
  };
}

const pages = {
    'feature-store': { title: 'Feature Store', body: 'One place for features, offline and online.', type: 'Pattern' },
    'feature-topic': { title: 'Feature store', body: 'Topic: where features are kept.', type: 'Topic' },
    'transform': { title: 'Transform', body: 'Keep the feature transformations with the model; a feature store helps.', type: 'Pattern' },
    'retraining-myth': { title: 'You will not need to update your models much', body: 'Models decay; retrain them.', type: 'Myth' },
    'continuous-training': { title: 'Continuous training', body: 'Retrain a model automatically when data drifts.', type: 'Topic' },
    'sculley': { title: 'D. Sculley', body: 'Wrote about technical debt and the ML test score.', type: 'Person' },
    'godfather': { title: 'The Godfather of MLOps', body: 'Sculley on the test score and on technical debt.', type: 'Talk' },
    'drift': { title: 'Data drift', body: 'When data changes, a model decays.', type: 'Topic' },
    'draft': { title: 'A draft', body: 'A draft of a plan.', type: 'Myth' },
};
const engine = () => fakeEngine(pages);
/** The word list the build writes for these pages. */
const pageWords = buildSiteWords(Object.entries(pages).map(([id, p]) => ({ id, url: `/${id}/`, content: p.body, meta: { title: p.title } })));
const siteWords = async () => pageWords;

test('a question searches its content words, and says so', async () => {
  const e = engine();
  const o = await find(e, 'what is a feature store', { siteWords });
  assert.deepEqual(o.words, ['feature', 'store']);
  assert.deepEqual(o.results.map((h) => h.id).slice(0, 2), ['feature-store', 'feature-topic']);
  assert.equal(o.changed, true);
  assert.equal(o.widened, false, 'fewer than FEW entries hold both words, but no other entry holds either');
  assert.deepEqual(e.searched, ['"feature"', '"store"', 'feature store', 'store', 'feature']);
  assert.deepEqual(notice(o), ['Showing results for “feature store”', '.']);
});

test('few entries holding every word: widened to those holding most of them, more words first', async () => {
  const o = await find(engine(), 'when should I retrain my model', { siteWords });
  assert.deepEqual(o.words, ['retrain', 'model']);
  assert.equal(o.widened, true);
  assert.deepEqual(o.results.map((h) => h.id).slice(0, 2).sort(), ['continuous-training', 'retraining-myth']);
  assert.ok(o.results.length > 2);
  const byType: Record<string, number> = {};
  for (const h of o.results) byType[pages[h.id as keyof typeof pages].type] = (byType[pages[h.id as keyof typeof pages].type] ?? 0) + 1;
  assert.deepEqual(Object.fromEntries(Object.entries(o.filters.type).filter(([, n]) => n > 0)), byType, 'facet counts are those of the widened results');
});

test('few entries, but none holding only some of the words: not widened, and no notice', async () => {
  const o = await find(engine(), 'technical debt', { siteWords });
  assert.deepEqual(o.results.map((h) => h.id).sort(), ['godfather', 'sculley']);
  assert.equal(o.widened, false);
  assert.ok(o.filters, "Pagefind's own facet counts");
  assert.deepEqual(notice(o), []);
});

test('a word no entry holds: the nearest site word, its results at once when it is clear', async () => {
  const e = engine();
  const asked: string[][] = [];
  const o = await find(e, 'sculey', { siteWords: async (words) => (asked.push(words), pageWords) });
  assert.deepEqual(asked, [['sculey']]);
  assert.deepEqual(o.suggestions, ['Sculley']);
  assert.equal(o.corrected, true);
  assert.deepEqual(o.words, ['sculley']);
  assert.deepEqual(o.results.map((h) => h.id), ['sculley', 'godfather']);
  assert.deepEqual(notice(o), ['Did you mean: ', { query: 'Sculley' }, '? Showing its results', '.']);
});

test('a word Pagefind would match to a shorter word ("drsft" to the "D" of "D. Sculley") is a miss too', async () => {
  const e = engine();
  assert.deepEqual((await e.search('drsft')).results.map((h) => h.id), ['sculley']);
  const o = await find(e, 'drsft', { siteWords });
  assert.deepEqual(o.missing, ['drsft']);
  assert.deepEqual(o.suggestions, ['draft', 'drift'], 'as near and as common: both, in order');
  assert.deepEqual(o.results, []);
});

test('no clear candidate: suggestions only, and the other words still searched', async () => {
  const o = await find(engine(), 'drsft model', { siteWords });
  assert.deepEqual(o.suggestions, ['draft model', 'drift model']);
  assert.equal(o.corrected, false);
  assert.deepEqual(o.missing, ['drsft']);
  assert.deepEqual(o.words, ['model']);
  assert.ok(o.results.length > 0);
  assert.deepEqual(notice(o), ['Did you mean: ', { query: 'draft model' }, ' or ', { query: 'drift model' }, '?', ' Showing results for “model”', '.']);
});

test('the word list is loaded only for a word that is not a whole word of the site; the start of one is not a miss', async () => {
  let loaded = 0;
  const count = async () => (loaded++, pageWords);
  for (const q of ['feature store', 'retrain model', 'Sculley', '"test score"']) await find(engine(), q, { siteWords: count });
  assert.equal(loaded, 0);
  const partial = await find(engine(), 'techn', { siteWords: count });
  assert.deepEqual([loaded, partial.missing, partial.results.map((h) => h.id)], [1, [], ['sculley', 'godfather']]);
  const o = await find(engine(), 'xqzv', { siteWords: count });
  assert.equal(loaded, 2);
  assert.deepEqual([o.results, o.suggestions, notice(o)], [[], [], []]);
});

test('a word filtered away is not a typo: filters narrow, they do not correct', async () => {
  let loaded = 0;
  const o = await find(engine(), 'sculley', { filters: { type: { any: ['Myth'] } }, siteWords: async () => (loaded++, pageWords) });
  assert.deepEqual([o.results, o.missing, loaded], [[], [], 0]);
});

test('names and plain terms are searched as typed, without notice', async () => {
  const e = engine();
  const o = await find(e, 'Sculley', { siteWords });
  assert.deepEqual(o.results.map((h) => h.id), ['sculley', 'godfather']);
  assert.deepEqual(e.searched, ['"sculley"', 'sculley']);
  assert.deepEqual(notice(o), []);
});

test('a phrase in quotes goes to Pagefind as written', async () => {
  const e = engine();
  await find(e, '"what is a feature store"', { siteWords });
  assert.deepEqual(e.searched, ['"what is a feature store"']);
});

