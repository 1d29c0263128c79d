/**
 * The cards of one build: what each card image shows, and how the list
 * passes from the content loader (which has the validated entries) to the
 * cards integration (which draws them on worker threads).
 *
 * The order within `astro build`, which the hand-off relies on and checks:
 *   astro:config:done   the integration opens the hand-off (openCardHandoff)
 *   content sync        the loader publishes the list (publishCardJobs) and
 *                       the integration starts drawing at once, on the core
 *                       the loader leaves idle (bodies, the content store)
 *   astro:build:start   the integration checks that drawing started
 *   astro:build:done    the drawn cards are copied into the output
 * The hand-off itself is src/lib/build/handoff.ts.
 */
import { ENTRY_TYPES } from '../content-model/entry-types.ts';
import type { Graph } from '../content-model/link-graph.ts';
import { cardPath, entryCard, indexCardPath, SITE_CARD_PATH, siteCard } from '../rendering/unfurl.ts';
import type { CardJob } from './pool.ts';
import { openHandoff, publish } from '../build/handoff.ts';

export function cardJobs(graph: Graph): CardJob[] {
  const entries = [...graph.entries.values()];
  return [
    { path: SITE_CARD_PATH, input: siteCard() },
    ...ENTRY_TYPES.map((type) => ({ path: indexCardPath(type), input: siteCard(type, entries.filter((e) => e.type === type).length) })),
    ...entries.map((e) => ({ path: cardPath(e.type, e.id), input: entryCard(e, graph), source: e.file })),
  ];
}

const HANDOFF = 'card-jobs';

/** Called by the cards integration when a build is configured: from now on the loader's list goes to `draw` as soon as it is published. */
export const openCardHandoff = (draw: (jobs: CardJob[]) => void) => openHandoff(HANDOFF, (jobs) => draw(jobs as CardJob[]));

/** Called by the content loader after validation. */
export const publishCardJobs = (jobs: CardJob[]) => publish(HANDOFF, jobs);

/** Why a build has no cards at astro:build:start. */
export const NO_CARD_JOBS = 'kb-cards: the content loader published no card list during content sync (the hand-off in src/lib/cards/card-jobs.ts expects content sync before astro:build:start)';
