/** A speaker, host or author. */
import * as z from 'zod';
import { added, partialDate, redirectFrom, ref, sources, text, url } from './fields.ts';

const affiliation = z.strictObject({
  organisation: text().meta({ description: 'The organisation.', examples: ['Google Brain'] }),
  role: text().meta({ description: 'Their role there.', examples: ['Director'] }),
  from: partialDate().optional().meta({ description: 'When the role started, if known (YYYY, YYYY-MM or YYYY-MM-DD).' }),
  until: partialDate().optional().meta({ description: 'When it ended, if it has.' }),
  asOf: partialDate().optional().meta({ description: 'When a source stated the role, for roles whose start is unknown.' }),
  source: ref(['talk', 'reference'], { moment: 'allowed' }).optional().meta({ description: 'Where the role is stated: talk:<id>@<time>, talk:<id> or reference:<id>.' }),
});

export const personSchema = z.strictObject({
  name: text().meta({ description: 'Their name as they use it professionally.', examples: ['D. Sculley'] }),
  description: text().max(300).meta({ description: 'One or two sentences on who they are, in our words.' }),
  affiliations: z.array(affiliation).optional().meta({ description: 'Organisations and roles, with when and where stated, since roles change.' }),
  links: z
    .array(z.strictObject({ label: text().meta({ description: 'What the link is, e.g. LinkedIn.' }), url: url().meta({ description: 'The address.' }) }))
    .optional()
    .meta({ description: 'Their public profiles.' }),
  sources: sources(),
  added: added(),
  redirectFrom: redirectFrom(),
});

export type Person = z.output<typeof personSchema>;
