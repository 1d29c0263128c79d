/** A talk, meetup or podcast episode: the primary source everything else cites. */
import * as z from 'zod';
import { checkChapters, checkMoment } from '../timestamps.ts';
import { added, idOf, partialDate, problem, redirectFrom, related, text, timestamp, topics, url } from './fields.ts';
import { CHOOSABLE_RELATIONS } from '../relations.ts';
import { quote } from '../quote.ts';

export const PERSON_ROLES = ['guest', 'host', 'speaker', 'panelist', 'moderator'] as const;

/** What the site's citations of a talk were checked against; see `evidenceNote` in src/lib/rendering/describe-entry.ts for what pages say about each. */
export const EVIDENCE = {
  recording: 'the recording itself',
  transcript: 'a published transcript that gives the time each speaker turn starts',
  'chapter-titles': 'only the publisher\'s chapter list and description, no transcript',
  'untimed-transcript': 'a published transcript without times, so entries cite the talk as a whole',
} as const;
export type Evidence = keyof typeof EVIDENCE;
const EVIDENCE_KINDS = Object.keys(EVIDENCE) as [Evidence, ...Evidence[]];

const chapter = z.strictObject({
  at: timestamp().meta({ description: 'When the chapter starts (m:ss, mm:ss or h:mm:ss).', examples: ['7:57'] }),
  title: text().meta({ description: 'The chapter title, in our words (a talk\'s own chapter list may be followed).', examples: ['ML Test Score'] }),
  summary: text().optional().meta({ description: 'One or two sentences on what is said here; searchable, and shown on the moment page.' }),
});

const segment = z.strictObject({
  title: text().meta({ description: 'What the segment is about.' }),
  length: timestamp().meta({ description: 'How long the segment runs (m:ss), when the publisher gives lengths but not start times.' }),
});

export const talkSchema = z
  .strictObject({
    title: text().meta({ description: 'The talk\'s title, without series or speaker decorations.', examples: ['The Godfather of MLOps'] }),
    series: text().meta({ description: 'The show or event it belongs to.', examples: ['MLOps Coffee Sessions'] }),
    episode: z.union([z.number().int().positive(), text()]).optional().meta({ description: 'Episode or meetup number within the series, when known.', examples: [32] }),
    date: partialDate().optional().meta({ description: 'When it was recorded or first published: YYYY-MM-DD, YYYY-MM or YYYY. Leave out when unknown.' }),
    duration: z
      .union([z.literal('unknown'), timestamp()], {
        error: (iss) => (iss.input === undefined ? undefined : problem(`${JSON.stringify(iss.input)} is not a duration`, 'write the length as m:ss or h:mm:ss, or "unknown"')),
      })
      .transform((v) => (v === 'unknown' ? null : v))
      .meta({ description: 'Length of the recording (m:ss or h:mm:ss), or "unknown"; moments and chapters are checked against it.', examples: ['52:10'] }),
    evidence: z
      .enum(EVIDENCE_KINDS, { error: (iss) => problem(`${quote(iss.input)} is not a kind of evidence`, `use one of ${EVIDENCE_KINDS.join(', ')}`) })
      .default('recording')
      .meta({ description: `What the entries citing this talk were checked against: ${EVIDENCE_KINDS.map((k) => `${k} (${EVIDENCE[k]})`).join('; ')}. The talk page says so, and, unless it is recording, every entry citing the talk repeats it beside its sources.` }),
    recordings: z
      .array(
        z.strictObject({
          kind: z.enum(['video', 'audio', 'page']).meta({ description: 'video, audio or page (a page that embeds or describes the recording).' }),
          url: url().meta({ description: 'Where it can be watched or heard.' }),
        }),
      )
      .min(1, { error: problem('lists no recording', 'add at least one: { kind: video, url: https://... }') })
      .meta({ description: 'Where the talk can be watched, heard or read about; timestamps open the first one that can seek (YouTube or a media file).' }),
    people: z
      .array(
        z.strictObject({
          person: idOf('person').meta({ description: 'A person id from content/people/.' }),
          role: z.enum(PERSON_ROLES).meta({ description: `Their part in the talk: ${PERSON_ROLES.join(', ')}.` }),
        }),
      )
      .min(1, { error: problem('lists nobody', 'add the speakers and hosts: - { person: d-sculley, role: guest }') })
      .meta({ description: 'Who speaks, with their role.' }),
    description: text().max(300, { error: problem('is longer than 300 characters', 'keep it to one or two sentences; the body holds the summary') }).meta({ description: 'One or two sentences for link cards, search results and lists.' }),
    takeaways: z
      .array(
        z.preprocess(
          (v) => (typeof v === 'string' ? { text: v } : v),
          z.strictObject({
            text: text().meta({ description: 'The takeaway, in our words.' }),
            at: timestamp().optional().meta({ description: 'The moment in this talk it comes from.' }),
          }),
        ),
      )
      .min(1, { error: problem('lists no takeaway', 'add what a practitioner should remember, one per line') })
      .meta({ description: 'What a practitioner should remember. A string, or { text, at } to point at the moment.' }),
    chapters: z.array(chapter).optional().meta({ description: 'The chapter list: starts at 0:00 and strictly increases. Leave out when the talk has no timestamps.' }),
    segments: z.array(segment).optional().meta({ description: 'Segments with lengths only, for publishers that give no start times; never turned into invented start times.' }),
    topics: topics(),
    references: z.array(idOf('reference')).optional().meta({ description: 'Reference ids (papers, books, guides) the talk discusses.' }),
    related: related(CHOOSABLE_RELATIONS),
    added: added(),
    redirectFrom: redirectFrom(),
  })
  // Runs even when unrelated fields are wrong, so one pass reports every problem.
  .superRefine((talk, ctx) => {
    const starts = (talk.chapters ?? []).map((c) => c.at);
    for (const p of checkChapters(starts, talk.duration)) {
      ctx.addIssue({ code: 'custom', path: ['chapters', p.index, 'at'], message: problem(p.message, 'fix the time, or reorder the chapters') });
    }
    talk.takeaways.forEach((t, i) => {
      const late = t.at === undefined ? undefined : checkMoment(t.at, talk.duration);
      if (late) ctx.addIssue({ code: 'custom', path: ['takeaways', i, 'at'], message: problem(late, 'check the time against the recording') });
    });
    if (talk.chapters && talk.segments) {
      ctx.addIssue({ code: 'custom', path: ['segments'], message: problem('a talk has either chapters (start times) or segments (lengths only), not both', 'keep the chapters and remove segments') });
    }
  }, { when: (payload) => !payload.issues.some((issue) => ['duration', 'chapters', 'takeaways', 'segments'].includes(String(issue.path?.[0]))) });

export type Talk = z.output<typeof talkSchema>;
