// Runs async work over a list a few items at a time: enough to keep the
// worker threads busy (argon2 hashes run on libuv's pool, four threads by
// default), not so many that memory grows with the list.

/** `fn` over every item, at most `limit` at once; the results in the items' order. The first failure rejects. */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`The concurrency limit must be a whole number of at least 1; got ${limit}.`);
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  async function worker() {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index], index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
