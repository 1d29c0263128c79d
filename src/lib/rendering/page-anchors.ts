/**
 * The anchors an entry's page always has, known from the entry alone: the
 * sections its layout (src/components/entries/) always shows, the ones its
 * data makes certain (a talk's chapters, a maturity model's levels), and the
 * ids of its body's headings, which the renderer makes. The validator checks
 * every #fragment against this list, so a link to an anchor fails there with
 * its file and line, not in the build's link check; a build test holds every
 * built entry page to it.
 */
import type { Entry } from '../content-model/link-graph.ts';
import { levelAnchor } from '../content-model/schemas/maturity.ts';
import { chapterAnchor } from './describe-entry.ts';

/** Section anchors by what the page shows; sections that depend on other entries (link groups) are left out. */
export function entryAnchors(entry: Entry): string[] {
  switch (entry.type) {
    case 'talk': {
      const d = entry.data;
      const chapters = d.chapters ?? [];
      return [
        'summary',
        'evidence',
        'takeaways',
        ...(chapters.length ? ['chapters', ...chapters.map((c) => chapterAnchor(c.at))] : []),
        ...(d.segments?.length ? ['segments'] : []),
        ...(d.references?.length ? ['references'] : []),
      ];
    }
    case 'maturity':
      return [...entry.data.levels.map((l) => levelAnchor(l.ordinal)), 'sources'];
    case 'pattern':
      return ['problem', 'solution', 'trade-offs', ...(entry.data.alternatives?.length ? ['alternatives'] : []), 'sources'];
    case 'war-story':
      return ['context', 'what-happened', 'impact', 'lesson', ...(entry.data.sources?.length ? ['sources'] : [])];
    case 'person':
      return [...(entry.data.affiliations?.length ? ['affiliations'] : []), 'sources'];
    default:
      return ['sources'];
  }
}
