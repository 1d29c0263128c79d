/**
 * Writes the files made after Astro's build (the moment pages, the chapter files) on threads of
 * their own, while this thread fills the pages and Pagefind indexes. A file that the last build
 * wrote into the same folder with the same bytes (by digest, kept in the cache folder) is not
 * written again, so a rebuild writes only what changed.
 *
 * Creating 14,000 files and 12,000 folders at 1,000 talks is the kernel's work: 2-3 s on an idle
 * disk, and up to 18 s on one thread when the side-by-side script has just deleted the last build's
 * 31,000: ext4 without a journal passes over each inode deleted in the last minute (its
 * recently_deleted check, a fifth of the build's samples in perf) before it takes one. Two threads
 * give that work the second core: after a deletion 30 s before (six alternating pairs), the
 * writing took 4.7-10.3 s against 9.9-18.3 s on one thread, and the build 13.9-23.2 s against
 * 19.4-31.3 s; with nothing deleted (tmpfs, three pairs) neither showed a difference.
 *
 * Files travel in batches, their bytes moved (not copied) to a thread; at most MAX_IN_FLIGHT
 * batches wait on each at once, so memory holds a few hundred pages whatever the site's size.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
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
/** Writer threads: two, measured on two cores; no more than the machine's cores. */
const WRITER_THREADS = Math.min(2, os.availableParallelism());

export interface WrittenFiles {
  files: number;
  written: number;
}

interface WriterThread {
  worker: Worker;
  inFlight: number;
  finished: Promise<{ digests: Array<[string, string]>; written: number }>;
}

/**
 * Writes every file of `files` (paths relative to `out`) as it is made, skipping those whose bytes
 * the last build wrote there (`reused`: the output folder is the last build's; digests in
 * `digestFile`), and records the digests for the next build. `script` is the thread's source file,
 * file-writer-worker.ts, named by path: config loaders may have bundled this module elsewhere.
 */
export async function writeFiles(script: string, out: string, files: Iterable<{ file: string; body: string }>, digestFile: string, reused: boolean, threads = WRITER_THREADS): Promise<WrittenFiles> {
  const last = reused ? await readDigests(digestFile) : [];
  let wake = () => {};
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    wake();
  };
  const pool: WriterThread[] = Array.from({ length: threads }, () => {
    const worker = new Worker(script, { workerData: { out, last } satisfies WriterSetup });
    const thread: WriterThread = { worker, inFlight: 0, finished: undefined! };
    thread.finished = new Promise((resolve, reject) => {
      const stop = (error: Error) => {
        fail(error);
        reject(error);
      };
      worker.on('message', (reply: WriterReply) => {
        if (reply.digests) return resolve(reply);
        thread.inFlight--;
        wake();
      });
      worker.once('error', stop);
      worker.once('exit', (code) => stop(new Error(`the file writer's thread stopped (exit code ${code}) before writing every file`)));
    });
    thread.finished.catch(() => {});
    return thread;
  });
  const encoder = new TextEncoder();
  let batch: Array<[string, Uint8Array]> = [];
  const idlest = () => pool.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
  const send = async () => {
    while (idlest().inFlight >= MAX_IN_FLIGHT && !failure) await new Promise<void>((resolve) => (wake = resolve));
    if (failure) return;
    const thread = idlest();
    thread.worker.postMessage({ batch } satisfies WriterRequest, batch.map(([, bytes]) => bytes.buffer as ArrayBuffer));
    batch = [];
    thread.inFlight++;
    // A turn of the event loop between batches, for the threads' acknowledgements and Pagefind's replies.
    await new Promise(setImmediate);
  };
  try {
    for (const { file, body } of files) {
      if (failure) break;
      batch.push([file, encoder.encode(body)]);
      if (batch.length === BATCH) await send();
    }
    if (batch.length > 0 && !failure) await send();
    if (failure) throw failure;
    for (const { worker } of pool) worker.postMessage({ end: true } satisfies WriterRequest);
    const replies = await Promise.all(pool.map((t) => t.finished));
    const digests = replies.flatMap((r) => r.digests);
    await mkdir(path.dirname(digestFile), { recursive: true });
    await writeFile(digestFile, JSON.stringify(Object.fromEntries(digests)));
    return { files: digests.length, written: replies.reduce((n, r) => n + r.written, 0) };
  } finally {
    await Promise.all(
      pool.map(({ worker }) => {
        worker.removeAllListeners('exit');
        return worker.terminate();
      }),
    );
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
