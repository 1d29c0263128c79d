/**
 * How the lines of each transcript pass from the content loader (which has
 * them from validation) to the pages. They stay out of Astro's content store:
 * a transcript is 50 KB of text, and the store is written to disk and read
 * back whole on every build. The entry carries only the transcript file's
 * digest (`entry.transcript`), so the store's cache and the page keys still
 * see an edit to the .vtt. Astro loads the content config and the pages
 * through different module graphs, so the lines pass through handoff.ts.
 */
import type { Entry } from '../content-model/link-graph.ts';
import type { TranscriptCue } from '../content-model/transcript.ts';
import type { Transcripts } from '../validator/check-transcript.ts';
import { share, shared } from './handoff.ts';

const HANDOFF = 'transcripts';

/** Called by the content loader after every validation, in builds and in dev. */
export function publishTranscripts(transcripts: Transcripts): void {
  share(HANDOFF, transcripts);
}

/** The lines of a talk's transcript, or undefined when it has none. */
export function transcriptOf(talk: Entry<'talk'>): TranscriptCue[] | undefined {
  if (talk.transcript === undefined) return undefined;
  const found = shared<Transcripts>(HANDOFF)?.get(talk.key);
  if (!found || found.digest !== talk.transcript) throw new Error(`transcript-handoff: ${talk.key} has a transcript (${talk.transcript}) the content loader did not publish; pages render after content sync`);
  return found.cues;
}
