/**
 * Writes sample social cards and measures rendering speed.
 *
 *   node scripts/card-preview.ts [outDir]        (default /tmp/card-preview)
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderCard, type CardInput } from '../src/lib/cards/render.ts';

const outDir = path.resolve(process.argv[2] ?? '/tmp/card-preview');
mkdirSync(outDir, { recursive: true });

const site = 'MLOps Community Knowledge Base';

export const SAMPLES: Record<string, CardInput> = {
  talk: {
    kind: 'Talk',
    title: 'Hidden Technical Debt in Machine Learning Systems, Revisited',
    subtitle: 'D. Sculley · Demetrios Brinkmann',
    detail: '35 chapters · 52:10',
    site,
    accent: '#0a56c2',
  },
  'talk-long': {
    kind: 'Talk',
    title:
      'Why “just retrain it” isn’t a strategy — data drift, feature stores, and the long, winding road from a Jupyter notebook to a production-grade, continuously evaluated ML platform at a company with 40 teams',
    subtitle: 'MLOps Coffee Sessions #32 · Demetrios Brinkmann · Mihail Eric · Vishnu Rachakonda · Adam Sroka',
    detail: '35 chapters · 52:10 · Recorded live at the MLOps World conference in Toronto',
    site,
    accent: '#0a56c2',
  },
  myth: {
    kind: 'Myth',
    title: 'More data always beats a better model',
    subtitle: 'Busted by 4 talks',
    site,
    accent: '#a4262c',
  },
  pattern: {
    kind: 'Pattern',
    title: 'Shadow deployment: run the new model beside the old one before it takes traffic',
    detail: 'Problem · Solution · Trade-offs',
    site,
    accent: '#107c41',
  },
  moment: {
    kind: 'Moment',
    title: '“Feature stores are the new data warehouses”',
    subtitle: 'Señor Müller on café-scale MLOps — naïve résumés, ñ, ü, é, ø, ß, Ł, œ',
    detail: '07:57 · The Godfather of MLOps',
    site,
    accent: '#8a3ffc',
  },
  maturity: {
    kind: 'Maturity model',
    title: 'Google’s MLOps levels 0–2',
    subtitle: 'From manual notebooks to CI/CD for pipelines',
    detail: '3 levels',
    site,
    accent: '#7a4b00',
  },
  'war-story': {
    kind: 'War story',
    title: 'The day our fraud model approved everything',
    subtitle: 'Payments team at a fintech scale-up',
    site,
    accent: '#8a3ffc',
  },
  'light-accent': {
    kind: 'Topic',
    title: 'Evaluation',
    subtitle: 'Aliases: evals, offline metrics, “LLM-as-a-judge”',
    site,
    accent: '#f2c46d',
  },
  unbreakable: {
    kind: 'Reference',
    title: 'Supercalifragilisticexpialidociousdocumentationthatneverendsandkeepsgoingandgoing/and/going https://example.com/a/very/long/url/without/spaces/whatsoever',
    site,
  },
};

// Cold: the first card in the process pays for loading the fonts and rasterising its glyphs.
const t0 = performance.now();
const first = renderCard(SAMPLES.talk!);
const cold = performance.now() - t0;
writeFileSync(path.join(outDir, 'talk.png'), first);
for (const [name, input] of Object.entries(SAMPLES)) {
  writeFileSync(path.join(outDir, `${name}.png`), renderCard(input));
}

// Warm: ~200 cards with varied titles, subtitles and accents, as in a build. New glyphs still
// get rasterised along the way, as they would in a real build.
const words = (
  'model data drift feature store pipeline training serving monitoring latency evaluation ' +
  'Kubernetes GPU LLM agents retrieval embeddings versioning lineage governance incident rollback ' +
  'shadow canary A/B test batch streaming real-time café naïve “quoted” — résumé über señor 2024 v0.3'
).split(' ');
let seed = 42;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const pick = (n: number) => Array.from({ length: n }, () => words[rand(words.length)]).join(' ');
const accents = ['#0a56c2', '#a4262c', '#107c41', '#7a4b00', '#8a3ffc', '#3e4a59', '#005f73', '#6d4c41'];
const kinds = ['Talk', 'Myth', 'Pattern', 'Maturity model', 'War story', 'Reference', 'Person', 'Topic', 'Moment'];
const N = 200;
const inputs: CardInput[] = Array.from({ length: N }, (_, i) => ({
  kind: kinds[i % kinds.length]!,
  title: pick(3 + rand(22)),
  subtitle: i % 3 ? pick(2 + rand(6)) : undefined,
  detail: i % 2 ? `${rand(60)} chapters · ${rand(90)}:${String(rand(60)).padStart(2, '0')}` : undefined,
  site,
  accent: accents[i % accents.length],
}));
let bytes = 0;
const t1 = performance.now();
for (const input of inputs) bytes += renderCard(input).length;
const warm = (performance.now() - t1) / N;

console.log(`wrote ${Object.keys(SAMPLES).length} cards to ${outDir}`);
console.log(`cold first card (font loading + glyph rasterising): ${cold.toFixed(1)} ms`);
console.log(`average over ${N} varied cards: ${warm.toFixed(2)} ms per card, ${(bytes / N / 1024).toFixed(1)} KiB per PNG`);
