/**
 * Caption files: WebVTT (with or without `<v Speaker>` voices) and SRT, as
 * YouTube and podcast hosts export them, and the site's own chapters.vtt.
 *
 * A WebVTT file is read as a chapter list when it looks like one: no voices,
 * one line per cue, and cues that tile the recording from 0:00 (each ends
 * where the next starts), as /talks/<id>/chapters.vtt does. Anything else is
 * a transcript, each cue a turn, with the speaker its voice, or the label
 * an SRT line opens with (`Jon Prial: …`).
 */
import { readWebVtt } from '../../content-model/webvtt.ts';
import { checkChapterOrder, emptyReading, type Reading, type Turn } from './reading.ts';
import { readSrt } from './srt.ts';

/** `Jon Prial: …` or `>> Jon Prial: …` at the start of a caption: a speaker label of one to four capitalised words. */
const LABEL = /^(?:>>\s*)?(\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,3}):\s+(\S.*)$/u;

const normLabel = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Turns from captions: a voice is the speaker; otherwise a leading `Name:` is,
 * when content/people/ knows the name or two or more captions open with it
 * (so "Note: …" once is text, not a speaker).
 */
function turnsOf(cues: ReadonlyArray<{ start: number; end: number; line: number; voice?: string; text: string }>, knownNames: readonly string[]): Turn[] {
  const known = new Set(knownNames.map(normLabel));
  const labels = cues.map((c) => (c.voice === undefined ? LABEL.exec(c.text) : null));
  const counts = new Map<string, number>();
  for (const l of labels) if (l) counts.set(normLabel(l[1]), (counts.get(normLabel(l[1])) ?? 0) + 1);
  return cues.map((c, i) => {
    const l = labels[i];
    const label = l && (known.has(normLabel(l[1])) || (counts.get(normLabel(l[1])) ?? 0) >= 2) ? l : null;
    const speaker = c.voice ?? label?.[1];
    return { start: c.start, end: c.end, ...(speaker !== undefined ? { speaker } : {}), text: label ? label[2] : c.text, line: c.line, column: 1 };
  });
}

export function readVttInput(text: string, knownNames: readonly string[] = []): Reading {
  const file = readWebVtt(text);
  const problems = file.problems.map((p) => ({ ...p, field: 'webvtt' }));
  const cues = file.cues;
  const voiced = cues.some((c) => c.spans.some((s) => s.voice !== undefined));
  const tiles = cues.length > 0 && cues[0].start < 1000 && cues.every((c, i) => i === 0 || c.start === cues[i - 1].end);
  const oneLine = cues.every((c) => c.spans.length === 1);
  if (!voiced && tiles && oneLine) {
    const r = emptyReading('WebVTT chapters');
    r.problems.push(...problems);
    // The site's export is titled "WEBVTT - <title>".
    const title = file.header.replace(/^-\s*/, '').trim();
    if (title) r.title = { text: title, line: 1 };
    r.chapters = cues.map((c) => ({ at: Math.floor(c.start / 1000), title: c.spans[0].text, line: c.line }));
    // The site's own export: "WEBVTT - <title>" and cues numbered from 1. Its titles are ours.
    if (file.header.startsWith('- ') && cues.every((c, i) => c.id === String(i + 1))) {
      r.ourWords = true;
      r.format = "the site's own chapters.vtt";
    }
    r.problems.push(...checkChapterOrder(r.chapters));
    return r;
  }
  const r = emptyReading(voiced ? 'WebVTT captions with speakers' : 'WebVTT captions');
  r.problems.push(...problems);
  const turns = turnsOf(cues.flatMap((c) => c.spans.map((s) => ({ start: c.start, end: c.end, line: c.line, voice: s.voice, text: s.text }))), knownNames);
  return withTranscript(r, turns);
}

export function readSrtInput(text: string, knownNames: readonly string[] = []): Reading {
  const { cues, problems } = readSrt(text);
  const r = emptyReading('SRT captions');
  r.problems.push(...problems.map((p) => ({ ...p, field: 'srt' })));
  return withTranscript(r, turnsOf(cues, knownNames));
}

function withTranscript(r: Reading, turns: Turn[]): Reading {
  if (turns.length === 0) {
    if (r.problems.length === 0) r.problems.push({ line: 1, column: 1, field: 'transcript', message: 'the file holds no cues', fix: 'import a caption file with at least one cue' });
    return r;
  }
  r.transcript = { timed: true, turns, lines: [turns[0].line, turns.at(-1)!.line] };
  const seen = new Set<string>();
  for (const t of turns) {
    if (t.speaker === undefined || seen.has(t.speaker)) continue;
    seen.add(t.speaker);
    r.mentions.push({ name: t.speaker, line: t.line, column: t.column, source: 'transcript', role: 'speaker' });
  }
  return r;
}
