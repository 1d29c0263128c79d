/**
 * Runs an async function over many items with a bound on how many run at
 * once: a site of tens of thousands of files must never open them all at
 * the same time (EMFILE), while a few dozen in flight keep the disk busy.
 */
export const FILE_CONCURRENCY = 64;

export async function forEachLimited<T>(items: readonly T[], fn: (item: T) => Promise<void>, limit = FILE_CONCURRENCY): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
