/**
 * A talk's transcript as HTML: the whole of it for the talk page, and the few
 * lines around a moment for its moment page. Strings, not components: a
 * transcript is hundreds of lines, a component per line costs build time,
 * and each function returns a self-contained fragment a page or a template
 * drops in as it is. Every text is escaped (htmlText); every link is built
 * here from validated times and the talk's recordings.
 *
 * Each line of the talk page is a `t-<second>` anchor: its time links to
 * itself (the moment, to share) and ▶ opens the recording at that second.
 * The section is left out of the site's search index and indexed on its own
 * (src/lib/build/transcript-index.ts, which cuts it from the built page). The
 * anchor sits on an h3 because Pagefind splits a page into sub-results at
 * headings with an id, so a phrase said in a talk finds its line; the
 * heading has role="none", as a list of hundreds of lines is no outline to
 * navigate. The classes are the chapter list's, so the stylesheet, and with
 * it every page without a transcript, stays the same.
 */
import { formatClock } from '../content-model/timestamps.ts';
import { cueSecond, type TranscriptCue } from '../content-model/transcript.ts';
import { htmlText } from './html-text.ts';

/** The anchor of the line starting at `second` on the talk page. */
export const cueAnchor = (second: number) => `t-${second}`;

/** How many lines a moment page shows: two before the moment's line, it, and three after. */
export const EXCERPT_BEFORE = 2;
export const EXCERPT_LINES = 6;

/** Opens the recording at a second, when it can (recording-links.ts). */
export type Seek = (second: number) => string | undefined;

/**
 * The talk page's transcript: collapsed, every line with its anchor, a link to
 * itself and one to the recording at that second. Lines starting in the same
 * second share the first one's anchor, so anchors are unique.
 */
export function transcriptHtml(cues: readonly TranscriptCue[], seek: Seek): string {
  const seen = new Set<number>();
  let speaker: string | undefined;
  const items = cues.map((c) => {
    const s = cueSecond(c);
    const clock = formatClock(s);
    const id = seen.has(s) ? '' : ` id="${cueAnchor(s)}"`;
    seen.add(s);
    // The speaker is named when the voice changes, as a printed transcript does.
    const who = c.speaker !== undefined && c.speaker !== speaker ? ` ${htmlText(c.speaker)}` : '';
    speaker = c.speaker;
    const url = seek(s);
    const play = url ? ` <a href="${htmlText(url)}" data-pagefind-ignore>▶<span class="visually-hidden"> Play from ${clock}</span></a>` : '';
    return `<li><h3${id} role="none"><a class="time" href="#${cueAnchor(s)}">${clock}</a>${who}</h3><p>${htmlText(c.text)}${play}</p></li>`;
  });
  const lines = cues.length === 1 ? '1 line' : `${cues.length.toLocaleString('en-GB')} lines`;
  return (
    `<section aria-labelledby="transcript" data-pagefind-ignore="all"><h2 id="transcript">Transcript</h2>` +
    `<details><summary data-pagefind-ignore>Show the transcript (${lines})</summary><ol class="chapters">${items.join('')}</ol></details></section>`
  );
}

/** The lines a moment page shows: the one being said at `second` (or the last before it), two before and three after. */
export function excerptCues(cues: readonly TranscriptCue[], second: number): TranscriptCue[] {
  let at = -1;
  for (let i = 0; i < cues.length && cueSecond(cues[i]) <= second; i++) at = i;
  const from = Math.max(0, Math.min(at - EXCERPT_BEFORE, cues.length - EXCERPT_LINES));
  return cues.slice(from, from + EXCERPT_LINES);
}

/**
 * What is said around a moment, for its moment page: a few lines, each linking
 * to its place in the talk page's transcript (`talkHref`, with the site's base).
 * Empty when the talk has no transcript.
 */
export function momentTranscriptHtml(cues: readonly TranscriptCue[] | undefined, second: number, talkHref: string): string {
  if (!cues || cues.length === 0) return '';
  const items = excerptCues(cues, second).map((c) => {
    const s = cueSecond(c);
    const who = c.speaker !== undefined ? `<b>${htmlText(c.speaker)}</b>: ` : '';
    return `<li><a class="time" href="${htmlText(talkHref)}#${cueAnchor(s)}">${formatClock(s)}</a> ${who}${htmlText(c.text)}</li>`;
  });
  return `<section aria-labelledby="said-here"><h2 id="said-here">What is said here</h2><ol class="chapters">${items.join('')}</ol><p><a href="${htmlText(talkHref)}#transcript">The whole transcript</a></p></section>`;
}
