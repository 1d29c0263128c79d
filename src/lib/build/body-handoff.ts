/**
 * How the entries' bodies, rendered to HTML by the content loader, pass to
 * the pages. Like transcripts (transcript-handoff.ts), they stay out of
 * Astro's content store: there they were two thirds of it (15.4 of 22.6 MB
 * at 5,000 talks), and the store is serialized, bundled into the build's
 * server code as one string and parsed back on every build. Without them
 * the build's peak memory at 5,000 talks was 1,134 MB against 1,356–1,474 MB,
 * and Vite's step 3.0 s against 3.5–4.7 s.
 *
 * Between builds the bodies are kept in the cache folder, each with the
 * digest of the entry it was rendered from (which covers the renderer's
 * code: content-loader.ts), so a rebuild renders only the bodies that changed.
 * The file also names the base path the bodies' links were made with: a
 * build under another base renders them all again.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EntryKey } from '../content-model/entry-types.ts';
import type { Entry } from '../content-model/link-graph.ts';
import { share, shared } from './handoff.ts';

const HANDOFF = 'entry-bodies';
/** The cache file, in Astro's cache folder. */
export const BODY_CACHE_FILE = 'kb-bodies.json';

/** A body's HTML and the digest of the entry it was rendered from. */
type Rendered = { digest: string; html: string };

/** The bodies of one content sync: each taken from the last build's when its entry is unchanged, else rendered. */
export class BodyCache {
  readonly #file: string;
  readonly #base: string;
  readonly #last: Map<string, Rendered>;
  readonly #bodies = new Map<EntryKey, Rendered>();
  #rendered = 0;

  /** `base` is the site's base path, which the bodies' links start with. */
  constructor(cacheDir: string, base: string) {
    this.#file = path.join(cacheDir, BODY_CACHE_FILE);
    this.#base = base;
    this.#last = readCache(this.#file, base);
  }

  /** The entry's body: the last build's, when it was rendered from an entry with this digest, else `render()`. */
  body(key: EntryKey, digest: string, render: () => string): string {
    const last = this.#last.get(key);
    const body = last?.digest === digest ? last : (this.#rendered++, { digest, html: render() });
    this.#bodies.set(key, body);
    return body.html;
  }

  /** Keeps this sync's bodies for the next build, when any was rendered or dropped, and gives them to the pages. */
  publish(): void {
    if (this.#rendered > 0 || this.#last.size !== this.#bodies.size) {
      mkdirSync(path.dirname(this.#file), { recursive: true });
      const bodies = Object.fromEntries([...this.#bodies].map(([k, b]) => [k, [b.digest, b.html]]));
      writeFileSync(this.#file, JSON.stringify({ base: this.#base, bodies }));
    }
    share(HANDOFF, this.#bodies);
  }
}

/** A missing or unreadable cache, or one made under another base path, is an empty one: every body is rendered again. */
function readCache(file: string, base: string): Map<string, Rendered> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return new Map();
  }
  const bodies = new Map<string, Rendered>();
  if (parsed === null || typeof parsed !== 'object' || !('base' in parsed) || parsed.base !== base || !('bodies' in parsed)) return bodies;
  if (parsed.bodies === null || typeof parsed.bodies !== 'object') return bodies;
  for (const [key, value] of Object.entries(parsed.bodies)) {
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') bodies.set(key, { digest: value[0], html: value[1] });
  }
  return bodies;
}

/** The entry's body as HTML. */
export function bodyOf(entry: Entry): string {
  const found = shared<Map<EntryKey, Rendered>>(HANDOFF)?.get(entry.key);
  if (!found || found.digest !== entry.digest) throw new Error(`body-handoff: the content loader did not publish the body of ${entry.key} as of digest ${entry.digest}; pages render after content sync`);
  return found.html;
}
