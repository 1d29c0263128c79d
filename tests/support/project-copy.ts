/**
 * A copy of the project's content for tests that write into it: content/ and
 * public/ (the images bodies show), which the validator reads together.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '../..');

/** Copies content/ and public/ of this repository into `root`. */
export function copyContent(root: string): void {
  cpSync(path.join(repo, 'content'), path.join(root, 'content'), { recursive: true });
  cpSync(path.join(repo, 'public'), path.join(root, 'public'), { recursive: true });
}
