/** Something that went wrong, or nearly did, in real MLOps work. */
import * as z from 'zod';
import { CHOOSABLE_RELATIONS } from '../relations.ts';
import { added, idOf, redirectFrom, ref, related, sources, text, topics } from './fields.ts';

export const warStorySchema = z.strictObject({
  title: text().meta({ description: 'A short name for the story.', examples: ['Nobody owned the cloud bill'] }),
  context: text().meta({ description: 'The situation: who, what system, what constraints.' }),
  whatHappened: text().meta({ description: 'What happened.' }),
  impact: text().meta({ description: 'What it cost or changed.' }),
  lesson: text().meta({ description: 'What to do differently; the line a reader should remember.' }),
  toldIn: ref(['talk', 'reference'], { moment: 'allowed' }).meta({ description: 'Where the story is told: talk:<id>@<time>, or talk:<id> / reference:<id> when there is no timestamp.', examples: ['talk:practitioners-guide-to-mlops@38:50'] }),
  toldBy: z.array(idOf('person')).optional().meta({ description: 'Person ids of who tells it.' }),
  sources: sources().optional(),
  topics: topics(),
  related: related(CHOOSABLE_RELATIONS),
  added: added(),
  redirectFrom: redirectFrom(),
});

export type WarStory = z.output<typeof warStorySchema>;
