/**
 * Sentences of the synthetic corpus: filler that reads like a practitioner's
 * summary (who did what to which part of the stack, and what came of it),
 * built from the vocabulary with the corpus's one random source.
 */
import type { Rng } from './random.ts';
import { cap } from './text.ts';
import { ABSTRACTS, ANALOGIES, EFFECTS, FAILURES, OBJECTS, OPENERS, TAILS, VERBS } from './vocabulary.ts';

/** Two different abstract nouns, for "X matters more than Y". */
export function pair(r: Rng): [string, string] {
  const [a, b] = r.sample(ABSTRACTS, 2);
  return [a, b];
}

export function lesson(r: Rng): string {
  const [a, b] = pair(r);
  return `The lesson is that ${a} matters more than ${b}.`;
}

/** One sentence with one of `subjects` (a name, "the team") doing something. */
export function sentence(r: Rng, subjects: readonly string[]): string {
  const subject = r.pick(subjects);
  switch (r.int(0, 6)) {
    case 0:
    case 1:
      return cap(`${r.pick(OPENERS)}${subject} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(TAILS)}.`);
    case 2:
      return lesson(r);
    case 3:
      return cap(`${subject} argued that ${r.pick(OBJECTS)} should be treated like ${r.pick(ANALOGIES)}.`);
    case 4:
      return cap(`${r.pick(OPENERS)}nobody expected ${r.pick(OBJECTS)} to ${r.pick(FAILURES)} ${r.pick(TAILS)}.`);
    case 5:
      return `Small changes to ${r.pick(OBJECTS)} turned out to ${r.pick(EFFECTS)}.`;
    default:
      return cap(`${r.pick(OPENERS)}${subject} ${r.pick(VERBS)} ${r.pick(OBJECTS)}, and ${r.pick(OBJECTS)} followed ${r.pick(TAILS)}.`);
  }
}
