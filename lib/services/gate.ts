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
