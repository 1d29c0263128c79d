/**
 * What the importer reads out of pasted text, whatever its format: the facts
 * a talk entry needs, each with the input line it came from, and the problems
 * (what it could not read, where and why). The readers (page.ts,
 * chapters-json.ts, captions.ts) fill it in; talk-entry.ts turns it into files.
 */
import type { PERSON_ROLES } from '../../content-model/schemas/talk.ts';
import { formatTimestamp } from '../../content-model/timestamps.ts';

/** Something the importer could not read: where (line 0 is the input as a whole), what and how to fix it. */
export interface ImportProblem {
  line: number;
  column: number;
  /** What the text was being read as: chapters, date, transcript, people… */
  field: string;
  message: string;
  fix: string;
}

export type Role = (typeof PERSON_ROLES)[number];

/** Where on the page a person is named; decides their role and what their skeleton cites. */
export type MentionSource = 'title' | 'host list' | 'guest list' | 'speaker list' | 'profile link' | 'speaker bio' | 'transcript';

/** A person named in the input. */
export interface Mention {
  name: string;
  line: number;
  column: number;
  source: MentionSource;
  /** Their part, when the page says it. */
  role?: Role;
  /** Role and organisation as the page states them: `Solutions Manager @ Google Cloud`. */
  headline?: string;
  /** A profile link given with the name. */
  link?: string;
}

export interface Chapter {
  /** Seconds. */
  at: number;
  title: string;
  line: number;
}

export interface Segment {
  title: string;
  /** m:ss, as the schema writes lengths. */
  length: string;
  line: number;
}

/** One speaker turn or caption cue. */
export interface Turn {
  /** Milliseconds; undefined in a transcript without times. */
  start?: number;
  /** Milliseconds, when the input gives the end (captions do; turns end where the next begins). */
  end?: number;
  /** The speaker as the input labels them: a full name, a first name, a voice tag. */
  speaker?: string;
  text: string;
  line: number;
  column: number;
}

export interface Transcript {
  timed: boolean;
  turns: Turn[];
  /** The input lines it spans. */
  lines: [number, number];
}

export interface Recording {
  kind: 'video' | 'audio' | 'page';
  url: string;
  line: number;
}

export interface Reading {
  /** What the input was recognised as, for the report: "an episode page", "WebVTT captions"… */
  format: string;
  title?: { text: string; line: number };
  date?: { iso: string; line: number };
  series?: { text: string; line: number };
  episode?: { number: number; line: number };
  recordings: Recording[];
  mentions: Mention[];
  chapters: Chapter[];
  segments: Segment[];
  /** The publisher's summary (abstract, description), as plain text. */
  summary?: { text: string; line: number };
  /** Tags the page gives (`# Vertex AI`), for suggesting topics. */
  tags: string[];
  transcript?: Transcript;
  /** True when the input is the site's own chapter export (/talks/<id>/chapters.json or .vtt): its titles are already in our words. */
  ourWords?: boolean;
  /** What was read past on purpose, for the report: "2 chapters marked toc: false (lines 9, 14)". */
  notes: string[];
  problems: ImportProblem[];
}

export function emptyReading(format: string): Reading {
  return { format, recordings: [], mentions: [], chapters: [], segments: [], tags: [], notes: [], problems: [] };
}

/**
 * A time as publishers write it in show notes (`0:12`, `02:56`, `1:02:03`,
 * `00:07:57`, and `75:30` for an hour and a quarter), in seconds; or why not.
 * More forgiving than the schema's timestamps, which the importer writes.
 */
export function readClock(text: string): { ok: true; seconds: number } | { ok: false; reason: string } {
  const m = /^(?:(\d{1,2}):)?(\d{1,3}):(\d{2})$/.exec(text);
  if (!m) return { ok: false, reason: `"${text}" is not a time` };
  const [h, mm, ss] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (ss > 59) return { ok: false, reason: `"${text}" has ${ss} seconds; seconds run from 00 to 59` };
  if (m[1] !== undefined && mm > 59) return { ok: false, reason: `"${text}" has ${mm} minutes after the hour; minutes run from 00 to 59` };
  return { ok: true, seconds: h * 3600 + mm * 60 + ss };
}

/**
 * Checks a chapter list as the schema will (from 0:00, strictly increasing),
 * in the input's terms: which line, and the line before it. Never moves or
 * invents a time; the fix says what to do instead.
 */
export function checkChapterOrder(chapters: readonly Chapter[], field = 'chapters'): ImportProblem[] {
  const problems: ImportProblem[] = [];
  if (chapters.length > 0 && chapters[0].at !== 0) {
    problems.push({ line: chapters[0].line, column: 1, field, message: `the first chapter starts at ${formatTimestamp(chapters[0].at)}; a chapter list starts at 0:00`, fix: 'add the chapter that starts at 0:00 (its title from the recording), or pass --force to import the list as it is and fix it in the entry' });
  }
  for (let i = 1; i < chapters.length; i++) {
    const [before, c] = [chapters[i - 1], chapters[i]];
    if (c.at <= before.at) {
      problems.push({ line: c.line, column: 1, field, message: `the chapter at ${formatTimestamp(c.at)} does not come after the one at ${formatTimestamp(before.at)} (line ${before.line})`, fix: 'check both times against the recording; chapters must be in order, each later than the one before' });
    }
  }
  return problems;
}
