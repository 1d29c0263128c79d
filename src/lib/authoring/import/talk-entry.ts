/**
 * From pasted text to the files of a talk: recognises what the text holds
 * (an episode page or show notes, Podcasting 2.0 chapters JSON, WebVTT or
 * SRT), reads it, matches its people, and writes through the scaffolder the
 * talk entry (content/talks/<id>.mdx), its transcript when the input has one
 * with times (content/talks/<id>.vtt), and a skeleton for each person not yet
 * in content/people/. Pure: the caller reads the files and the clock, so the
 * same input and content give the same files.
 *
 * What the importer writes is the publisher's, and says so: chapter titles
 * follow the talk's own list (CONTRIBUTING allows it), except those that
 * quote a speaker or run to 12 words or more (the length at which the copy
 * check flags a run), which become TODO placeholders; the summary is written
 * only inside the TODO paragraph the contributor replaces. It never writes a
 * time, a length or a person the input does not give.
 */
import { forbiddenCharacters, tagLike } from '../../validator/characters.ts';
import { TYPE_INFO, slugify } from '../../content-model/entry-types.ts';
import { formatTimestamp } from '../../content-model/timestamps.ts';
import { writeWebVtt, type VttWriteCue } from '../../content-model/webvtt.ts';
import { OPEN_END } from '../../rendering/chapter-exports.ts';
import type { KnownIds } from '../entry-values.ts';
import { TODO, bodyPrompt, scaffold } from '../scaffold.ts';
import { readSrtInput, readVttInput } from './captions.ts';
import { readChaptersJson } from './chapters-json.ts';
import type { KnownPerson, KnownTopic } from './known-entries.ts';
import { readPage, recordingKind } from './page.ts';
import { affiliationsOf, resolvePeople, type TalkPerson } from './people.ts';
import type { ImportProblem, MentionSource, Reading, Role } from './reading.ts';
import { looksLikeSrt } from './srt.ts';

/** Words from which a chapter title counts as a copied run: the copy check's default (../shared/tools/copycheck.py). */
export const COPY_RUN_WORDS = 12;

export interface ImportOptions {
  id?: string;
  title?: string;
  /** Recording addresses given on the command line; they come first. */
  urls?: readonly string[];
  /** People given on the command line, by id, with their role. */
  people?: ReadonlyArray<{ person: string; role: Role }>;
  /** Talk fields given as flags (--topics, --series, --duration…), already checked; they win over what is read. */
  values?: Record<string, unknown>;
  /** Today, YYYY-MM-DD, for `added`. */
  today: string;
  known: KnownIds;
  knownPeople: readonly KnownPerson[];
  knownTopics: readonly KnownTopic[];
}

export interface ImportFile {
  /** Relative to the content root, with forward slashes. */
  path: string;
  text: string;
}

export interface ImportResult {
  reading: Reading;
  id?: string;
  files: ImportFile[];
  /** Everything the importer could not read or find, in input order; those about the input as a whole (line 0) last. */
  problems: ImportProblem[];
  /** What was read, a line per fact, for the report. */
  summary: string[];
}

/** Reads the text with the reader its first lines call for. */
export function recognise(text: string, knownNames: readonly string[]): Reading {
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return readChaptersJson(text);
  if (/^\ufeff?WEBVTT(?:[ \t\r\n]|$)/.test(text)) return readVttInput(text, knownNames);
  if (looksLikeSrt(text)) return readSrtInput(text, knownNames);
  // Captions without their header: the first or second line is a timing.
  const firstLines = start.split(/\r?\n/, 2);
  if (firstLines.some((l) => /^\s*[\d:.,]+\s+-->\s/.test(l))) return /^\s*[\d:]+,\d/.test(firstLines.find((l) => l.includes('-->'))!) ? readSrtInput(text, knownNames) : readVttInput(text, knownNames);
  return readPage(text, knownNames);
}

