/** A term of the controlled vocabulary every entry is tagged with. */
import * as z from 'zod';
import { added, idOf, redirectFrom, sources, text } from './fields.ts';

export const topicSchema = z.strictObject({
  name: text().meta({ description: 'The preferred term.', examples: ['Continuous training'] }),
  aliases: z.array(text()).optional().meta({ description: 'Other names and jargon for it; searching any of them finds the topic\'s entries.', examples: [['CT']] }),
  description: text().max(300).meta({ description: 'What the term means here, in one or two sentences.' }),
  broader: idOf('topic').optional().meta({ description: 'The id of a wider topic this one sits under.' }),
  sources: sources(),
  added: added(),
  redirectFrom: redirectFrom(),
});

export type Topic = z.output<typeof topicSchema>;
