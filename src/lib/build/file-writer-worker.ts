/**
 * The thread of the file writer (file-writer.ts): writes each file it is sent into the output
 * folder, unless the last build wrote the same bytes there (by digest), and acknowledges each
 * batch once it is written. On the first error it throws, which ends the thread and fails the
 * writer's promise with that error.
 */
import { hash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { WriterReply, WriterRequest, WriterSetup } from './file-writer.ts';

const { out, last } = workerData as WriterSetup;
const previous = new Map(last);
const digests: Array<[string, string]> = [];
const folders = new Set<string>();
let written = 0;

parentPort!.on('message', (request: WriterRequest) => {
  if (request.end) {
    parentPort!.postMessage({ digests, written } satisfies WriterReply);
    return;
  }
  for (const [file, bytes] of request.batch) {
    const digest = hash('sha256', bytes, 'base64url');
    digests.push([file, digest]);
    if (previous.get(file) === digest) continue;
    const target = path.join(out, file);
    const folder = path.dirname(target);
    // Sync calls: through libuv's pool each file cost thread hand-offs, and the pool's threads contended for the folder's lock.
    // A recursive mkdir also succeeds where another writer thread made the folder first.
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(target, bytes);
    written++;
  }
  parentPort!.postMessage({ done: request.batch.length } satisfies WriterReply);
});
