/**
 * At most `limit` calls of a piece of work at once in this process; the rest wait their turn, in
 * order. For work that is heavy in memory and CPU, where running more at once on one Node thread
 * finishes nothing sooner: each waiting call holds nothing yet, where each running one holds its
 * rows, and waiting here rather than for a pooled database connection never times out.
 */
export function createGate(limit: number) {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`a gate needs a whole limit of 1 or more, not ${limit}`);
  let running = 0;
  const waiting: (() => void)[] = [];

  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) {
      running++;
      next();
    }
  };

  return async function run<T>(work: () => Promise<T>): Promise<T> {
    if (running < limit) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      release();
    }
  };
}

/**
 * Calls with the same key share one run of their work, and that run always starts after they were
 * made: a call made while a run is under way waits for the next run, which every call made in the
 * meantime shares. So no caller gets a result read before it asked, and many readers of the same
 * report cost one or two runs, not one each. Callers share the result: none may change it.
 *
 * With `keepMs`, a run's result also answers calls made up to that long after the run started: for
 * results that the caller knows cannot change meanwhile, or may be that old. With `staleMs` as
 * well (longer than `keepMs`), a result past `keepMs` but within `staleMs` still answers at once,
 * while the call starts a new run in the background (one at a time) that later calls get: under
 * many readers, no one waits for the refresh. `forget` drops kept results.
 */
export function createSharedRuns<T>() {
  const runs = new Map<string, { current: Promise<T>; next: Promise<T> | null }>();
  const kept = new Map<string, { value: T; until: number; staleUntil: number }>();

  const start = (key: string, work: () => Promise<T>, keepMs: number, staleMs: number): Promise<T> => {
    const started = Date.now();
    const current = work().finally(() => {
      const entry = runs.get(key);
      if (entry?.current === current && entry.next === null) runs.delete(key);
    });
    runs.set(key, { current, next: null });
    if (keepMs > 0) {
      current.then(
        (value) => {
          const until = started + keepMs;
          const staleUntil = started + Math.max(keepMs, staleMs);
          kept.set(key, { value, until, staleUntil });
          setTimeout(() => {
            if (kept.get(key)?.staleUntil === staleUntil) kept.delete(key);
          }, staleUntil - Date.now()).unref();
        },
        () => {},
      );
    }
    return current;
  };

  function run(key: string, work: () => Promise<T>, { keepMs = 0, staleMs = 0 } = {}): Promise<T> {
    const now = Date.now();
    const done = kept.get(key);
    if (done && now <= done.until) return Promise.resolve(done.value);
    const entry = runs.get(key);
    if (done && now <= done.staleUntil) {
      // A failed refresh leaves the kept result to answer until it is too old, then callers see the failure.
      if (!entry) start(key, work, keepMs, staleMs).catch(() => {});
      return Promise.resolve(done.value);
    }
    if (!entry) return start(key, work, keepMs, staleMs);
    if (entry.next) return entry.next;
    const settled = () => start(key, work, keepMs, staleMs);
    entry.next = entry.current.then(settled, settled);
    return entry.next;
  }
  run.forget = () => kept.clear();
  return run;
}
