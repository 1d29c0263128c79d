/**
 * Search as community members type it, on the real content: questions,
 * typos, words half typed, synonyms and jargon, people's names. Each query
 * lists the entries that answer it; a query passes when one of them is among
 * the first three results. The set must pass as a whole (at least 90%), and
 * the names and terms that already ranked first keep their place.
 */
import { expect, test, type Page } from '@playwright/test';

type Kind = 'question' | 'typo' | 'partial word' | 'synonym or jargon' | 'name';

const QUERIES: ReadonlyArray<{ query: string; kind: Kind; answers: string[] }> = [
  { query: 'what is a feature store', kind: 'question', answers: ['/patterns/feature-store/', '/topics/feature-store/'] },
  { query: 'when should I retrain my model', kind: 'question', answers: ['/myths/models-rarely-need-updates/', '/topics/continuous-training/', '/myths/model-performance-stays-the-same/'] },
  { query: 'what did chip huyen say about deployment', kind: 'question', answers: ['/talks/principles-of-good-ml-systems-design/', '/myths/deploying-is-hard/', '/myths/one-or-two-models-at-a-time/'] },
  { query: 'do I need kubernetes', kind: 'question', answers: ['/talks/ml-design-patterns-for-mlops/'] },
  { query: 'how does sculley test ml systems', kind: 'question', answers: ['/talks/godfather-of-mlops/', '/references/ml-test-score/'] },
  { query: 'who owns the cloud bill', kind: 'question', answers: ['/war-stories/cloud-cost-ownership/', '/topics/cloud-costs/'] },
  { query: 'why do models get worse over time', kind: 'question', answers: ['/myths/model-performance-stays-the-same/', '/topics/data-drift/'] },
  { query: 'what are the mlops maturity levels', kind: 'question', answers: ['/maturity/google-cloud-mlops-levels/', '/maturity/azure-mlops-maturity-model/', '/topics/maturity-models/'] },
  { query: 'what is technical debt in machine learning', kind: 'question', answers: ['/topics/technical-debt/', '/references/hidden-technical-debt-in-ml-systems/', '/references/high-interest-credit-card-of-technical-debt/'] },
  { query: 'how do I get started with mlops', kind: 'question', answers: ['/references/selecting-mlops-capabilities-by-use-case/', '/topics/ml-adoption/', '/maturity/four-phases-of-ml-adoption/'] },
  { query: 'should ml engineers care about scale', kind: 'question', answers: ['/myths/ml-engineers-need-not-worry-about-scale/'] },
  { query: 'is deploying models hard', kind: 'question', answers: ['/myths/deploying-is-hard/'] },
  { query: 'what is the cascade pattern', kind: 'question', answers: ['/patterns/cascade/'] },
  { query: 'sculey', kind: 'typo', answers: ['/people/d-sculley/'] },
  { query: 'kubernetis', kind: 'typo', answers: ['/talks/ml-design-patterns-for-mlops/', '/topics/mlops-tooling/'] },
  { query: 'monitring', kind: 'typo', answers: ['/topics/monitoring/'] },
  { query: 'feture store', kind: 'typo', answers: ['/patterns/feature-store/', '/topics/feature-store/'] },
  { query: 'hyuen', kind: 'typo', answers: ['/people/chip-huyen/'] },
  { query: 'lakshmanon', kind: 'typo', answers: ['/people/valliappa-lakshmanan/'] },
  { query: 'technicl debt', kind: 'typo', answers: ['/topics/technical-debt/', '/references/hidden-technical-debt-in-ml-systems/', '/references/high-interest-credit-card-of-technical-debt/'] },
  { query: 'reproducability', kind: 'typo', answers: ['/topics/reproducibility/'] },
  { query: 'undrspecification', kind: 'typo', answers: ['/references/underspecification/'] },
  { query: 'kube', kind: 'partial word', answers: ['/talks/ml-design-patterns-for-mlops/', '/topics/mlops-tooling/'] },
  { query: 'underspec', kind: 'partial word', answers: ['/references/underspecification/'] },
  { query: 'multimod', kind: 'partial word', answers: ['/patterns/multimodal-input/'] },
  { query: 'reprod', kind: 'partial word', answers: ['/topics/reproducibility/'] },
  { query: 'casc', kind: 'partial word', answers: ['/patterns/cascade/'] },
  { query: 'CT', kind: 'synonym or jargon', answers: ['/topics/continuous-training/'] },
  { query: 'model decay', kind: 'synonym or jargon', answers: ['/topics/data-drift/', '/myths/model-performance-stays-the-same/'] },
  { query: 'observability', kind: 'synonym or jargon', answers: ['/topics/monitoring/'] },
  { query: 'FinOps', kind: 'synonym or jargon', answers: ['/topics/cloud-costs/', '/war-stories/cloud-cost-ownership/'] },
  { query: 'A/B testing', kind: 'synonym or jargon', answers: ['/topics/online-experimentation/'] },
  { query: 'ML test score', kind: 'synonym or jargon', answers: ['/references/ml-test-score/'] },
  { query: 'CI/CD', kind: 'synonym or jargon', answers: ['/topics/ci-cd/'] },
  { query: 'glue code', kind: 'synonym or jargon', answers: ['/topics/technical-debt/', '/references/hidden-technical-debt-in-ml-systems/'] },
  { query: 'azure maturity model', kind: 'synonym or jargon', answers: ['/maturity/azure-mlops-maturity-model/'] },
  { query: 'continuous training', kind: 'synonym or jargon', answers: ['/topics/continuous-training/'] },
  { query: 'Sculley', kind: 'name', answers: ['/people/d-sculley/'] },
  { query: 'Chip Huyen', kind: 'name', answers: ['/people/chip-huyen/'] },
  { query: 'Lak', kind: 'name', answers: ['/people/valliappa-lakshmanan/'] },
  { query: 'Demetrios', kind: 'name', answers: ['/people/demetrios-brinkmann/'] },
  { query: 'Donna Schut', kind: 'name', answers: ['/people/donna-schut/'] },
  { query: 'Vishnu', kind: 'name', answers: ['/people/vishnu-rachakonda/'] },
];

