/** A paper, article, book or guide that talks and entries cite. */
import * as z from 'zod';
import { CHOOSABLE_RELATIONS } from '../relations.ts';
import { added, idOf, redirectFrom, related, sources, text, url } from './fields.ts';

export const REFERENCE_KINDS = ['paper', 'article', 'book', 'guide'] as const;

const author = z.preprocess(
  (v) => (typeof v === 'string' ? { name: v } : v),
  z.strictObject({
    name: text().meta({ description: 'The author as credited.' }),
    person: idOf('person').optional().meta({ description: 'Their person id, when they have a page here.' }),
  }),
);

export const referenceSchema = z.strictObject({
  title: text().meta({ description: 'The full title.', examples: ['The ML Test Score: A Rubric for ML Production Readiness and Technical Debt Reduction'] }),
  kind: z.enum(REFERENCE_KINDS).meta({ description: `What it is: ${REFERENCE_KINDS.join(', ')}.` }),
  authors: z.array(author).min(1).meta({ description: 'Authors in credited order; a string, or { name, person } to link a person page.' }),
  year: z.number().int().min(1900).max(2100).meta({ description: 'Year of publication.', examples: [2017] }),
  venue: text().optional().meta({ description: 'Journal, conference, publisher or site.', examples: ['IEEE Big Data 2017'] }),
  url: url().optional().meta({ description: 'Where to read it.' }),
  description: text().max(300).meta({ description: 'One or two sentences on what it says, in our words.' }),
  sources: sources(),
  topics: z.array(idOf('topic')).optional().meta({ description: 'Topic ids.' }),
  related: related(CHOOSABLE_RELATIONS),
  added: added(),
  redirectFrom: redirectFrom(),
});

export type Reference = z.output<typeof referenceSchema>;
