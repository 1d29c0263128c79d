/**
 * Reads a talk's published page as a browser copies it (or its show notes,
 * or a YouTube description): a line at a time, keeping each fact's line.
 * Pages differ, so the reader looks for what they share rather than for one
 * site's layout:
 *
 * - headings (`Timestamps:`, `// Abstract:`, `TRANSCRIPT`, `speakers`,
 *   `Today's Host`) decide what the lines under them are; `Watch More` and
 *   the like end the talk's part of the page (what follows is other talks);
 * - a title line `Title // Speaker // Series #32`, `Posted Apr 18, 2022`,
 *   `Connect with Name on LinkedIn: <url>`, `Name` over `Role @ Organisation`;
 * - chapters as `[02:56] Title` or `0:12 Title`, segments as a title over
 *   `01:44 MIN`;
 * - transcripts with a time at each turn (`0:07 Demetrios Yeah, …`, any
 *   number to a line) under a Transcript heading or several to a line, and
 *   transcripts without times (`Jon Prial: …` lines from two or more speakers).
 *
 * Lines it recognises none of (player controls, comments, menus) are read
 * past; lines it recognises but cannot read (a chapter at `[02:75]`, a date
 * that does not exist, turns whose times go back) are problems.
 */
import { parsePartialDate } from '../../content-model/dates.ts';
import { youtubeId } from '../../rendering/recording-links.ts';
import { JOB_WORD } from './people.ts';
import { emptyReading, readClock, checkChapterOrder, type ImportProblem, type Mention, type Reading, type Recording, type Role, type Transcript, type Turn } from './reading.ts';

type Section = 'summary' | 'bio' | 'chapters' | 'transcript' | 'hosts' | 'guests' | 'speakers' | 'connect' | 'end' | 'other';

const HEADINGS: Record<string, Section> = {};
const heading = (kind: Section, ...keys: string[]) => keys.forEach((k) => (HEADINGS[k] = kind));
heading('summary', 'abstract', 'summary', 'description', 'episode description', 'about', 'about this episode', 'about the talk', 'show notes', 'overview', 'talk abstract', 'episode summary');
heading('bio', 'bio', 'bios', 'speaker bio', 'speaker bios', 'about the speaker', 'about the speakers', 'guest bio');
heading('chapters', 'timestamps', 'time stamps', 'chapters', 'timeline', 'contents', 'table of contents');
heading('transcript', 'transcript', 'transcription', 'full transcript', 'episode transcript');
heading('speakers', 'speakers', 'speaker', 'panelists', 'presenters');
heading('hosts', "today's host", "today's hosts", 'host', 'hosts', 'hosted by');
heading('guests', "today's guest", "today's guests", 'guest', 'guests');
heading('connect', 'connect with us');
heading('end', 'watch more', 'up next', 'related', 'related videos', 'related episodes', 'more episodes', 'more from', 'you might also like', 'comments', 'recommended');

/** Page furniture that sits among the facts: avatars, "+ Read More", player speeds. */
const CHROME = /^(?:avatar|guest thumbnail|media thumbnail|thumbnail|\+ ?read more|read more|show more|show less|share|\||[•·].*|\d+(?:\.\d+)?x)$/i;

