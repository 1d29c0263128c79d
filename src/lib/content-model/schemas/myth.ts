/** A belief about ML in production that does not hold, and what holds instead. */
import * as z from 'zod';
import { CHOOSABLE_RELATIONS } from '../relations.ts';
import { added, redirectFrom, ref, related, sources, text, topics } from './fields.ts';

export const mythSchema = z.strictObject({
  title: text().meta({ description: 'The myth, as a short statement.', examples: ['Deploying is hard'] }),
  claim: text().meta({ description: 'What people believe, in one or two sentences.' }),
  reality: text().meta({ description: 'Why it does not hold, in one or two sentences; the body may go further.' }),
  statedIn: ref(['talk'], { moment: 'required' }).meta({ description: 'The talk moment where the myth is named: talk:<id>@<time>.', examples: ['talk:principles-of-good-ml-systems-design@9:52'] }),
  number: z.number().int().positive().optional().meta({ description: 'Its number in the talk\'s own list, if the talk numbers them.' }),
  sources: sources(),
  topics: topics(),
  related: related(CHOOSABLE_RELATIONS),
  added: added(),
  redirectFrom: redirectFrom(),
});

export type Myth = z.output<typeof mythSchema>;
