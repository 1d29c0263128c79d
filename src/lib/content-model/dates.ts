/**
 * Calendar dates. A date is a string, never a JavaScript Date: YAML 1.1
 * parsers turn `2024-02-30` into 1 March, and a knowledge base must say the
 * date is impossible instead.
 */
import { quote } from './quote.ts';

export type DateResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A date known to the day, the year-month or the year: `2021-01-27`, `2021-01`, `2021`. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  /** The text as written, normalised: `2021`, `2021-01` or `2021-01-27`. */
  iso: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses a date written to the day, month or year; impossible days are errors. */
export function parsePartialDate(text: string): DateResult<PartialDate> {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return { ok: false, reason: `${quote(text)} is not a date; write YYYY-MM-DD (or YYYY-MM, or YYYY when only the year is known)` };
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return { ok: false, reason: `${quote(text)} has month ${m[2]}; months run from 01 to 12` };
  if (month !== undefined && day !== undefined) {
    const max = daysIn(year, month);
    if (day < 1 || day > max) {
      return { ok: false, reason: `${quote(text)} is not a real date: ${MONTHS[month - 1]} ${year} has ${max} days` };
    }
  }
  return { ok: true, value: { year, month, day, iso: text } };
}

/** Parses a date that must be known to the day. */
export function parseFullDate(text: string): DateResult<string> {
  const r = parsePartialDate(text);
  if (!r.ok) return r;
  if (r.value.day === undefined) return { ok: false, reason: `${quote(text)} needs a day; write YYYY-MM-DD` };
  return { ok: true, value: r.value.iso };
}

/** Sort key that puts a partial date at the start of its period. */
export function dateSortKey(d: PartialDate | string | undefined): string {
  if (d === undefined) return '';
  return typeof d === 'string' ? d : d.iso;
}

/** Human form: `27 January 2021`, `January 2021`, `2021`. */
export function formatDate(d: PartialDate | string): string {
  const p = typeof d === 'string' ? parsePartialDate(d) : ({ ok: true, value: d } as const);
  if (!p.ok) throw new Error(`formatDate: ${p.reason}`);
  const { year, month, day } = p.value;
  if (month === undefined) return String(year);
  if (day === undefined) return `${MONTHS[month - 1]} ${year}`;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}
