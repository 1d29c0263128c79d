/**
 * Field schemas shared by the entry types. Each one normalises its shorthands
 * so that code after validation sees a single shape, and every error it raises
 * is written `what is wrong\nhow to fix it` (see `diagnostics.ts`).
 */
import * as z from 'zod';
import { ID_PATTERN } from '../entry-types.ts';
import { MAX_ID_CHARS } from '../../validator/limits.ts';
import { parseFullDate, parsePartialDate, type PartialDate } from '../dates.ts';
import { parseRef, type EntryRef } from '../references.ts';
import { TIMESTAMP_EXAMPLE, parseTimestamp } from '../timestamps.ts';
import type { EntryType } from '../entry-types.ts';
import { quote } from '../quote.ts';
import { QUOTE_WINDOW_SECONDS } from '../quote-in-transcript.ts';

/** Joins what is wrong and how to fix it into one zod message. */
export const problem = (what: string, fix: string) => `${what}\n${fix}`;

type Ctx = z.core.$RefinementCtx<unknown>;
function fail(ctx: Ctx, input: unknown, what: string, fix: string): never {
  ctx.addIssue({ code: 'custom', message: problem(what, fix), input });
  return z.NEVER as never;
}

/** Non-empty text, trimmed. */
export const text = () =>
  z.string().trim().min(1, { error: problem('is empty', 'write some text, or remove the field if it is optional') });

/** An entry id: lowercase words joined by hyphens. */
export const id = () =>
  z
    .string()
    .max(MAX_ID_CHARS, { error: (iss) => problem(`is ${String(iss.input).length.toLocaleString('en-GB')} characters long; an id has at most ${MAX_ID_CHARS}`, 'shorten it: ids are lowercase words joined by hyphens, like feature-store'), abort: true })
    .regex(ID_PATTERN, {
      error: (iss) => problem(`${quote(iss.input)} is not an id`, 'ids are lowercase words joined by hyphens, like feature-store'),
    });

/** An absolute http(s) URL. */
export const url = () =>
  z.string().transform((value, ctx) => {
    let parsed: URL | undefined;
    try {
      parsed = new URL(value);
    } catch {
      return fail(ctx, value, `${quote(value)} is not a URL`, 'write the full address, starting with https://');
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      return fail(ctx, value, `${quote(value)} is not a web address`, 'only http:// and https:// links are allowed here');
    }
    return value;
  });

/** A time in a talk, written m:ss, mm:ss or h:mm:ss; becomes seconds. */
export const timestamp = () =>
  z
    .string({ error: (iss) => (iss.input === undefined ? undefined : problem(`${JSON.stringify(iss.input)} is not a time`, `write it as text, like "7:57" (${TIMESTAMP_EXAMPLE})`)) })
    .transform((value, ctx) => {
      const r = parseTimestamp(value);
      return r.ok ? r.seconds : fail(ctx, value, r.reason, `write m:ss, mm:ss or h:mm:ss, ${TIMESTAMP_EXAMPLE}`);
    });

/** A date known to the day (YYYY-MM-DD). Kept as text so nothing converts it silently. */
export const fullDate = () =>
  z
    .string({ error: (iss) => (iss.input === undefined ? undefined : problem(`${JSON.stringify(iss.input)} is not a date`, 'write it as YYYY-MM-DD, for example 2022-04-18')) })
    .transform((value, ctx) => {
      const r = parseFullDate(value);
      return r.ok ? r.value : fail(ctx, value, r.reason, 'write a real date as YYYY-MM-DD, for example 2022-04-18');
    });

/** A date known to the day, month or year: 2021-01-27, 2021-01 or 2021. */
export const partialDate = () =>
  z
    .union([z.string(), z.number().int()], {
      error: (iss) => (iss.input === undefined ? undefined : problem(`${JSON.stringify(iss.input)} is not a date`, 'write YYYY-MM-DD, YYYY-MM or YYYY')),
    })
    .transform((value, ctx): PartialDate => {
      const r = parsePartialDate(String(value));
      return r.ok ? r.value : fail(ctx, value, r.reason, 'write a real date as YYYY-MM-DD, or YYYY-MM / YYYY when only that much is known');
    });

