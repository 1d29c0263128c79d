/**
 * A talk's chapters in the formats players read: Podcasting 2.0 JSON
 * chapters and WebVTT chapter cues.
 */
import type { Entry } from '../content-model/link-graph.ts';
import { momentView } from './describe-entry.ts';
import { vttTime } from '../content-model/timestamps.ts';

/** The end of the last chapter when the talk's length is unknown: players clamp it to the end of the media. */
export const OPEN_END = 99 * 3600 + 59 * 60 + 59;

export interface PodcastChapters {
  version: '1.2.0';
  chapters: Array<{ startTime: number; title: string; url?: string }>;
}

export function podcastChapters(talk: Entry<'talk'>, absolute: (path: string) => string): PodcastChapters {
  return {
    version: '1.2.0',
    chapters: (talk.data.chapters ?? []).map((c) => ({ startTime: c.at, title: c.title, url: absolute(momentView(talk, c.at).path) })),
  };
}

/** One line: WebVTT ends a line at CR, LF or CRLF, so a title with one could start a NOTE or STYLE block of its own. */
const oneLine = (text: string) => text.replace(/\r\n|[\r\n]+/g, ' ');

/** Cue text is parsed for tags (<b>, <v Speaker>, <c.class>) and character references: <, & and > are escaped. */
const cueText = (text: string) => oneLine(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** WebVTT text; each cue runs to the next chapter, the last to the end of the talk. */
export function vttChapters(talk: Entry<'talk'>): string {
  const chapters = talk.data.chapters ?? [];
  const cues = chapters.map((c, i) => {
    const end = chapters[i + 1]?.at ?? talk.data.duration ?? OPEN_END;
    return `${i + 1}\n${vttTime(c.at)} --> ${vttTime(end)}\n${cueText(c.title)}`;
  });
  // The header's text may not hold "-->" (it would read as a cue timing) and is not parsed for tags.
  return `WEBVTT - ${oneLine(talk.title).replace(/-->/g, '→')}\n\n${cues.join('\n\n')}\n`;
}
