/**
 * A talk's transcript (content/talks/<id>.vtt) as the site uses it: a list of
 * lines, each said by at most one speaker, read by the one WebVTT reader
 * (./webvtt.ts). A WebVTT cue in which two people speak (`<v A>…</v> <v B>…`)
 * becomes two lines with the cue's times, so every line has one speaker.
 *
 * The shape of a line is relied on beyond the validator (pages, search,
 * quote checks): keep it stable.
 */
import { readWebVtt, type VttProblem } from './webvtt.ts';

export interface TranscriptCue {
  /** 1-based line of the cue's timing line in the .vtt file. */
  line: number;
  /** Start and end, in milliseconds. */
  start: number;
  end: number;
  /** The name in the cue's `<v Name>` tag, if any. */
  speaker?: string;
  /** Where that tag starts, for errors about the name. */
  speakerAt?: { line: number; column: number };
  /** What is said, tags removed, character references decoded, whitespace collapsed. */
  text: string;
}

export interface Transcript {
  cues: TranscriptCue[];
  /** What the reader could not read, each at its line and column; a cue with a problem in its timing is left out. */
  problems: VttProblem[];
}

/** Reads a transcript. Never throws. */
export function parseTranscript(text: string): Transcript {
  const file = readWebVtt(text);
  const cues: TranscriptCue[] = [];
  for (const cue of file.cues) {
    for (const span of cue.spans) {
      const line: TranscriptCue = { line: cue.line, start: cue.start, end: cue.end, text: span.text };
      if (span.voice !== undefined) {
        line.speaker = span.voice;
        line.speakerAt = span.voiceAt;
      }
      cues.push(line);
    }
  }
  return { cues, problems: file.problems };
}

/** The second a line starts at, as moments and anchors count time. */
export const cueSecond = (cue: Pick<TranscriptCue, 'start'>): number => Math.floor(cue.start / 1000);
