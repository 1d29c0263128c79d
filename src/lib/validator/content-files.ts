/**
 * Which files are content, and reading them. Content is regular files and
 * folders inside the content folder. A symbolic link (to an entry anywhere on
 * disk, to a folder, to /dev/zero), a named pipe, a socket or a device is
 * refused by name and never opened: nothing outside the content folder is
 * read or published, and no read can block or run forever. A file's size is
 * checked on the open file before a byte of it is read.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { MAX_FILE_BYTES } from './limits.ts';

/** A file or folder that is not content, and why. */
export interface Refusal {
  full: string;
  message: string;
  fix: string;
}

export interface Listing {
  /** Regular files, by absolute path, sorted. */
  files: string[];
  refused: Refusal[];
}

const REMOVE = 'remove it: content holds only folders and the .mdx files in them';

/** What a directory entry or a file's status is, when it is neither a file nor a folder. */
function oddKind(s: Dirent | Stats): string | undefined {
  if (s.isSymbolicLink()) return 'a symbolic link';
  if (s.isFIFO()) return 'a named pipe';
  if (s.isSocket()) return 'a socket';
  if (s.isBlockDevice() || s.isCharacterDevice()) return 'a device';
  return undefined;
}

function refusal(full: string, kind: string, where: string): Refusal {
  return kind === 'a symbolic link'
    ? { full, message: `is a symbolic link; ${where} holds files and folders, never links to elsewhere`, fix: 'put the file or folder itself here instead of a link to it, or remove the link' }
    : { full, message: `is ${kind}, not a file`, fix: REMOVE };
}

const unreadable = (full: string, error: unknown): Refusal => ({
  full,
  message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
  fix: 'check that it exists and that its permissions let you read it',
});

/**
 * Every regular file under `root` (names starting with "." are skipped), and
 * everything refused on the way; `where` names the folder in messages.
 */
export function listContent(root: string, where = 'the content folder'): Listing {
  const files: string[] = [];
  const refused: Refusal[] = [];
  let top: Stats;
  try {
    top = lstatSync(root);
  } catch (error) {
    // No content folder is an empty knowledge base, as for a fresh clone without entries.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { files, refused };
    return { files, refused: [unreadable(root, error)] };
  }
  const odd = oddKind(top);
  if (odd || !top.isDirectory()) return { files, refused: [odd ? refusal(root, odd, where) : { full: root, message: 'is a file, not the content folder', fix: 'point the content folder setting at a folder' }] };

  const walk = (dir: string) => {
    let items: Dirent[];
    try {
      items = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      refused.push(unreadable(dir, error));
      return;
    }
    for (const item of items) {
      if (item.name.startsWith('.')) continue;
      const full = path.join(dir, item.name);
      const kind = oddKind(item);
      if (kind) refused.push(refusal(full, kind, where));
      else if (item.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(root);
  files.sort();
  return { files, refused };
}

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; refusal: Refusal };

/**
 * Reads a content file that is a regular file of at most `maxBytes`. It is
 * opened without following a link and without waiting on a pipe, and checked
 * on the open descriptor, so a file swapped for a link after listing is still refused.
 */
export function readContentFile(full: string, maxBytes = MAX_FILE_BYTES, limitText = 'an entry file', where = 'the content folder', shrink = 'split it into several entries, or shorten it'): ReadResult {
  let fd: number;
  try {
    fd = openSync(full, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { ok: false, refusal: refusal(full, 'a symbolic link', where) };
    return { ok: false, refusal: unreadable(full, error) };
  }
  try {
    const stat = fstatSync(fd);
    const kind = oddKind(stat);
    if (kind || !stat.isFile()) return { ok: false, refusal: kind ? refusal(full, kind, where) : { full, message: 'is not a file', fix: REMOVE } };
    if (stat.size > maxBytes) {
      return { ok: false, refusal: { full, message: `is ${stat.size.toLocaleString('en-GB')} bytes; ${limitText} may have at most ${maxBytes.toLocaleString('en-GB')}`, fix: shrink } };
    }
    // Every byte is read into it below; a short read keeps only what was read.
    const bytes = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const got = readSync(fd, bytes, read, stat.size - read, read);
      if (got === 0) break;
      read += got;
    }
    return { ok: true, bytes: bytes.subarray(0, read) };
  } catch (error) {
    return { ok: false, refusal: unreadable(full, error) };
  } finally {
    closeSync(fd);
  }
}
