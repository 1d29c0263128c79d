/**
 * The cards of one build: what each card image shows, and how the list
 * passes from the content loader (which has the validated entries) to the
 * cards integration (which draws them on worker threads).
 *
 * The order within `astro build`, which the hand-off relies on and checks:
 *   astro:config:done   the integration opens the hand-off (openCardHandoff)
 *   content sync        the loader publishes the list (publishCardJobs)
 *   astro:build:start   the integration takes it (takeCardJobs) and starts drawing
 *   astro:build:done    the drawn cards are copied into the output
 * Astro loads the content config and the integrations through different
 * module graphs, so this module's own state is not shared between them: the
 * hand-off lives on globalThis, under a registered symbol, here alone.
 */
import { ENTRY_TYPES } from '../content-model/entry-types.ts';
import type { Graph } from '../content-model/link-graph.ts';
import { cardPath, entryCard, indexCardPath, SITE_CARD_PATH, siteCard } from '../rendering/unfurl.ts';
import type { CardJob } from './pool.ts';

export function cardJobs(graph: Graph): CardJob[] {
  const entries = [...graph.entries.values()];
  return [
    { path: SITE_CARD_PATH, input: siteCard() },
    ...ENTRY_TYPES.map((type) => ({ path: indexCardPath(type), input: siteCard(type, entries.filter((e) => e.type === type).length) })),
    ...entries.map((e) => ({ path: cardPath(e.type, e.id), input: entryCard(e, graph), source: e.file })),
  ];
}

const HANDOFF = Symbol.for('mlops-kb/card-jobs');
type Handoff = { jobs?: CardJob[] };
const slot = globalThis as typeof globalThis & { [HANDOFF]?: Handoff };

/** Called by the cards integration when a build is configured: from now on the loader's list is kept for it. */
export function openCardHandoff(): void {
  slot[HANDOFF] = {};
}

/** Called by the content loader after validation. Without an open hand-off (astro dev, astro sync) nobody draws cards, and the list is dropped. */
export function publishCardJobs(jobs: CardJob[]): void {
  const handoff = slot[HANDOFF];
  if (handoff) handoff.jobs = jobs;
}

/** Called by the cards integration at astro:build:start, after content sync. */
export function takeCardJobs(): CardJob[] {
  const jobs = slot[HANDOFF]?.jobs;
  if (!jobs) throw new Error('kb-cards: the content loader published no card list before astro:build:start (the hand-off in src/lib/cards/card-jobs.ts expects content sync first)');
  delete slot[HANDOFF];
  return jobs;
}
