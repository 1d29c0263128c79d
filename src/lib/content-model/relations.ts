/**
 * The kinds of edge between entries. Every cross-reference in the knowledge
 * base (a cited source, a speaker, a topic tag, a typed "related" link, a link
 * in a body) becomes one edge with one of these relations; the page of each
 * end lists it under `label` (outgoing) or `inverse` (incoming).
 */

export const RELATIONS = {
  cites: { label: 'Sources', inverse: 'Cited by' },
  'stated-in': { label: 'Stated in', inverse: 'Myths stated here' },
  'told-in': { label: 'Told in', inverse: 'War stories told here' },
  speaker: { label: 'Speakers', inverse: 'Spoke in' },
  host: { label: 'Hosts', inverse: 'Hosted' },
  'told-by': { label: 'Told by', inverse: 'War stories they told' },
  tagged: { label: 'Topics', inverse: 'Entries on this topic' },
  author: { label: 'Authors', inverse: 'Wrote' },
  'affiliation-source': { label: 'Affiliations stated in', inverse: 'States affiliations of' },
  broader: { label: 'Broader topic', inverse: 'Narrower topics' },
  mentions: { label: 'Mentions', inverse: 'Mentioned in' },
  related: { label: 'Related', inverse: 'Related' },
  uses: { label: 'Uses', inverse: 'Used by' },
  'alternative-to': { label: 'Alternative to', inverse: 'Alternatives' },
  complements: { label: 'Complements', inverse: 'Complemented by' },
  extends: { label: 'Builds on', inverse: 'Built on by' },
  counters: { label: 'Counters', inverse: 'Countered by' },
  'example-of': { label: 'Example of', inverse: 'Examples' },
  'maps-to': { label: 'Maps to (editorial)', inverse: 'Mapped from (editorial)' },
} as const;

export type Relation = keyof typeof RELATIONS;

/** The relations a contributor may choose in a `related:` list; the others come from dedicated fields. */
export const CHOOSABLE_RELATIONS = ['related', 'uses', 'alternative-to', 'complements', 'extends', 'counters', 'example-of', 'maps-to'] as const satisfies readonly Relation[];
export type ChoosableRelation = (typeof CHOOSABLE_RELATIONS)[number];

/** What each choosable relation means, for the contributor docs and the schema. */
export const RELATION_MEANING: Record<ChoosableRelation, string> = {
  related: 'worth reading together, with no stronger claim',
  uses: 'this entry relies on the other (a pipeline uses a feature store)',
  'alternative-to': 'solves the same problem another way',
  complements: 'works alongside the other; each covers what the other leaves out',
  extends: 'builds on the other and goes further',
  counters: 'argues against or corrects the other',
  'example-of': 'is a concrete case of the other',
  'maps-to': 'an editorial correspondence between two scales, not stated by a source',
};
