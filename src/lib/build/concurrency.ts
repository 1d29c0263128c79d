/**
 * Runs an async function over many items with a bound on how many run at
 * once: a site of tens of thousands of files must never open them all at
 * the same time (EMFILE), while a few dozen in flight keep the disk busy.
 */
export const FILE_CONCURRENCY = 64;

/** `items` may be a generator: items are made as they are taken, so a large set is never in memory at once. */
export async function forEachLimited<T>(items: Iterable<T>, fn: (item: T) => Promise<void>, limit = FILE_CONCURRENCY): Promise<void> {
  const next = items[Symbol.iterator]();
  const worker = async () => {
    for (let item = next.next(); !item.done; item = next.next()) await fn(item.value);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}
