/**
 * A synthetic, schema-valid knowledge base of exactly `entries` entry files
 * across all eight types, for benchmarks and tests, returned as a map from
 * path (relative to the content root, like `talks/some-id.mdx`) to text.
 * Deterministic: the same entries and seed give byte-identical files;
 * everything random comes from one seeded PRNG (./random.ts) and nothing
 * reads the clock.
 *
 * The corpus has the shape of the real site at scale: talks with chapters
 * (some past an hour, so h:mm:ss times appear), speakers, takeaways and a
 * 180-300 word summary; myths, patterns, war stories, references and maturity
 * models that cite talk moments inside each talk's duration, link each other
 * with typed `related` links and with reference links in their bodies; people
 * with affiliations and their sources; and a bounded topic vocabulary
 * (40-80 topics whatever the size) with a `broader` hierarchy. It is planned
 * first (./plan.ts), so every reference points at something real, then
 * written type by type (./entries.ts) through the site's one YAML writer.
 * On request, some talks get a transcript beside them (./transcripts.ts).
 */
import { writeEntries, type Output } from './entries.ts';
import { planCorpus, typeCounts } from './plan.ts';
import { Rng } from './random.ts';
import { writeTranscripts } from './transcripts.ts';

export { MIN_ENTRIES, typeCounts } from './plan.ts';

export interface CorpusOptions {
  /** Exactly how many entry files to generate (at least 8, one per type). */
  entries: number;
  /** PRNG seed; the same entries and seed give the same files. Default 1. */
  seed?: number;
  /** Talks that get a transcript (talks/<id>.vtt, ./transcripts.ts): all, or a number of them. Default none. */
  transcripts?: 'all' | number;
}

/** Generates the corpus: path relative to the content root → file text. */
export function generateCorpus(opts: CorpusOptions): Map<string, string> {
  const n = opts.entries;
  const seed = opts.seed ?? 1;
  if (!Number.isInteger(seed)) throw new Error(`the seed must be a whole number, not ${seed}`);
  const counts = typeCounts(n);
  const r = new Rng(seed);
  const out: Output = { r, plan: planCorpus(r, counts), said: new Set(), seed, files: new Map() };
  writeEntries(out);
  if (out.files.size !== n) throw new Error(`internal error: generated ${out.files.size} files for ${n} entries`);
  if (opts.transcripts) writeTranscripts(out.files, out.plan, seed, opts.transcripts);
  return out.files;
}
