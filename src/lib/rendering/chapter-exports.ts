/**
 * A talk's chapters in the formats players read: Podcasting 2.0 JSON
 * chapters and WebVTT chapter cues, at `/talks/<id>/chapters.json` and
 * `/talks/<id>/chapters.vtt`.
 *
 * A build writes them with the moment pages (src/integrations/finish-build.ts), not as Astro
 * routes: Astro spends about half a millisecond on a route whatever it returns, and 1,000 talks
 * have 2,000 of these files (its page phase took 2.8–3.2 s without them against 4.0–4.7 s with
 * them). The routes in src/pages/talks/[id]/ serve them in `astro dev` only.
 */
import type { Entry } from '../content-model/link-graph.ts';
import { entryPath } from '../content-model/references.ts';
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

/** The Podcasting 2.0 file as published: the chapters, indented two spaces. */
export function podcastChaptersJson(talk: Entry<'talk'>, absolute: (path: string) => string): string {
  return JSON.stringify(podcastChapters(talk, absolute), null, 2);
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

/** Where a talk's two chapter files go in the output. */
function chapterFilePaths(talk: Entry<'talk'>): { json: string; vtt: string } {
  const folder = entryPath('talk', talk.id).slice(1);
  return { json: `${folder}chapters.json`, vtt: `${folder}chapters.vtt` };
}

const withChapters = (talks: readonly Entry<'talk'>[]) => talks.filter((t) => t.data.chapters?.length);

/** The output files of every talk's chapters, known before they are written. */
export function chapterFileList(talks: readonly Entry<'talk'>[]): string[] {
  return withChapters(talks).flatMap((t) => Object.values(chapterFilePaths(t)));
}

/** The chapter files of the talks that have chapters, made one by one as they are written. */
export function* chapterFiles(talks: readonly Entry<'talk'>[], absolute: (path: string) => string): Generator<{ file: string; body: string }> {
  for (const talk of withChapters(talks)) {
    const { json, vtt } = chapterFilePaths(talk);
    yield { file: json, body: podcastChaptersJson(talk, absolute) };
    yield { file: vtt, body: vttChapters(talk) };
  }
}
