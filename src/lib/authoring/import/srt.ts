/**
 * SubRip (.srt) captions: numbered blocks of `00:01:02,500 --> 00:01:04,000`
 * and text. The reader keeps each cue's line and reports every block it
 * cannot read, at its line.
 *
 * Our own code, not srt-parser-2 1.2.3 (the most used SRT parser on npm):
 * given three blocks whose second has `->` for `-->`, it returns two cues and
 * folds the broken block, number and timing included, into the first cue's
 * text without a word. An importer must say what it could not read.
 */
import type { VttProblem } from '../../content-model/webvtt.ts';

export interface SrtCue {
  /** 1-based line of the timing line. */
  line: number;
  /** Start and end in milliseconds. */
  start: number;
  end: number;
  /** The text lines joined by spaces, formatting tags (<i>, <font …>, {\an8}) removed. */
  text: string;
}

const TIME = /^(\d{1,2}):(\d{2}):(\d{2})[,.](\d{3})$/;
const TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+.*)?$/;
export const SRT_TIME_EXAMPLE = 'hh:mm:ss,ttt, like 00:01:02,500';

function srtTime(text: string): { ok: true; ms: number } | { ok: false; reason: string } {
  const m = TIME.exec(text);
  if (!m) return { ok: false, reason: `"${text}" is not an SRT time` };
  const [, h, mm, ss, ms] = m.map(Number);
  if (mm > 59) return { ok: false, reason: `"${text}" has ${mm} minutes; minutes run from 00 to 59` };
  if (ss > 59) return { ok: false, reason: `"${text}" has ${ss} seconds; seconds run from 00 to 59` };
  return { ok: true, ms: ((h * 60 + mm) * 60 + ss) * 1000 + ms };
}

/** True when the text looks like SRT: its first block is a number, then a timing line with a comma before the milliseconds. */
export function looksLikeSrt(text: string): boolean {
  return /^\s*\d+[ \t]*\r?\n\d{1,2}:\d{2}:\d{2},\d{3}[ \t]+-->/.test(text.replace(/^\ufeff/, ''));
}

/** Reads SRT captions. Never throws: what it cannot read is in `problems`. */
export function readSrt(input: string): { cues: SrtCue[]; problems: VttProblem[] } {
  const lines = input.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const cues: SrtCue[] = [];
  const problems: VttProblem[] = [];
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && lines[i].trim() === '') i++;
    if (i >= lines.length) break;
    const start = i;
    const block: string[] = [];
    while (i < lines.length && lines[i].trim() !== '') block.push(lines[i++]);
    let t = 0;
    if (/^\d+$/.test(block[0].trim())) t = 1;
    else if (!block[0].includes('-->')) {
      problems.push({ line: start + 1, column: 1, message: `"${block[0].slice(0, 40)}" is neither a cue number nor a timing`, fix: 'each cue is a number, a line "start --> end", then its text, and an empty line after it' });
      continue;
    }
    const timing = block[t];
    const line = start + t + 1;
    const m = timing === undefined ? null : TIMING.exec(timing.trim());
    if (!m) {
      problems.push({ line, column: 1, message: timing === undefined ? `cue ${block[0].trim()} has no timing line` : `"${timing.slice(0, 60)}" is not a cue timing`, fix: `write "start --> end", each time as ${SRT_TIME_EXAMPLE}` });
      continue;
    }
    const from = srtTime(m[1]);
    const to = srtTime(m[2]);
    const column = timing.indexOf(m[2], m[1].length) + 1;
    if (!from.ok) problems.push({ line, column: timing.indexOf(m[1]) + 1, message: from.reason, fix: `write it as ${SRT_TIME_EXAMPLE}` });
    if (!to.ok) problems.push({ line, column, message: to.reason, fix: `write it as ${SRT_TIME_EXAMPLE}` });
    if (!from.ok || !to.ok) continue;
    if (to.ms <= from.ms) {
      problems.push({ line, column, message: `the cue ends at ${m[2]}, not after it starts (${m[1]})`, fix: 'check the times: a cue ends after it starts' });
      continue;
    }
    const previous = cues.at(-1);
    if (previous && from.ms < previous.start) {
      problems.push({ line, column: 1, message: `the cue starts at ${m[1]}, before the cue at line ${previous.line}`, fix: 'put the cues in the order they start' });
      continue;
    }
    const text = block
      .slice(t + 1)
      .join(' ')
      .replace(/<\/?(?:i|b|u|font)\b[^>]*>/gi, '')
      .replace(/\{\\[^}]*\}/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    cues.push({ line, start: from.ms, end: to.ms, text });
  }
  return { cues, problems };
}