/** A reference to an entry of one of `types`, written with the reference syntax. */
export const ref = (types: readonly EntryType[], opts: { moment?: 'allowed' | 'required' | 'forbidden' } = {}) => {
  const moment = opts.moment ?? 'forbidden';
  const example = types.includes('talk') && moment !== 'forbidden' ? 'talk:godfather-of-mlops@7:57' : `${types[0]}:some-id`;
  return z
    .string({ error: (iss) => (iss.input === undefined ? undefined : problem(`${JSON.stringify(iss.input)} is not a reference`, `write it as text, like ${example}`)) })
    .transform((value, ctx): EntryRef => {
      const r = parseRef(value);
      if (!r.ok) return fail(ctx, value, r.reason, r.fix);
      if (!types.includes(r.ref.type)) {
        return fail(ctx, value, `${quote(value)} points at a ${r.ref.type}, but this field takes ${types.join(' or ')}`, `point it at ${types.map((t) => `${t}:<id>`).join(' or ')}`);
      }
      if (moment === 'required' && r.ref.type === 'talk' && r.ref.at === undefined) {
        return fail(ctx, value, `${quote(value)} names a talk but not the moment`, `add the time: ${value}@7:57`);
      }
      if (moment === 'forbidden' && r.ref.at !== undefined) {
        return fail(ctx, value, `${quote(value)} names a moment, but this field takes a whole entry`, `drop the @time part`);
      }
      return r.ref;
    });
};

/** A bare id of an entry whose type the field already fixes (a topic in `topics`, a person in `person`). */
export const idOf = (type: EntryType) =>
  id().transform((value): EntryRef => ({ type, id: value }));

/**
 * A source: a talk moment, a whole talk (when the talk has no timestamps), or a
 * reference entry. Written as a string, or as an object to add a locator or a
 * quote. Both become `{ ref, locator?, quote?, note? }`.
 */
export const source = () =>
  z.preprocess(
    (value) => (typeof value === 'string' ? { ref: value } : value),
    z.strictObject({
      ref: ref(['talk', 'reference'], { moment: 'allowed' }).meta({ description: 'What is cited: talk:<id>@<time>, talk:<id> or reference:<id>.', examples: ['talk:godfather-of-mlops@7:57', 'reference:ml-test-score'] }),
      locator: text().optional().meta({ description: 'Where inside a reference (a chapter, section or page), or, for a whole talk, which part of its page (its abstract, a bio).', examples: ['Chapter 6', 'abstract'] }),
      quote: text().optional().meta({ description: `A short quote from the source, shown in quotation marks and attributed. When the source is a talk with a transcript, the words must be said there, within ${QUOTE_WINDOW_SECONDS} s of the cited moment (… marks words left out).` }),
      note: text().optional().meta({ description: 'What the source supports, if that is not obvious.' }),
    }),
  );

/** At least one source. */
export const sources = () =>
  z.array(source(), { error: (iss) => (iss.input === undefined ? undefined : problem('should be a list of sources', 'write one per line, each starting with "- "')) })
    .min(1, { error: problem('lists no source', 'cite at least one: a talk moment like talk:godfather-of-mlops@7:57, or reference:<id>') })
    .meta({ description: 'Where the claims come from: talk moments (talk:<id>@<time>), whole talks (talk:<id>, when the talk has no timestamps, or with a locator for what its page says), or references (reference:<id>). A string, or an object with ref, locator, quote, note.', examples: [['talk:godfather-of-mlops@7:57']] });

/** Topic ids; each must name an existing topic (checked across entries). */
export const topics = () =>
  z.array(idOf('topic'))
    .min(1, { error: problem('lists no topic', 'tag the entry with at least one topic id from content/topics/') })
    .meta({ description: 'Topic ids from content/topics/. A tag that is not a topic is an error: add the topic first.', examples: [['feature-store']] });

/** Typed links to other entries. */
export const related = (relations: readonly [string, ...string[]]) =>
  z
    .array(
      z.preprocess(
        (value) => (typeof value === 'string' ? { to: value } : value),
        z.strictObject({
          to: ref(['talk', 'person', 'myth', 'maturity', 'war-story', 'pattern', 'reference', 'topic'], { moment: 'allowed' }).meta({ description: 'The other entry: <type>:<id>.', examples: ['pattern:feature-store'] }),
          relation: z.enum(relations, { error: (iss) => problem(`${quote(iss.input)} is not a relation`, `use one of ${relations.join(', ')}`) }).default('related').meta({ description: `How this entry relates to the other: ${relations.join(', ')}.` }),
          note: text().optional().meta({ description: 'One line on why, shown next to the link on both pages.' }),
        }),
      ),
    )
    .optional()
    .meta({ description: 'Typed links to other entries, shown on both pages. A string <type>:<id> means "related"; an object adds relation and note.' });

/** The date the entry was added to the knowledge base. */
export const added = () => fullDate().meta({ description: 'The day this entry was added to the knowledge base (YYYY-MM-DD); orders "newest" lists and the feed.', examples: ['2026-11-22'] });

/** Old ids of a renamed entry; each becomes a redirect to the entry's current page. */
export const redirectFrom = () =>
  z.array(id()).optional().meta({ description: 'Ids this entry had before it was renamed; each old URL redirects here so shared links keep working.' });
