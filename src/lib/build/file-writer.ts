/**
 * Writes the files made after Astro's build (the moment pages, the chapter files) on a thread of
 * its own, so that this thread is free meanwhile for the link check's reading of the pages Astro
 * wrote. A file that the last build wrote into the same folder with the same bytes (by digest,
 * kept in the cache folder) is not written again, so a rebuild writes only what changed.
 *
 * Creating 14,000 files and 12,000 folders at 1,000 talks is the kernel's work, 2.5-3.5 s alone
 * and up to 8 s in the side-by-side (where ext4 skips the inodes the script deleted a minute
 * before), all of it on the main thread before, after the link check's reading. On a thread of
 * its own, beside that reading and Pagefind, the finish stage took 4.1-4.3 s against 4.0-5.1 s
 * alone (three alternating pairs), and 3.7 and 3.7 s against 5.0 and 4.2 s in the side-by-side
 * (two alternating runs).
 *
 * Files travel in batches, their bytes moved (not copied) to the thread; at most MAX_IN_FLIGHT
 * batches wait there at once, so memory holds a few hundred pages whatever the site's size.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

export interface WriterSetup {
  out: string;
  /** Digest of each file as the last build wrote it into `out`. */
  last: Array<[string, string]>;
}
export type WriterRequest = { end?: false; batch: Array<[string, Uint8Array]> } | { end: true };
/** A batch written (`done`: its files), or, after `end`, every file's digest and how many were written. */
export type WriterReply = { done: number; digests?: undefined } | { done?: undefined; digests: Array<[string, string]>; written: number };

const BATCH = 200;
const MAX_IN_FLIGHT = 4;

export interface WrittenFiles {
  files: number;
  written: number;
}

/**
 * Writes every file of `files` (paths relative to `out`) as it is made, skipping those whose bytes
 * the last build wrote there (`reused`: the output folder is the last build's; digests in
 * `digestFile`), and records the digests for the next build. `script` is the thread's source file,
 * file-writer-worker.ts, named by path: config loaders may have bundled this module elsewhere.
 */
export async function writeFiles(script: string, out: string, files: Iterable<{ file: string; body: string }>, digestFile: string, reused: boolean): Promise<WrittenFiles> {
  const last = reused ? await readDigests(digestFile) : [];
  const worker = new Worker(script, { workerData: { out, last } satisfies WriterSetup });
  let inFlight = 0;
  let wake = () => {};
  let failure: Error | undefined;
  const finished = new Promise<{ digests: Array<[string, string]>; written: number }>((resolve, reject) => {
    const fail = (error: Error) => {
      failure = error;
      wake();
      reject(error);
    };
    worker.on('message', (reply: WriterReply) => {
      if (reply.digests) return resolve(reply);
      inFlight--;
      wake();
    });
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`the file writer's thread stopped (exit code ${code}) before writing every file`)));
  });
  finished.catch(() => {});
  const encoder = new TextEncoder();
  let batch: Array<[string, Uint8Array]> = [];
  const send = async () => {
    worker.postMessage({ batch } satisfies WriterRequest, batch.map(([, bytes]) => bytes.buffer as ArrayBuffer));
    batch = [];
    inFlight++;
    while (inFlight >= MAX_IN_FLIGHT && !failure) await new Promise<void>((resolve) => (wake = resolve));
    // A turn of the event loop between batches, for the reads the link check has waiting.
    await new Promise(setImmediate);
  };
  try {
    for (const { file, body } of files) {
      if (failure) break;
      batch.push([file, encoder.encode(body)]);
      if (batch.length === BATCH) await send();
    }
    if (batch.length > 0 && !failure) await send();
    if (!failure) worker.postMessage({ end: true } satisfies WriterRequest);
    const { digests, written } = await finished;
    await mkdir(path.dirname(digestFile), { recursive: true });
    await writeFile(digestFile, JSON.stringify(Object.fromEntries(digests)));
    return { files: digests.length, written };
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}

async function readDigests(file: string): Promise<Array<[string, string]>> {
  try {
    return Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, string>);
  } catch {
    // No digests (a first build into this folder, or a damaged file): every file is written.
    return [];
  }
}
