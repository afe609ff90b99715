import "server-only";

/**
 * Partners' figures, kept between requests and keyed by a version read from the database. The
 * figures of a scope change only when a rating in it is submitted (submitted ratings never change;
 * a correction is a new submission), so the version is the count of submitted ratings in scope and
 * the latest submission time. It is read afresh on every request, so a submission made by any app
 * instance shows at once in every other: nothing is invalidated by message, and a stale entry can
 * never be served, only replaced. Concurrent requests for the same figures share one computation.
 *
 * Entries are held per database client (the benchmark and tests open several databases in one
 * process) and at most MAX_ENTRIES per client, least recently used dropped first.
 */

const MAX_ENTRIES = 64;

interface Entry {
  version: string;
  value: Promise<unknown>;
}

let caches = new WeakMap<object, Map<string, Entry>>();

export async function cachedFigures<T>(
  owner: object,
  key: string,
  version: () => Promise<string>,
  compute: () => Promise<T>,
): Promise<T> {
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
  }
  // Read the version before computing: figures computed afterwards are at least that new, so an
  // entry is never older than the version it is filed under.
  const current = await version();
  const hit = cache.get(key);
  if (hit && hit.version === current) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute();
  cache.delete(key);
  cache.set(key, { version: current, value });
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  while (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value as string;
    cache.delete(oldest);
  }
  return value;
}

/** Forgets every cached figure: for the benchmark's cold timings. */
export function clearFigureCache() {
  caches = new WeakMap();
}
