/** The schema of each entry type: the single source of truth for its fields. */
import type * as z from 'zod';
import type { EntryType } from '../entry-types.ts';
import { maturitySchema } from './maturity.ts';
import { mythSchema } from './myth.ts';
import { patternSchema } from './pattern.ts';
import { personSchema } from './person.ts';
import { referenceSchema } from './reference.ts';
import { talkSchema } from './talk.ts';
import { topicSchema } from './topic.ts';
import { warStorySchema } from './war-story.ts';

export const SCHEMAS = {
  talk: talkSchema,
  person: personSchema,
  myth: mythSchema,
  maturity: maturitySchema,
  'war-story': warStorySchema,
  pattern: patternSchema,
  reference: referenceSchema,
  topic: topicSchema,
} as const satisfies Record<EntryType, z.ZodType>;

export type EntryData = { [T in EntryType]: z.output<(typeof SCHEMAS)[T]> };
