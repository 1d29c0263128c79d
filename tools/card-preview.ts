/**
 * Sample social cards and a timing of card rendering, to look at the cards
 * by eye after changing src/lib/cards/ and to see what a change costs per
 * card. The samples are the hard cases: long titles and subtitles, accents
 * light and dark, non-Latin letters, a word too long for any line.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderCard, type CardInput } from '../src/lib/cards/render.ts';

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

/**
 * Writes each sample as <name>.png into `outDir`; returns how long the first
 * card took, which pays for loading the fonts and rasterising its glyphs.
 */
export function writeSampleCards(outDir: string): { coldMs: number } {
  const t0 = performance.now();
  const first = renderCard(SAMPLES.talk!);
  const coldMs = performance.now() - t0;
  writeFileSync(path.join(outDir, 'talk.png'), first);
  for (const [name, input] of Object.entries(SAMPLES)) {
    writeFileSync(path.join(outDir, `${name}.png`), renderCard(input));
  }
  return { coldMs };
}

/**
 * Renders `n` cards with varied titles, subtitles and accents, as in a
 * build; new glyphs still get rasterised along the way, as they would in a
 * real build. Returns the mean time and size per card.
 */
export function timeVariedCards(n = 200): { msPerCard: number; bytesPerCard: number } {
  const words = (
    'model data drift feature store pipeline training serving monitoring latency evaluation ' +
    'Kubernetes GPU LLM agents retrieval embeddings versioning lineage governance incident rollback ' +
    'shadow canary A/B test batch streaming real-time café naïve “quoted” — résumé über señor 2024 v0.3'
  ).split(' ');
  let seed = 42;
  const rand = (k: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const pick = (k: number) => Array.from({ length: k }, () => words[rand(words.length)]).join(' ');
  const accents = ['#0a56c2', '#a4262c', '#107c41', '#7a4b00', '#8a3ffc', '#3e4a59', '#005f73', '#6d4c41'];
  const kinds = ['Talk', 'Myth', 'Pattern', 'Maturity model', 'War story', 'Reference', 'Person', 'Topic', 'Moment'];
  const inputs: CardInput[] = Array.from({ length: n }, (_, i) => ({
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
  return { msPerCard: (performance.now() - t1) / n, bytesPerCard: bytes / n };
}
