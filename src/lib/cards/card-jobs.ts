/**
 * The list of card images the site publishes and what each shows, written
 * by the content loader (which has the validated entries) for the cards
 * integration (which renders them on worker threads during the build).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CardJob } from './pool.ts';
import { ENTRY_TYPES } from '../content-model/entry-types.ts';
import type { Graph } from '../content-model/link-graph.ts';
import { cardPath, entryCard, indexCardPath, SITE_CARD_PATH, siteCard } from '../rendering/unfurl.ts';

export const cardManifestFile = (cacheDir: string) => path.join(cacheDir, 'kb-cards', 'manifest.json');

export function cardJobs(graph: Graph): CardJob[] {
  const entries = [...graph.entries.values()];
  return [
    { path: SITE_CARD_PATH, input: siteCard() },
    ...ENTRY_TYPES.map((type) => ({ path: indexCardPath(type), input: siteCard(type, entries.filter((e) => e.type === type).length) })),
    ...entries.map((e) => ({ path: cardPath(e.type, e.id), input: entryCard(e, graph), source: e.file })),
  ];
}

export function writeCardManifest(cacheDir: string, jobs: readonly CardJob[]): void {
  mkdirSync(path.dirname(cardManifestFile(cacheDir)), { recursive: true });
  writeFileSync(cardManifestFile(cacheDir), JSON.stringify(jobs));
}

export function readCardManifest(cacheDir: string): CardJob[] {
  return JSON.parse(readFileSync(cardManifestFile(cacheDir), 'utf8'));
}
