/**
 * WebVTT (https://www.w3.org/TR/webvtt1/), the form a talk's transcript takes
 * (content/talks/<id>.vtt) and one of the caption formats the importer reads:
 * a reader that keeps the line and column of every cue and of every problem,
 * and a writer whose output no text can break out of.
 *
 * Our own code, not webvtt-parser 2.2.0 (the W3C validator's parser, the
 * obvious candidate): it gives cues no line numbers, reports a bad tag in cue
 * text on the line after the cue (tried: a tag on line 4 is reported at line 5),
 * and its serializer writes a voice annotation unescaped (`A>B` ends the tag
 * early). A transcript check must point at the cue, and the writer must be
 * safe with any speaker name, so the ~200 lines here replace it.
 *
 * Times are whole milliseconds. The reader is strict where the syntax is
 * (every problem is reported, and a cue that cannot be read is skipped) and
 * follows the specification's parser elsewhere: header lines after `WEBVTT`
 * (YouTube writes `Kind:` and `Language:` there), NOTE, STYLE and REGION
 * blocks, and cue settings are read past.
 */

export interface VttSpan {
  /** The speaker named by the `<v Name>` span this text is in, if any. */
  voice?: string;
  /** Where that `<v …>` tag starts (1-based), so a check of the name can point at it. */
  voiceAt?: { line: number; column: number };
  text: string;
}

export interface VttCue {
  /** 1-based line of the cue's timing line. */
  line: number;
  /** The cue identifier, when the cue has one. */
  id?: string;
  /** Start and end, in milliseconds. */
  start: number;
  end: number;
  /** The cue text in runs of one voice (or none), tags removed and character references decoded; whitespace collapsed. */
  spans: VttSpan[];
}

export interface VttProblem {
  line: number;
  column: number;
  message: string;
  fix: string;
}

export interface VttFile {
  /** What follows `WEBVTT` on the first line, trimmed (often a title). */
  header: string;
  cues: VttCue[];
  problems: VttProblem[];
}

/** A cue to write: one speaker at most, as transcripts have. */
export interface VttWriteCue {
  start: number;
  end: number;
  voice?: string;
  text: string;
}

