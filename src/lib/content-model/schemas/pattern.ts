/** A design pattern for ML systems. */
import * as z from 'zod';
import { CHOOSABLE_RELATIONS } from '../relations.ts';
import { added, redirectFrom, related, sources, text, topics } from './fields.ts';

export const PATTERN_CATEGORIES = ['data-representation', 'problem-representation', 'model-training', 'resilient-serving', 'reproducibility', 'responsible-ai'] as const;

export const patternSchema = z.strictObject({
  title: text().meta({ description: 'The pattern\'s name.', examples: ['Feature Store'] }),
  category: z.enum(PATTERN_CATEGORIES).meta({ description: `The group it belongs to: ${PATTERN_CATEGORIES.join(', ')}.` }),
  problem: text().meta({ description: 'The problem it solves, in one to three sentences.' }),
  solution: text().meta({ description: 'The solution, in one to three sentences.' }),
  tradeOffs: z.array(text()).min(1).meta({ description: 'What it costs, one point per line.' }),
  alternatives: z.array(text()).optional().meta({ description: 'Other ways to solve the problem; link the patterns in `related` with relation alternative-to.' }),
  sources: sources(),
  topics: topics(),
  related: related(CHOOSABLE_RELATIONS),
  added: added(),
  redirectFrom: redirectFrom(),
});

export type Pattern = z.output<typeof patternSchema>;