/** The words of a heading line, or undefined when the line is not one. */
function headingOf(line: string): Section | undefined {
  const t = line.trim();
  if (!t || t.length > 80 || /https?:\/\//.test(t)) return undefined;
  const key = t
    .replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, '')
    .replace(/^[\s/\-–—=*#:|]+|[\s/\-–—=*#:|]+$/g, '')
    .replace(/’/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase();
  if (HEADINGS[key]) return HEADINGS[key];
  const marked = t.startsWith('//') || t.endsWith(':') || /^[-–—=]{3,}|[-–—=]{3,}$/.test(t) || /^[A-Z][A-Z' ]{3,}$/.test(t);
  return marked && key !== '' && key.split(' ').length <= 6 ? 'other' : undefined;
}

const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}'’.-]*|\(\p{Lu}[\p{L}\p{M}'’.-]*\))`;
const PARTICLE = '(?:de|da|di|van|von|der|den|del|la|le|al|bin|ter)';
/** A person's name on a line of its own: two to five capitalised words ("D. Sculley", "Valliappa (Lak) Lakshmanan"). */
const NAME_LINE = new RegExp(`^${NAME_WORD}(?:\\s+(?:${NAME_WORD}|${PARTICLE})){1,4}$`, 'u');
/** A bio that opens with the person's full name: "Chip Huyen works to …". */
const BIO_OPENING = new RegExp(`^(${NAME_WORD}(?:\\s+${NAME_WORD}){1,3})\\s+(?:is|was|works|has|leads|helps|builds|joined|currently|serves)\\b`, 'u');
/** A role and organisation: `Role @ Org`, `Role at Org`, `|Role at Org`, `Org - Role`. */
const isHeadline = (t: string) => t.length <= 120 && !/[.!?]$/.test(t) && /\s@\s|^\||\sat\s|\s[-–—|]\s/.test(t);

/** `[02:56] Title`, `(0:12) Title`, `0:12 - Title`, `1:02:03 Title`. */
const CHAPTER_LINE = /^(\s*[[(]?)(\d{1,3}(?::\d{2})?:\d{2})([\])]?)(?:\s*[-–—|:]\s+|\s+)(\S.*)$/u;
/** A line holding only a time: a player's clock, not a chapter. */
const TIME_ONLY = /^\s*[[(]?\d{1,3}(?::\d{2}){1,2}[\])]?\s*$/;
/** A segment's length under its title: `01:44 MIN`. */
const SEGMENT_LENGTH = /^\s*(\d{1,3}:\d{2})\s*(?:MIN(?:UTES?|S)?|M)\.?\s*$/i;
/** A time that may start a speaker turn: followed by a capitalised word. */
const TURN_MARKER = /(?<=^|\s)[[(]?(\d{1,2}(?::\d{2})?:\d{2})[\])]?\s+(?=\p{Lu})/gu;
/** An untimed turn: `Jon Prial: Today, …`. */
const UNTIMED_TURN = new RegExp(`^\\s*(${NAME_WORD}(?:\\s+${NAME_WORD}){0,3})\\s*:\\s+(\\S.*)$`, 'u');
const DATE_LINE = /^\s*(?:Posted|Published(?: on)?|Premiered|Streamed live on|Recorded(?: on)?|Aired(?: on)?|Released(?: on)?|Date:)\s+([^|·•]+)/i;
const VIEWS_DATE = /\bviews?\s+(?:Streamed live on |Premiered )?((?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})|(?:\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}))\b/;
const CONNECT = /^\s*Connect with (.+?) on [A-Za-z]+\s*:\s*(https?:\/\/\S+)/i;
const URL_PATTERN = /https?:\/\/[^\s<>"'()[\]{}]+/g;
const EPISODE_TITLED = /^\s*This is a podcast episode titled,(.*?)\. The summary for this episode is:(.*)$/i;
const EPISODE_OF = /\bepisode of (?:the )?(\p{Lu}[\p{L}\p{N}'’&-]*(?:\s+\p{Lu}[\p{L}\p{N}'’&-]*)*)/u;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `Apr 18, 2022`, `April 18 2022`, `18 April 2022`, `2022-04-18` as YYYY-MM-DD; `undefined` when the text is no date; a reason when it is an impossible one. */
export function readLooseDate(text: string): { iso: string } | { reason: string } | undefined {
  const t = text.trim().replace(/\.$/, '');
  let y: string, m: number, d: string;
  let r = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(t);
  if (r) [y, m, d] = [r[3], MONTHS.indexOf(r[1].slice(0, 3).toLowerCase()) + 1, r[2]];
  else if ((r = /^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})$/.exec(t))) [y, m, d] = [r[3], MONTHS.indexOf(r[2].slice(0, 3).toLowerCase()) + 1, r[1]];
  else if ((r = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) [y, m, d] = [r[1], Number(r[2]), r[3]];
  else return undefined;
  if (m === 0) return undefined;
  const iso = `${y}-${String(m).padStart(2, '0')}-${d.padStart(2, '0')}`;
  const p = parsePartialDate(iso);
  return p.ok ? { iso } : { reason: p.reason.replace(`"${iso}"`, `"${text.trim()}"`) };
}

/** What kind of recording a link is, or undefined for a link that is not one (a channel, a profile, a paper). */
export function recordingKind(url: string): Recording['kind'] | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const host = u.hostname.replace(/^(?:www|m)\./, '');
  if (youtubeId(url)) return 'video';
  if (host === 'vimeo.com' && /^\/\d+/.test(u.pathname)) return 'video';
  if (/\.(?:mp4|webm|ogv|mov)$/i.test(u.pathname)) return 'video';
  if (/\.(?:mp3|m4a|ogg|oga|opus|wav|aac)$/i.test(u.pathname)) return 'audio';
  if ((host === 'anchor.fm' || host === 'podcasters.spotify.com') && u.pathname.includes('/episodes/')) return 'audio';
  if (host === 'open.spotify.com' && u.pathname.startsWith('/episode/')) return 'audio';
  if (host === 'podcasts.apple.com' && u.searchParams.has('i')) return 'audio';
  return undefined;
}

/** HTML as plain text: tags dropped, the common character references decoded. */
function htmlText(html: string): string {
  const refs: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#?\w+);/g, (m, r: string) => refs[r] ?? m)
    .replace(/\s+/g, ' ')
    .trim();
}

const normLabel = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

interface Line {
  n: number;
  text: string;
}

/**
 * Speaker turns with times, from the lines of a transcript: `0:07 Demetrios
 * Yeah, …`, one or many to a line. A time starts a turn when a speaker's name
 * follows it: a name the page or content/people/ knows, or the same words
 * after two or more times. Any other time is part of what was said.
 */
export function readTimedTurns(lines: readonly Line[], knownNames: readonly string[]): { turns: Turn[]; problems: ImportProblem[] } {
  const known = new Set(knownNames.map(normLabel));
  interface Marker {
    line: Line;
    index: number;
    time: string;
    after: number;
    labels: Array<{ text: string; end: number }>;
  }
  const markers: Marker[] = [];
  for (const line of lines) {
    for (const m of line.text.matchAll(TURN_MARKER)) {
      const after = m.index + m[0].length;
      const labels: Marker['labels'] = [];
      const words = /\S+/g;
      words.lastIndex = after;
      let text = '';
      for (let k = 0; k < 4; k++) {
        const w = words.exec(line.text);
        if (!w || !/^[\p{Lu}(][\p{L}\p{M}'’.()-]*:?$/u.test(w[0])) break;
        text = text ? `${text} ${w[0]}` : w[0];
        labels.push({ text: text.replace(/:$/, ''), end: w.index + w[0].length });
        if (w[0].endsWith(':')) break;
      }
      markers.push({ line, index: m.index, time: m[1], after, labels });
    }
  }
  const counts = new Map<string, number>();
  for (const mk of markers) for (const l of mk.labels) counts.set(normLabel(l.text), (counts.get(normLabel(l.text)) ?? 0) + 1);
  const chosen = markers.flatMap((mk) => {
    const byKnown = mk.labels.findLast((l) => known.has(normLabel(l.text)));
    const byRepeat = mk.labels.findLast((l) => (counts.get(normLabel(l.text)) ?? 0) >= 2);
    const label = byKnown ?? byRepeat;
    return label ? [{ ...mk, label }] : [];
  });
  if (chosen.length < 2) return { turns: [], problems: [] };
  const problems: ImportProblem[] = [];
  const turns: Turn[] = [];
  const lineIndex = new Map(lines.map((l, i) => [l.n, i]));
  let last: { ms: number; text: string; line: number } | undefined;
  chosen.forEach((mk, k) => {
    const next = chosen[k + 1];
    // The turn's words: the rest of its line, any lines before the next turn, and the start of the next turn's line.
    const from = lineIndex.get(mk.line.n)!;
    const to = next ? lineIndex.get(next.line.n)! : lines.length - 1;
    const parts: string[] = [];
    for (let i = from; i <= to; i++) {
      const t = lines[i].text;
      const start = i === from ? mk.label.end : 0;
      const end = next && i === to ? next.index : t.length;
      parts.push(t.slice(start, end));
    }
    const text = parts.join(' ').replace(/^\s*:/, '').replace(/\s+/g, ' ').trim();
    const column = mk.index + 1 + (/^[[(]/.test(mk.line.text.slice(mk.index)) ? 1 : 0);
    const clock = readClock(mk.time);
    if (!clock.ok) {
      problems.push({ line: mk.line.n, column, field: 'transcript', message: `the turn of ${mk.label.text}: ${clock.reason}`, fix: 'correct the time from the recording' });
      return;
    }
    const ms = clock.seconds * 1000;
    if (last && ms < last.ms) {
      problems.push({ line: mk.line.n, column, field: 'transcript', message: `the turn of ${mk.label.text} at ${mk.time} comes after a turn at ${last.text} (line ${last.line}); times in a transcript do not go back`, fix: 'correct the time from the recording, or pass --force to leave this turn out' });
      return;
    }
    last = { ms, text: mk.time, line: mk.line.n };
    turns.push({ start: ms, speaker: mk.label.text, text, line: mk.line.n, column });
  });
  return { turns, problems };
}

/** Reads a pasted page. `knownNames`: the names (and first names) of people in content/people/, to recognise transcript speakers by. */
export function readPage(input: string, knownNames: readonly string[] = []): Reading {
  const r = emptyReading('an episode page or show notes');
  // Separators a line can hide (U+2028, U+2029, NEL) and non-breaking spaces read as spaces, a NUL as U+FFFD: one character each, so columns hold.
  const lines = input.split(/\r\n|\r|\n/).map((t) => t.replace(/[\u00a0\u2028\u2029\u0085]/g, ' ').replace(/\0/g, '\ufffd'));
  const sections: Section[] = [];
  const isHeading: boolean[] = [];
  let current: Section = 'other';
  for (const [i, t] of lines.entries()) {
    const h: Section | undefined = current === 'end' ? undefined : headingOf(t);
    // A chapter line can end with ":" and still be a chapter.
    if (h && !CHAPTER_LINE.test(t)) {
      current = h;
      isHeading[i] = true;
    }
    sections[i] = current;
  }
  const used = new Set<number>();
  const problems = r.problems;
  const untimed: Array<{ label: string; text: string; i: number }> = [];
  const timedLines: Line[] = [];
  const summaryLines: number[] = [];
  let inlineSummary: { text: string; line: number } | undefined;
  let pendingPerson: Mention | undefined;
  let bioHeadline: string | undefined;
  let dateLine: number | undefined;

  for (const [i, t] of lines.entries()) {
    const n = i + 1;
    const s = sections[i];
    if (s === 'end') break;
    if (isHeading[i]) {
      pendingPerson = undefined;
      bioHeadline = undefined;
      continue;
    }
    const trimmed = t.trim();
    if (!trimmed) continue;
    for (const m of t.matchAll(URL_PATTERN)) {
      const url = m[0].replace(/[.,;:!?]+$/, '');
      const kind = recordingKind(url);
      if (kind && !r.recordings.some((x) => x.url === url)) r.recordings.push({ kind, url, line: n });
    }
    const markers = [...t.matchAll(TURN_MARKER)].length;
    if ((s === 'transcript' || markers >= 2) && !CHROME.test(trimmed) && !/^https?:\/\/\S+$/.test(trimmed)) {
      timedLines.push({ n, text: t });
      const u = UNTIMED_TURN.exec(t);
      if (u && markers === 0) untimed.push({ label: u[1], text: u[2], i });
      continue;
    }
    if (CHROME.test(trimmed)) continue;
    const seg = SEGMENT_LENGTH.exec(t);
    if (seg) {
      let p = i - 1;
      while (p >= 0 && !lines[p].trim()) p--;
      const clock = readClock(seg[1]);
      if (p < 0 || used.has(p) || isHeading[p]) problems.push({ line: n, column: 1, field: 'segments', message: `the length ${seg[1]} follows no segment title`, fix: 'put the segment\'s title on the line above its length' });
      else if (!clock.ok) problems.push({ line: n, column: t.indexOf(seg[1]) + 1, field: 'segments', message: clock.reason, fix: 'correct the length from the recording' });
      else {
        used.add(p).add(i);
        const at = clock.seconds;
        r.segments.push({ title: lines[p].trim(), length: `${Math.floor(at / 60)}:${String(at % 60).padStart(2, '0')}`, line: p + 1 });
      }
      continue;
    }
    if (TIME_ONLY.test(t)) continue;
    const ch = CHAPTER_LINE.exec(t);
    if (ch && /\p{L}/u.test(ch[4])) {
      used.add(i);
      const clock = readClock(ch[2]);
      if (!clock.ok) problems.push({ line: n, column: ch[1].length + 1, field: 'chapters', message: clock.reason, fix: 'correct the time from the recording, or delete the line' });
      else r.chapters.push({ at: clock.seconds, title: ch[4].trim(), line: n });
      continue;
    }
    if (r.date === undefined && dateLine === undefined) {
      const dm = DATE_LINE.exec(t) ?? VIEWS_DATE.exec(t);
      const d = dm ? readLooseDate(dm[1].trim()) : undefined;
      if (d && 'iso' in d) {
        r.date = { iso: d.iso, line: n };
        dateLine = i;
        used.add(i);
        continue;
      }
      if (d) {
        dateLine = i;
        used.add(i);
        problems.push({ line: n, column: t.indexOf(dm![1].trim()) + 1, field: 'date', message: d.reason, fix: 'correct the date, or delete the line and pass --date YYYY-MM-DD' });
        continue;
      }
    }
    const connect = CONNECT.exec(t);
    if (connect) {
      used.add(i);
      if (!/^us$/i.test(connect[1].trim())) {
        r.mentions.push({ name: connect[1].trim(), line: n, column: t.indexOf(connect[1]) + 1, source: 'profile link', role: 'host', link: connect[2].replace(/[.,;]+$/, '') });
      }
      continue;
    }
    const tag = /^#\s+(\S.*)$/.exec(trimmed);
    if (tag) {
      used.add(i);
      r.tags.push(tag[1].trim());
      continue;
    }
    const titled = EPISODE_TITLED.exec(t);
    if (titled) {
      used.add(i);
      r.title ??= { text: titled[1].trim(), line: n };
      const text = htmlText(titled[2]);
      if (text) inlineSummary = { text, line: n };
      continue;
    }
    if (s === 'hosts' || s === 'guests' || s === 'speakers') {
      used.add(i);
      if (NAME_LINE.test(trimmed) && !JOB_WORD.test(trimmed)) {
        const role: Role = s === 'hosts' ? 'host' : s === 'guests' ? 'guest' : 'speaker';
        pendingPerson = { name: trimmed, line: n, column: t.indexOf(trimmed) + 1, source: s === 'hosts' ? 'host list' : s === 'guests' ? 'guest list' : 'speaker list', role };
        r.mentions.push(pendingPerson);
      } else if (pendingPerson && !pendingPerson.headline && (isHeadline(trimmed) || (NAME_LINE.test(trimmed) && JOB_WORD.test(trimmed)))) {
        pendingPerson.headline = trimmed.replace(/^\|\s*/, '');
      } else pendingPerson = undefined;
      continue;
    }
    if (s === 'bio') {
      const opening = BIO_OPENING.exec(trimmed);
      if (bioHeadline === undefined && isHeadline(trimmed) && !opening) {
        bioHeadline = trimmed;
        used.add(i);
      } else if (opening) {
        r.mentions.push({ name: opening[1], line: n, column: t.indexOf(opening[1]) + 1, source: 'speaker bio', role: 'speaker', ...(bioHeadline ? { headline: bioHeadline } : {}) });
        bioHeadline = undefined;
      }
    }
    const u = UNTIMED_TURN.exec(t);
    if (u) untimed.push({ label: u[1], text: u[2], i });
    if (s === 'summary') summaryLines.push(i);
    const series = EPISODE_OF.exec(t);
    if (series && !r.series) r.series = { text: series[1].replace(/[.'’]+$/, ''), line: n };
  }

  // The title: a `Title // Speaker // Series #N` line, else the line above the date, else the first line if it reads as a title.
  const end = sections.indexOf('end') === -1 ? lines.length : sections.indexOf('end');
  const slash = lines.slice(0, end).findIndex((t) => /\S\s+\/\/\s+\S/.test(t) && !t.trim().startsWith('//'));
  if (slash !== -1) {
    used.add(slash);
    const t = lines[slash];
    const parts = t.trim().split(/\s+\/\/\s+/).map((p) => p.trim());
    r.title = { text: parts[0], line: slash + 1 };
    for (const part of parts.slice(1)) {
      const numbered = /^(.*?)\s*#\s*(\d+)$/.exec(part);
      if (numbered) {
        if (numbered[1]) r.series = { text: numbered[1], line: slash + 1 };
        r.episode = { number: Number(numbered[2]), line: slash + 1 };
        continue;
      }
      for (const name of part.split(/\s*(?:,|&|\band\b)\s*/)) {
        if (NAME_LINE.test(name)) r.mentions.push({ name, line: slash + 1, column: t.indexOf(name) + 1, source: 'title', role: 'guest' });
      }
    }
  }
  if (!r.title && dateLine !== undefined) {
    let p = dateLine - 1;
    while (p >= 0 && (!lines[p].trim() || CHROME.test(lines[p].trim()))) p--;
    if (p >= 0 && !isHeading[p]) r.title = { text: lines[p].trim(), line: p + 1 };
  }
  if (!r.title) {
    const first = lines.findIndex((t) => t.trim() !== '');
    const t = first === -1 ? '' : lines[first].trim();
    if (t && !isHeading[first] && !used.has(first) && t.length <= 120 && t.split(/\s+/).length <= 15 && !/[.!?:]$/.test(t) && !/https?:\/\//.test(t)) r.title = { text: t, line: first + 1 };
  }
  if (r.title) used.add(r.title.line - 1);

  // Transcripts: timed turns first; otherwise lines `Name: …` from two or more speakers, each named in full more than once, or known by name.
  const names = [...knownNames, ...r.mentions.flatMap((m) => [m.name, m.name.split(/\s+/)[0]])];
  const timed = readTimedTurns(timedLines, names);
  problems.push(...timed.problems);
  let transcript: Transcript | undefined;
  if (timed.turns.length > 0) transcript = { timed: true, turns: timed.turns, lines: [timed.turns[0].line, timed.turns.at(-1)!.line] };
  else {
    const known = new Set(names.map(normLabel));
    const counts = new Map<string, number>();
    for (const u of untimed) counts.set(normLabel(u.label), (counts.get(normLabel(u.label)) ?? 0) + 1);
    // A single word that nobody is called ("Note:", "Update:") is not a speaker, however often it opens a line.
    const turns = untimed.filter((u) => known.has(normLabel(u.label)) || (normLabel(u.label).includes(' ') && (counts.get(normLabel(u.label)) ?? 0) >= 2));
    if (new Set(turns.map((u) => normLabel(u.label))).size >= 2) {
      for (const u of turns) used.add(u.i);
      transcript = {
        timed: false,
        turns: turns.map((u) => ({ speaker: u.label, text: u.text.trim(), line: u.i + 1, column: lines[u.i].indexOf(u.label) + 1 })),
        lines: [turns[0].i + 1, turns.at(-1)!.i + 1],
      };
    }
  }
  if (transcript) {
    r.transcript = transcript;
    const seen = new Set<string>();
    for (const turn of transcript.turns) {
      if (!turn.speaker || seen.has(turn.speaker)) continue;
      seen.add(turn.speaker);
      r.mentions.push({ name: turn.speaker, line: turn.line, column: turn.column, source: 'transcript', role: 'speaker' });
    }
  }

  // The publisher's summary: a summary section, else the one embedded in the page, else the first paragraph of prose.
  const summary = summaryLines.filter((i) => !used.has(i));
  if (summary.length > 0) r.summary = { text: summary.map((i) => lines[i].trim()).join(' '), line: summary[0] + 1 };
  else if (inlineSummary) r.summary = inlineSummary;
  else {
    const prose = lines.findIndex((t, i) => i < end && !used.has(i) && !isHeading[i] && sections[i] !== 'transcript' && t.trim().split(/\s+/).length >= 8 && !/^\s*https?:\/\//.test(t) && !UNTIMED_TURN.test(t));
    if (prose !== -1 && (transcript === undefined || prose + 1 < transcript.lines[0] || prose + 1 > transcript.lines[1])) r.summary = { text: lines[prose].trim(), line: prose + 1 };
  }
  r.mentions.sort((a, b) => a.line - b.line || a.column - b.column);
  problems.push(...checkChapterOrder(r.chapters));
  return r;
}