const LOCATOR: Record<MentionSource, string> = {
  title: 'title of the episode page',
  'host list': 'host list on the episode page',
  'guest list': 'guest list on the episode page',
  'speaker list': 'speaker list on the episode page',
  'profile link': 'links in the show notes',
  'speaker bio': 'speaker bio on the episode page',
  transcript: 'the transcript',
};

function linkLabel(url: string): string {
  const host = (() => {
    try {
      return new URL(url).hostname.replace(/^www\./, '');
    } catch {
      return url;
    }
  })();
  return { 'linkedin.com': 'LinkedIn', 'twitter.com': 'Twitter', 'x.com': 'X', 'github.com': 'GitHub', 'scholar.google.com': 'Google Scholar' }[host] ?? host;
}

/** Text as Markdown that reads back as the same words: every character MDX or Markdown gives a meaning escaped, on one line. */
export function markdownText(text: string): string {
  return text
    .replace(/\0/g, '\ufffd')
    .replace(/[\s\u2028\u2029]+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]<>#|~&$]/g, (c) => `\\${c}`);
}

/** A publisher's chapter or segment title as the entry writes it: as published, or as a placeholder to rewrite when it quotes someone or is long. */
export function publisherTitle(title: string): string {
  const quotes = /^["“”‘’'«]/.test(title);
  return quotes || title.split(/\s+/).length >= COPY_RUN_WORDS ? `${TODO}: in our words: ${title}` : title;
}

/** Topics whose name or an alias occurs in the title, chapter and segment titles or the page's tags, most mentioned first, at most five. */
export function suggestTopics(reading: Reading, topics: readonly KnownTopic[]): string[] {
  const texts = [reading.title?.text ?? '', ...reading.chapters.map((c) => c.title), ...reading.segments.map((s) => s.title), ...reading.tags];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const scored = topics.map((t) => {
    const terms = [t.name, ...t.aliases].map((term) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}(?![\\p{L}\\p{N}])`, /^[A-Z0-9/&]{2,5}$/.test(term) ? 'u' : 'iu'));
    return { id: t.id, score: texts.filter((x) => terms.some((re) => re.test(x))).length };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, 5)
    .map((s) => s.id);
}

const lineRange = (lines: number[]) => (lines.length === 0 ? '' : lines[0] === lines.at(-1) ? `line ${lines[0]}` : `lines ${lines[0]}-${lines.at(-1)}`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Text the entry's frontmatter would take from the input, held to the validator's rules for
 * frontmatter text (src/lib/validator/characters.ts): no HTML tag, no control character. Such
 * text is reported at its line rather than changed, so nothing is rewritten behind the contributor.
 */
function frontmatterTextProblems(reading: Reading, title: string | undefined): ImportProblem[] {
  const texts: Array<{ field: string; text: string; line: number }> = [
    ...(title !== undefined ? [{ field: 'title', text: title, line: reading.title?.line ?? 0 }] : []),
    ...(reading.series ? [{ field: 'series', ...reading.series }] : []),
    ...reading.chapters.map((c) => ({ field: 'chapters', text: c.title, line: c.line })),
    ...reading.segments.map((s) => ({ field: 'segments', text: s.title, line: s.line })),
  ];
  return texts.flatMap(({ field, text, line }) => {
    const found = tagLike(text) ?? forbiddenCharacters(text, true);
    return found ? [{ line, column: 1, field, message: found.message, fix: `${found.fix}; then import again (--force writes the rest)` }] : [];
  });
}

/** The files of a talk imported from `text`, and what could not be read. */
export function importTalk(text: string, opts: ImportOptions): ImportResult {
  const knownNames = opts.knownPeople.flatMap((p) => [p.name, p.name.replace(/\s*\([^)]*\)/g, '').split(/\s+/)[0]]);
  const reading = recognise(text, knownNames);
  const problems = [...reading.problems];
  const summary: string[] = [];
  const values = opts.values ?? {};

  // Who speaks: the people on the command line, then everyone the input names.
  const given = (opts.people ?? []).flatMap((g) => opts.knownPeople.filter((p) => p.id === g.person));
  const resolved = resolvePeople(reading.mentions, opts.knownPeople, given);
  problems.push(...resolved.problems);
  const people: TalkPerson[] = [...resolved.people];
  const onlyGiven: TalkPerson[] = [];
  for (const g of opts.people ?? []) {
    const found = people.find((p) => p.id === g.person);
    if (found) found.role = g.role;
    else onlyGiven.push({ id: g.person, name: opts.knownPeople.find((p) => p.id === g.person)?.name ?? g.person, role: g.role, isNew: false, mentions: [] });
  }
  people.unshift(...onlyGiven);

  const title = opts.title ?? reading.title?.text;
  if (!title) problems.push({ line: 0, column: 0, field: 'title', message: 'the input names no title', fix: 'pass --title "The talk\'s title"' });
  const id = opts.id ?? (title ? slugify(title) : undefined);

  const recordings = [...(opts.urls ?? []).map((url) => ({ kind: recordingKind(url) ?? 'page', url })), ...reading.recordings.filter((r) => !(opts.urls ?? []).includes(r.url)).map(({ kind, url }) => ({ kind, url }))];
  if (recordings.length === 0 && values.recordings === undefined) problems.push({ line: 0, column: 0, field: 'recordings', message: 'the input links no recording (a video, an audio file or an episode page)', fix: 'pass --url with the address of the recording or of its page' });
  if (people.length === 0 && values.people === undefined) problems.push({ line: 0, column: 0, field: 'people', message: 'the input names nobody who speaks', fix: 'pass --people with person ids and roles: --people jane-doe:guest,john-roe:host' });
  const topics = suggestTopics(reading, opts.knownTopics);
  if (topics.length === 0 && values.topics === undefined) problems.push({ line: 0, column: 0, field: 'topics', message: 'no topic\'s name or alias occurs in the title, chapter titles or tags', fix: 'pass --topics with topic ids from content/topics/: --topics monitoring,data-drift' });
  if (reading.chapters.length > 0 && reading.segments.length > 0) problems.push({ line: reading.segments[0].line, column: 1, field: 'segments', message: 'the input gives both chapters (start times) and segments (lengths); a talk has one or the other', fix: 'delete one of the two lists from the input; --force keeps the chapters' });

  problems.push(...frontmatterTextProblems(reading, title));

  const duration = typeof values.duration === 'string' && values.duration !== 'unknown' ? parseDuration(values.duration) : undefined;
  const transcript = reading.transcript;
  const evidence = transcript ? (transcript.timed ? 'transcript' : 'untimed-transcript') : 'chapter-titles';

  // The transcript file: one cue a turn, ending where the next turn starts (or where the caption says), the last at the end of the recording.
  let vtt: string | undefined;
  if (transcript?.timed && id) {
    const turns = transcript.turns.filter((t) => t.text !== '');
    const cues: VttWriteCue[] = [];
    const last = duration !== undefined ? duration * 1000 : OPEN_END * 1000;
    let later = 0;
    for (const [i, t] of turns.entries()) {
      const start = t.start!;
      const end = t.end ?? (() => {
        // The next turn that starts later (turns in the same second share their end).
        later = Math.max(later, i + 1);
        while (later < turns.length && turns[later].start! <= start) later++;
        return later < turns.length ? turns[later].start! : last;
      })();
      if (duration !== undefined && (start >= duration * 1000 || end > duration * 1000)) {
        problems.push({ line: t.line, column: t.column, field: 'transcript', message: `the turn at ${formatTimestamp(Math.floor(start / 1000))} ${start >= duration * 1000 ? 'starts' : 'ends'} after the recording ends (--duration ${formatTimestamp(duration)})`, fix: 'check the time and the duration against the recording' });
        continue;
      }
      const person = t.speaker === undefined ? undefined : resolved.byLabel.get(t.speaker);
      const voice = person?.name ?? t.speaker;
      cues.push({ start, end, text: t.text, ...(voice !== undefined ? { voice } : {}) });
    }
    vtt = writeWebVtt(cues);
  }

  problems.sort((a, b) => (a.line === 0 ? 1 : 0) - (b.line === 0 ? 1 : 0) || a.line - b.line || a.column - b.column);

  summary.push(...describe(reading, { title, id, recordings, people, topics: Array.isArray(values.topics) ? `${values.topics.join(', ')} (given)` : topics.length ? `${topics.join(', ')} (suggested)` : 'none', evidence, vtt: vtt !== undefined }));
  if (!id) return { reading, files: [], problems, summary };

  const talkValues: Record<string, unknown> = {
    ...(reading.series ? { series: reading.series.text } : {}),
    ...(reading.episode ? { episode: reading.episode.number } : {}),
    ...(reading.date ? { date: reading.date.iso } : {}),
    duration: 'unknown',
    evidence,
    ...(recordings.length ? { recordings } : {}),
    ...(people.length ? { people: people.map((p) => ({ person: p.id, role: p.role })) } : {}),
    ...(reading.chapters.length ? { chapters: reading.chapters.map((c) => ({ at: formatTimestamp(c.at), title: reading.ourWords ? c.title : publisherTitle(c.title) })) } : {}),
    ...(reading.segments.length && !reading.chapters.length ? { segments: reading.segments.map((s) => ({ title: publisherTitle(s.title), length: s.length })) } : {}),
    ...(topics.length ? { topics } : {}),
    ...values,
  };
  const newPeople = people.filter((p) => p.isNew);
  const known: KnownIds = { ...opts.known, talk: [...(opts.known.talk ?? []), id].sort(), person: [...(opts.known.person ?? []), ...newPeople.map((p) => p.id)].sort() };
  const notes: Record<string, string[]> = {
    series: reading.series || values.series !== undefined ? [] : ['The input does not name the series: write the show or event.'],
    duration: values.duration !== undefined ? [] : ['The input does not give the recording\'s length: write it (m:ss or h:mm:ss) once known.'],
    evidence: values.evidence !== undefined ? [] : [
      transcript?.timed
        ? `Imported: a transcript with a time at each turn (${lineRange(transcript.lines)} of the input), written to ${TYPE_INFO.talk.folder}/${id}.vtt. Write "recording" if you check what entries cite against the recording itself.`
        : transcript
          ? `Imported: a transcript without times (${lineRange(transcript.lines)} of the input); WebVTT needs times, so no transcript file is written.`
          : 'Imported: the publisher\'s chapter list and description only. Write "recording" if you check what entries cite against the recording itself.',
    ],
    people: [`Matched by name or profile link to content/people/${newPeople.length ? `; new: ${newPeople.map((p) => p.id).join(', ')} (skeletons written beside this talk)` : ''}. Roles are as the page gives them: check them.`],
    chapters: reading.ourWords ? ['The chapter list of the site\'s own export, titles as they were written here.'] : reading.chapters.length ? [`The publisher's chapter list (${lineRange(reading.chapters.map((c) => c.line))} of the input), titles as published; those quoting someone or running to ${COPY_RUN_WORDS} words or more are placeholders to say in our words. Fix transcription slips.`] : [],
    segments: reading.segments.length ? [`The publisher's segments with their lengths (${lineRange(reading.segments.map((s) => s.line))} of the input); no start times are given, so none are written.`] : [],
    topics: values.topics === undefined && topics.length ? ['Suggested: topics whose name or alias occurs in the title, chapter titles or tags. Keep those that fit, add others.'] : [],
  };
  const publisher = reading.summary ? ` The publisher's summary, their words and not ours, to rewrite and then delete: “${markdownText(reading.summary.text)}”` : '';
  const talk = scaffold({ type: 'talk', title: title ?? `${TODO}: the talk's title`, id, today: opts.today, values: talkValues, known, notes, body: bodyPrompt('talk', id) + publisher });
  const files: ImportFile[] = [{ path: talk.file, text: talk.text }];
  if (vtt !== undefined) files.push({ path: `${TYPE_INFO.talk.folder}/${id}.vtt`, text: vtt });
  for (const p of newPeople) files.push(personSkeleton(p, id, reading.date?.iso, opts.today, known));
  return { reading, id, files, problems, summary };
}

function parseDuration(text: string): number | undefined {
  const parts = text.split(':').map(Number);
  return parts.some((n) => !Number.isInteger(n)) ? undefined : parts.reduce((a, n) => a * 60 + n, 0);
}

function personSkeleton(p: TalkPerson, talkId: string, date: string | undefined, today: string, known: KnownIds): ImportFile {
  const best = [...p.mentions].sort((a, b) => RANK_ORDER.indexOf(a.source) - RANK_ORDER.indexOf(b.source))[0];
  const headline = p.mentions.find((m) => m.headline)?.headline;
  const link = p.mentions.find((m) => m.link)?.link;
  const affiliations = headline ? affiliationsOf(headline).map((a) => ({ ...a, ...(date ? { asOf: date } : {}), source: `talk:${talkId}` })) : [];
  const values: Record<string, unknown> = {
    ...(affiliations.length ? { affiliations } : {}),
    ...(link ? { links: [{ label: linkLabel(link), url: link }] } : {}),
    sources: [{ ref: `talk:${talkId}`, locator: LOCATOR[best?.source ?? 'transcript'] }],
  };
  const notes = { affiliations: headline ? [`As the input states it: "${headline}".`] : [] };
  const s = scaffold({ type: 'person', title: p.name, id: p.id, today, values, known, notes });
  return { path: s.file, text: s.text };
}

/** Mention sources from the one that says most about a person to the least. */
const RANK_ORDER: MentionSource[] = ['speaker list', 'guest list', 'host list', 'speaker bio', 'title', 'profile link', 'transcript'];

function describe(
  reading: Reading,
  w: { title?: string; id?: string; recordings: Array<{ url: string }>; people: TalkPerson[]; topics: string; evidence: string; vtt: boolean },
): string[] {
  const at = (x?: { line: number }) => (x ? ` (line ${x.line})` : '');
  const out = [`Read ${reading.format}:`];
  out.push(`  title       ${w.title ?? 'none'}${at(reading.title)}`);
  if (reading.series || reading.episode) out.push(`  series      ${reading.series?.text ?? '(not named)'}${reading.episode ? `, episode ${reading.episode.number}` : ''}${at(reading.series ?? reading.episode)}`);
  if (reading.date) out.push(`  date        ${reading.date.iso}${at(reading.date)}`);
  out.push(`  recordings  ${w.recordings.length ? w.recordings.map((r) => r.url).join(', ') : 'none'}`);
  out.push(`  people      ${w.people.length ? w.people.map((p) => `${p.id} (${p.role}${p.isNew ? ', new' : ''})`).join(', ') : 'none'}`);
  if (reading.chapters.length) out.push(`  chapters    ${reading.chapters.length}, ${formatTimestamp(reading.chapters[0].at)} to ${formatTimestamp(reading.chapters.at(-1)!.at)}`);
  if (reading.segments.length) out.push(`  segments    ${reading.segments.length}, lengths ${reading.segments.map((s) => s.length).join(', ')}`);
  const t = reading.transcript;
  if (t) out.push(`  transcript  ${plural(t.turns.length, t.timed ? 'timed turn' : 'turn')}${t.timed ? '' : ' without times'}, speakers ${[...new Set(t.turns.flatMap((x) => (x.speaker ? [x.speaker] : [])))].join(', ') || 'not named'}${w.vtt ? `; transcript file talks/${w.id}.vtt` : ''}`);
  out.push(`  evidence    ${w.evidence}`);
  out.push(`  topics      ${w.topics}`);
  for (const n of reading.notes) out.push(`  note        ${n}`);
  return out;
}