/** The first three result URLs the search page shows for a query. */
async function topThree(page: Page, query: string): Promise<string[]> {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator('#search-status')).toHaveText(/\d+ results? for|Nothing matches/);
  return page.locator('#results > li h2 a').evaluateAll((links) => links.slice(0, 3).map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

test('realistic queries: a right answer among the first three for at least 90% of them', async ({ page }) => {
  test.setTimeout(180_000);
  const rows: string[] = [];
  const misses: string[] = [];
  for (const { query, kind, answers } of QUERIES) {
    const top = await topThree(page, query);
    const hit = top.some((url) => answers.includes(url));
    rows.push(`${hit ? 'pass' : 'MISS'} | ${kind} | ${query} | ${top.join(' ')}`);
    if (!hit) misses.push(`${query} (${kind}): got ${top.join(', ') || 'nothing'}, wanted one of ${answers.join(', ')}`);
  }
  await test.info().attach('queries', { body: rows.join('\n'), contentType: 'text/plain' });
  expect(QUERIES.length).toBeGreaterThanOrEqual(30);
  for (const kind of ['question', 'typo', 'partial word', 'synonym or jargon', 'name']) expect(QUERIES.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(5);
  const rate = (QUERIES.length - misses.length) / QUERIES.length;
  expect(rate, `pass rate ${Math.round(rate * 100)}%; misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
});

test('names and terms that ranked first before questions and typos were handled still rank first', async ({ page }) => {
  const first: Array<[string, string]> = [
    ['Sculley', '/people/d-sculley/'],
    ['cascade pattern', '/patterns/cascade/'],
    ['azure maturity model', '/maturity/azure-mlops-maturity-model/'],
    ['continuous training', '/topics/continuous-training/'],
    ['ML test score', '/references/ml-test-score/'],
    ['feature store', '/patterns/feature-store/'],
    ['CT', '/topics/continuous-training/'],
    ['Chip Huyen', '/people/chip-huyen/'],
  ];
  for (const [query, url] of first) expect((await topThree(page, query))[0], query).toBe(url);
});
