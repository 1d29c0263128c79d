/**
 * Timestamps in talks. This module is the one place the rules live; the
 * schemas, the validator, the pages and CONTRIBUTING.md all defer to it.
 *
 * Rules (also printed in CONTRIBUTING.md from `TIMESTAMP_RULES`):
 * - Written `m:ss`, `mm:ss` or `h:mm:ss`; stored as whole seconds.
 * - Minutes and seconds run 00-59; seconds always have two digits.
 * - Hours appear only when the time is an hour or more (`1:02:03`, not `0:07:57`).
 * - A chapter list starts at 0:00, strictly increases and every chapter starts
 *   before the end of the talk.
 * - A cited moment falls inside the talk: at or after 0:00 and before its end.
 */
import { quote } from './quote.ts';

export const TIMESTAMP_RULES = [
  'Write a time as `m:ss`, `mm:ss` or `h:mm:ss` (for example `7:57`, `07:57` or `1:02:03`); it is stored as seconds.',
  'Minutes and seconds run from 00 to 59, and seconds always have two digits.',
  'Use hours only when the time is an hour or more: `1:02:03`, never `0:07:57`.',
  'A talk\'s chapter list starts at `0:00`, each chapter starts after the one before, and every chapter starts before the talk ends.',
  'A cited moment (`talk:<id>@<time>`) must fall inside the talk: before its duration ends.',
] as const;

export type TimestampResult = { ok: true; seconds: number } | { ok: false; reason: string };

const SHAPE = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$/;
export const TIMESTAMP_EXAMPLE = 'for example 7:57, 07:57 or 1:02:03';

/** Parses `m:ss`, `mm:ss` or `h:mm:ss` into seconds, or says what is wrong with it. */
export function parseTimestamp(text: string): TimestampResult {
  const m = SHAPE.exec(text.trim());
  if (!m) {
    return { ok: false, reason: `${quote(text)} is not a time: minutes, a colon, then two-digit seconds` };
  }
  const [, h, mm, ss] = m;
  const hours = h === undefined ? 0 : Number(h);
  const minutes = Number(mm);
  const seconds = Number(ss);
  if (seconds > 59) return { ok: false, reason: `${quote(text)} has ${seconds} seconds; seconds run from 00 to 59` };
  if (minutes > 59) {
    const fix = formatClock(minutes * 60 + seconds + hours * 3600);
    return { ok: false, reason: `${quote(text)} has ${minutes} minutes; minutes run from 00 to 59, so write ${fix}` };
  }
  if (h !== undefined) {
    if (hours === 0) return { ok: false, reason: `${quote(text)} has a zero hour; leave the hour out and write ${formatClock(minutes * 60 + seconds)}` };
    if (mm.length !== 2) return { ok: false, reason: `${quote(text)} needs two-digit minutes after the hour, as in ${formatClock(hours * 3600 + minutes * 60 + seconds)}` };
  }
  return { ok: true, seconds: hours * 3600 + minutes * 60 + seconds };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Formats seconds the way the site shows them: `07:57` under an hour, `1:02:03` from an hour on. */
export function formatClock(total: number): string {
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** The shortest valid way to write a time, as contributors do: `7:57`, `1:02:03`. */
export function formatTimestamp(total: number): string {
  return formatClock(total).replace(/^0(?=\d:)/, '');
}

/** The path segment of a moment permalink: `07-57`, `1-02-03`. */
export function clockSlug(total: number): string {
  return formatClock(total).replaceAll(':', '-');
}

/** The inverse of `clockSlug`, for routes and link checks; `undefined` when the segment is not one. */
export function parseClockSlug(slug: string): number | undefined {
  if (!/^(\d{1,2}-)?\d{2}-\d{2}$/.test(slug)) return undefined;
  const r = parseTimestamp(slug.replaceAll('-', ':'));
  return r.ok && clockSlug(r.seconds) === slug ? r.seconds : undefined;
}

/** ISO 8601 duration, as schema.org wants (`PT7M57S`). */
export function isoDuration(total: number): string {
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

/** WebVTT cue time: `hh:mm:ss.ttt`. */
export function vttTime(total: number): string {
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  return `${pad(h)}:${pad(m)}:${pad(total % 60)}.000`;
}

export interface ChapterProblem {
  /** Index of the chapter the problem is about. */
  index: number;
  message: string;
}

/**
 * Checks a chapter list against the rules: it starts at 0:00, strictly
 * increases and, when the duration is known, every chapter starts before it.
 */
export function checkChapters(starts: readonly number[], duration: number | null): ChapterProblem[] {
  const problems: ChapterProblem[] = [];
  if (starts.length > 0 && starts[0] !== 0) {
    problems.push({ index: 0, message: `the first chapter starts at ${formatClock(starts[0])}; a chapter list starts at 0:00` });
  }
  for (let i = 1; i < starts.length; i++) {
    if (starts[i] <= starts[i - 1]) {
      problems.push({
        index: i,
        message: `chapter ${i + 1} starts at ${formatClock(starts[i])}, not after chapter ${i} at ${formatClock(starts[i - 1])}; chapters must be in order, each later than the one before`,
      });
    }
  }
  if (duration !== null) {
    starts.forEach((start, index) => {
      if (start >= duration) {
        problems.push({ index, message: `chapter ${index + 1} starts at ${formatClock(start)}, at or after the end of the talk (${formatClock(duration)})` });
      }
    });
  }
  return problems;
}

/** Why a moment does not fit its talk, or `undefined` when it does. */
export function checkMoment(at: number, duration: number | null): string | undefined {
  if (duration !== null && at >= duration) {
    return `${formatClock(at)} is beyond the end of the talk (${formatClock(duration)})`;
  }
  return undefined;
}

/** The index of the chapter a moment falls in (the last one starting at or before it), or -1. */
export function chapterAt(starts: readonly number[], at: number): number {
  let found = -1;
  for (let i = 0; i < starts.length && starts[i] <= at; i++) found = i;
  return found;
}
