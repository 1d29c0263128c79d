/**
 * Build settings read from the environment, in one place. The content root is
 * configurable so benchmarks and tests can build other corpora without
 * touching content/.
 */
import path from 'node:path';

/** Content directory: `KB_CONTENT_DIR`, or `content`. Relative paths are from the project root. */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.KB_CONTENT_DIR || 'content';
}

/** Absolute project root (the directory holding package.json), given the caller's file URL. */
export function projectRoot(from: string | URL): string {
  return path.resolve(path.dirname(typeof from === 'string' ? from : new URL(from).pathname), '..');
}
