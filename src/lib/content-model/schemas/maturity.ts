/** A maturity model and its ordered levels. */
import * as z from 'zod';
import { CHOOSABLE_RELATIONS } from '../relations.ts';
import { added, partialDate, problem, redirectFrom, ref, related, sources, text, topics } from './fields.ts';

const level = z.strictObject({
  ordinal: z.number().int().min(0).meta({ description: 'Its number on the scale, as the model numbers it (0, 1, 2, ...).' }),
  name: text().meta({ description: 'The level\'s name.', examples: ['ML pipeline automation'] }),
  summary: text().meta({ description: 'One sentence on what the level is.' }),
  characteristics: z.array(text()).min(1).meta({ description: 'What is true of a team at this level, one point per line.' }),
  changes: text().optional().meta({ description: 'What changes from the level before; required on every level but the first.' }),
  mapsTo: z
    .array(
      z.strictObject({
        level: ref(['maturity']).meta({ description: 'A level of another model: maturity:<id>#level-<ordinal>.' }),
        note: text().meta({ description: 'Why they correspond; the mapping is editorial, not a source\'s.' }),
      }),
    )
    .optional()
    .meta({ description: 'Editorial correspondences with levels of other models, shown as such.' }),
  sources: sources(),
});

export const maturitySchema = z
  .strictObject({
    title: text().meta({ description: 'The model\'s name.', examples: ['MLOps levels (Google Cloud)'] }),
    publisher: text().meta({ description: 'Who publishes the model.', examples: ['Google Cloud'] }),
    published: partialDate().optional().meta({ description: 'When it was published, if known.' }),
    description: text().max(300).meta({ description: 'One or two sentences on what the model measures.' }),
    levels: z.array(level).min(2, { error: problem('needs at least two levels', 'a maturity model orders two or more levels') }).meta({ description: 'The levels in order, lowest first.' }),
    sources: sources(),
    topics: topics(),
    related: related(CHOOSABLE_RELATIONS),
    added: added(),
    redirectFrom: redirectFrom(),
  })
  .superRefine((model, ctx) => {
    model.levels.forEach((l, i) => {
      if (i > 0 && l.ordinal !== model.levels[i - 1].ordinal + 1) {
        ctx.addIssue({ code: 'custom', path: ['levels', i, 'ordinal'], message: problem(`level ${l.ordinal} follows level ${model.levels[i - 1].ordinal}`, `number the levels in order without gaps: this one is ${model.levels[i - 1].ordinal + 1}`) });
      }
      if (i > 0 && l.changes === undefined) {
        ctx.addIssue({ code: 'custom', path: ['levels', i], message: problem('does not say what changes from the level before', 'add changes: one or two sentences on what is new at this level') });
      }
      if (i === 0 && l.changes !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['levels', 0, 'changes'], message: problem('the first level has no level before it', 'remove changes from the first level') });
      }
    });
  }, { when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === 'levels') });

/** The anchor of a level on its model's page. */
export const levelAnchor = (ordinal: number) => `level-${ordinal}`;

export type Maturity = z.output<typeof maturitySchema>;
