/**
 * A talk's chapters in the formats players read: Podcasting 2.0 JSON
 * chapters and WebVTT chapter cues.
 */
import type { Entry } from '../content-model/link-graph.ts';
import { momentView } from './describe-entry.ts';
import { vttTime } from '../content-model/timestamps.ts';
import { escapeVttText } from '../content-model/webvtt.ts';

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

/** WebVTT text; each cue runs to the next chapter, the last to the end of the talk. */
export function vttChapters(talk: Entry<'talk'>): string {
  const chapters = talk.data.chapters ?? [];
  const cues = chapters.map((c, i) => {
    const end = chapters[i + 1]?.at ?? talk.data.duration ?? OPEN_END;
    // Escaped, on one line: no title can end its cue, open a tag or write "-->".
    return `${i + 1}\n${vttTime(c.at)} --> ${vttTime(end)}\n${escapeVttText(c.title)}`;
  });
  // The header line ends at a line break and may not hold "-->".
  return `WEBVTT - ${talk.title.replace(/-->/g, '→').replace(/[\s\u2028\u2029]+/g, ' ')}\n\n${cues.join('\n\n')}\n`;
}
