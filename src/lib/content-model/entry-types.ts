/**
 * The entry types of the knowledge base. A type's key is what references use
 * (`pattern:feature-store`); its folder is both the directory under `content/`
 * and the first segment of its URLs (`/patterns/feature-store/`).
 */

export const ENTRY_TYPES = ['talk', 'person', 'myth', 'maturity', 'war-story', 'pattern', 'reference', 'topic'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

export interface TypeInfo {
  /** Directory under the content root, and URL section. */
  folder: string;
  /** Singular label, as on a badge. */
  label: string;
  /** Plural label, as in navigation. */
  plural: string;
  /** One sentence for the home page and the type index. */
  blurb: string;
}

export const TYPE_INFO = {
  talk: { folder: 'talks', label: 'Talk', plural: 'Talks', blurb: 'Summaries of community talks and podcasts, with chapters that open the recording at the right second.' },
  myth: { folder: 'myths', label: 'Myth', plural: 'Myths', blurb: 'Beliefs about ML in production that do not hold, what holds instead, and who said so.' },
  pattern: { folder: 'patterns', label: 'Pattern', plural: 'Patterns', blurb: 'Design patterns for ML systems: the problem, the solution and what it costs.' },
  maturity: { folder: 'maturity', label: 'Maturity model', plural: 'Maturity models', blurb: 'Maturity models and their levels, from manual notebooks to automated operations.' },
  'war-story': { folder: 'war-stories', label: 'War story', plural: 'War stories', blurb: 'What went wrong (or nearly did) in real MLOps work, and the lesson it taught.' },
  reference: { folder: 'references', label: 'Reference', plural: 'References', blurb: 'Papers, articles, books and guides the talks and entries cite.' },
  person: { folder: 'people', label: 'Person', plural: 'People', blurb: 'Speakers and hosts, with the talks they gave and the stories they told.' },
  topic: { folder: 'topics', label: 'Topic', plural: 'Topics', blurb: 'The controlled vocabulary every entry is tagged with, jargon and aliases included.' },
} as const satisfies Record<EntryType, TypeInfo>;

/** The folder (and URL section) of entries of type T: `talks` for talk. */
export type FolderOf<T extends EntryType> = (typeof TYPE_INFO)[T]['folder'];

export function isEntryType(value: string): value is EntryType {
  return (ENTRY_TYPES as readonly string[]).includes(value);
}

/** The type whose folder is `folder`, if any. */
export function typeOfFolder(folder: string): EntryType | undefined {
  return ENTRY_TYPES.find((t) => TYPE_INFO[t].folder === folder);
}

/** An id is lowercase words joined by single hyphens: `feature-store`, `ml-test-score-2017`. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Turns a title into an id: `The ML Test Score!` → `the-ml-test-score`. */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The key that names one entry across types: `pattern:feature-store`. */
export type EntryKey = `${EntryType}:${string}`;
export const entryKey = (type: EntryType, id: string): EntryKey => `${type}:${id}`;
