/**
 * Transcripts for a synthetic corpus (`--transcripts all|<n>`): a .vtt beside
 * some talks, as YouTube and podcast hosts export them, through the site's
 * one WebVTT writer. Speech runs at about 150 words a minute in cues of 5 to
 * 15 words (two to six seconds), turns of a few cues pass between the talk's
 * speakers, and the words are the corpus's own sentences, so searches meet
 * transcripts as they would meet real ones: many mentions of the common words.
 *
 * Transcripts take their randomness from a source of their own, seeded from
 * the corpus's seed, so the entry files are the same byte for byte with and
 * without them, and a benchmark compares like with like.
 */
import { writeWebVtt, type VttWriteCue } from '../../src/lib/content-model/webvtt.ts';
import type { Plan } from './plan.ts';
import { sentence } from './prose.ts';
import { Rng } from './random.ts';
import { SUBJECTS } from './vocabulary.ts';

/** Words a minute, and the words in a cue. */
export const WORDS_PER_MINUTE = 150;
const CUE_WORDS = [5, 15] as const;

/** The `--transcripts` option: undefined when absent, null when it is neither "all" nor a whole number. */
export function parseTranscripts(value: string | undefined): 'all' | number | undefined | null {
  if (value === undefined) return undefined;
  if (value === 'all') return 'all';
  return /^\d+$/.test(value) ? Number(value) : null;
}

/** Which talks get a transcript: all, or `n` spread evenly over the list (not the first n, which other entries cite most). */
export function talksWithTranscripts(talkCount: number, which: 'all' | number): number[] {
  const n = which === 'all' ? talkCount : Math.min(which, talkCount);
  return Array.from({ length: n }, (_, k) => Math.floor((k * talkCount) / n));
}

/** One talk's transcript: cues from a second in to the end of the talk. */
function transcriptOf(r: Rng, duration: number, speakers: readonly string[]): string {
  const cues: VttWriteCue[] = [];
  const msPerWord = 60_000 / WORDS_PER_MINUTE;
  let words: string[] = [];
  let at = 1000;
  let speaker = 0;
  let turn = r.int(2, 8);
  while (true) {
    while (words.length < CUE_WORDS[1]) words.push(...sentence(r, [...SUBJECTS, ...speakers]).split(' '));
    const n = r.int(CUE_WORDS[0], CUE_WORDS[1]);
    const end = at + Math.round(n * msPerWord);
    if (end > duration * 1000) break;
    cues.push({ start: at, end, voice: speakers[speaker], text: words.splice(0, n).join(' ') });
    // A breath between cues now and then.
    at = end + (r.chance(0.2) ? r.int(100, 900) : 0);
    if (--turn === 0) {
      speaker = (speaker + 1) % speakers.length;
      turn = r.int(2, 8);
    }
  }
  return writeWebVtt(cues);
}

/** Adds `talks/<id>.vtt` to `files` for the chosen talks. */
export function writeTranscripts(files: Map<string, string>, plan: Plan, seed: number, which: 'all' | number): void {
  const r = new Rng(seed ^ 0x7a11c5);
  for (const i of talksWithTranscripts(plan.talks.length, which)) {
    const t = plan.talks[i];
    files.set(`talks/${t.id}.vtt`, transcriptOf(r, t.duration, t.people.map((p) => plan.people[p.person].name)));
  }
}