const SIGNATURE = /^WEBVTT(?:[ \t]|$)/;
const TIMESTAMP = /^(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})$/;
const TIMING = /^(\S+)([ \t]+)-->([ \t]+)(\S+)/;
/** The tags cue text may hold; anything else is reported. */
const TAGS = new Set(['c', 'i', 'b', 'u', 'v', 'lang', 'ruby', 'rt']);
/** A character reference at a given position (sticky, so reading one costs nothing per character before it). */
const REFERENCE = /&([a-z0-9#]+);/iy;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

export const VTT_TIME_EXAMPLE = 'hh:mm:ss.ttt or mm:ss.ttt, like 00:01:02.500';

/** Reads a WebVTT time (`01:02:03.500` or `02:03.500`) into milliseconds, or says why it is not one. */
export function parseVttTime(text: string): { ok: true; ms: number } | { ok: false; reason: string } {
  const m = TIMESTAMP.exec(text);
  if (!m) return { ok: false, reason: `"${text}" is not a WebVTT time` };
  const [, h, mm, ss, ms] = m;
  if (Number(mm) > 59) return { ok: false, reason: `"${text}" has ${Number(mm)} minutes; minutes run from 00 to 59` };
  if (Number(ss) > 59) return { ok: false, reason: `"${text}" has ${Number(ss)} seconds; seconds run from 00 to 59` };
  return { ok: true, ms: ((Number(h ?? 0) * 60 + Number(mm)) * 60 + Number(ss)) * 1000 + Number(ms) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Milliseconds as a WebVTT time, always with hours: `00:07:57.000`. */
export function formatVttTime(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0) throw new Error(`formatVttTime: ${ms} is not a time in milliseconds`);
  const s = Math.floor(ms / 1000);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}.${pad(ms % 1000, 3)}`;
}

/** Decodes one character reference (`amp`, `#38`, `#x26`), or undefined when it is not one. */
function decodeReference(name: string): string | undefined {
  const num = /^#(?:x([0-9a-f]+)|([0-9]+))$/i.exec(name);
  if (num) {
    const code = num[1] !== undefined ? parseInt(num[1], 16) : Number(num[2]);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  }
  return ENTITIES[name];
}

/** Splits cue text into runs of one voice, reporting tags that are not WebVTT's. */
function readCueText(lines: readonly string[], firstLine: number, problems: VttProblem[]): VttSpan[] {
  const spans: VttSpan[] = [];
  let voice: string | undefined;
  let voiceAt: VttSpan['voiceAt'];
  let text = '';
  const flush = () => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t) {
      const last = spans.at(-1);
      if (last && last.voice === voice) last.text = `${last.text} ${t}`;
      else spans.push(voice === undefined ? { text: t } : { voice, voiceAt, text: t });
    }
    text = '';
  };
  lines.forEach((raw, i) => {
    const line = firstLine + i;
    if (i > 0) text += ' ';
    let pos = 0;
    while (pos < raw.length) {
      const c = raw[pos];
      if (c === '<') {
        const close = raw.indexOf('>', pos);
        const tag = close === -1 ? raw.slice(pos + 1) : raw.slice(pos + 1, close);
        const at = pos;
        pos = close === -1 ? raw.length : close + 1;
        if (/^\d/.test(tag)) continue; // a timestamp inside the cue (karaoke-style captions)
        const end = tag.startsWith('/');
        const name = /^\/?([^\s.>]*)/.exec(tag)![1];
        if (!TAGS.has(name)) {
          problems.push({ line, column: at + 1, message: `<${tag}> is not a WebVTT tag`, fix: 'cue text may use <v Speaker>, <c>, <i>, <b>, <u>, <lang>, <ruby> and <rt>; write a literal "<" as &lt;' });
          continue;
        }
        if (name !== 'v') continue;
        flush();
        if (end) {
          voice = undefined;
          continue;
        }
        const annotation = tag.replace(/^v(?:\.[^\s]*)?/, '').replace(/&([a-z0-9#]+);/gi, (m, r: string) => decodeReference(r) ?? m).replace(/\s+/g, ' ').trim();
        if (!annotation) {
          problems.push({ line, column: at + 1, message: '<v> names no speaker', fix: 'write the speaker after the v: <v Donna Schut>' });
          voice = undefined;
        } else {
          voice = annotation;
          voiceAt = { line, column: at + 1 };
        }
        continue;
      }
      if (c === '&') {
        REFERENCE.lastIndex = pos;
        const m = REFERENCE.exec(raw);
        const decoded = m ? decodeReference(m[1]) : undefined;
        if (m && decoded !== undefined) {
          text += decoded;
          pos += m[0].length;
          continue;
        }
      }
      text += c;
      pos++;
    }
  });
  flush();
  return spans;
}

/** Reads a WebVTT file. Never throws: what it cannot read is in `problems`, with its line and column. */
export function readWebVtt(input: string): VttFile {
  const lines = input.replace(/^\ufeff/, '').replace(/\0/g, '\ufffd').split(/\r\n|\r|\n/);
  const problems: VttProblem[] = [];
  const cues: VttCue[] = [];
  if (!SIGNATURE.test(lines[0])) {
    problems.push({ line: 1, column: 1, message: 'the file does not start with WEBVTT', fix: 'make the first line WEBVTT (optionally followed by a space and a title)' });
    return { header: '', cues, problems };
  }
  const header = lines[0].slice(6).trim();
  let i = 1;
  // Header lines (YouTube's Kind: and Language:) run to the first blank line.
  while (i < lines.length && lines[i].trim() !== '') {
    if (lines[i].includes('-->')) {
      problems.push({ line: i + 1, column: 1, message: 'a cue starts before the blank line that ends the header', fix: `add an empty line before line ${i + 1}` });
      break;
    }
    i++;
  }
  while (i < lines.length) {
    while (i < lines.length && lines[i].trim() === '') i++;
    if (i >= lines.length) break;
    const start = i;
    const block: string[] = [];
    while (i < lines.length && lines[i].trim() !== '') {
      // A timing line inside a block starts a new cue: the blank line before it is missing.
      if (lines[i].includes('-->') && block.some((l) => l.includes('-->'))) {
        problems.push({ line: i + 1, column: 1, message: 'a blank line is missing before this cue', fix: `add an empty line before line ${i + 1}` });
        break;
      }
      block.push(lines[i]);
      i++;
    }
    const first = block[0];
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first) && !first.includes('-->')) {
      const kind = first.split(/[ \t]/)[0];
      if (kind !== 'NOTE' && cues.length > 0) problems.push({ line: start + 1, column: 1, message: `a ${kind} block comes after the first cue`, fix: `move it before the first cue` });
      const inner = block.findIndex((l) => l.includes('-->'));
      if (inner !== -1) problems.push({ line: start + inner + 1, column: 1, message: `a ${kind} block holds a cue timing ("-->")`, fix: `end the ${kind} block with an empty line before the cue` });
      continue;
    }
    let t = 0;
    let id: string | undefined;
    if (!first.includes('-->')) {
      id = first;
      t = 1;
      if (block.length < 2 || !block[1].includes('-->')) {
        problems.push({ line: start + 1, column: 1, message: `"${first.slice(0, 40)}" is neither a cue timing nor followed by one`, fix: 'a cue is an optional identifier line, then "start --> end", then its text; text belongs under a timing line' });
        continue;
      }
    }
    const timingLine = start + t + 1;
    const timing = block[t];
    const m = TIMING.exec(timing);
    if (!m) {
      problems.push({ line: timingLine, column: 1, message: `"${timing.slice(0, 60)}" is not a cue timing`, fix: `write "start --> end", each time as ${VTT_TIME_EXAMPLE}, with a space each side of -->` });
      continue;
    }
    const times: number[] = [];
    const cols = [1, m[1].length + m[2].length + 3 + m[3].length + 1];
    for (const [k, text] of [m[1], m[4]].entries()) {
      const r = parseVttTime(text);
      if (r.ok) times.push(r.ms);
      else problems.push({ line: timingLine, column: cols[k], message: r.reason, fix: `write it as ${VTT_TIME_EXAMPLE}` });
    }
    if (times.length < 2) continue;
    const [from, to] = times;
    if (to <= from) {
      problems.push({ line: timingLine, column: cols[1], message: `the cue ends at ${formatVttTime(to)}, not after it starts (${formatVttTime(from)})`, fix: 'check the times: a cue ends after it starts' });
      continue;
    }
    const previous = cues.at(-1);
    if (previous && from < previous.start) {
      problems.push({ line: timingLine, column: 1, message: `the cue starts at ${formatVttTime(from)}, before the cue at line ${previous.line} (${formatVttTime(previous.start)})`, fix: 'put the cues in the order they start' });
      continue;
    }
    const spans = readCueText(block.slice(t + 1), timingLine + 1, problems);
    cues.push(id === undefined ? { line: timingLine, start: from, end: to, spans } : { line: timingLine, id, start: from, end: to, spans });
  }
  return { header, cues, problems };
}

/** Cue text or a voice annotation as WebVTT writes it: one line, `&`, `<` and `>` escaped, so no text can end the cue, open a tag or write "-->". */
export function escapeVttText(text: string): string {
  return text
    .replace(/\0/g, '\ufffd')
    .replace(/[\s\u2028\u2029]+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * A WebVTT file of the cues, in order, each with at most one voice. No cue
 * identifiers and no NOTE or STYLE blocks are written, so nothing in the
 * cues can become one.
 */
export function writeWebVtt(cues: readonly VttWriteCue[]): string {
  const out = ['WEBVTT', ''];
  for (const cue of cues) {
    if (cue.end <= cue.start) throw new Error(`writeWebVtt: a cue at ${formatVttTime(cue.start)} ends at ${formatVttTime(cue.end)}`);
    const voice = cue.voice === undefined ? '' : escapeVttText(cue.voice);
    out.push(`${formatVttTime(cue.start)} --> ${formatVttTime(cue.end)}`, `${voice ? `<v ${voice}>` : ''}${escapeVttText(cue.text)}`, '');
  }
  return out.join('\n');
}
