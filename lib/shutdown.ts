/**
 * Work to finish before the server exits on SIGTERM (a deployment, Docker) or SIGINT (Ctrl-C): the
 * background queue stops first, while the database is still open (docs/decisions/0017). `next
 * start` has its own handlers, registered before instrumentation.ts runs: they stop taking
 * requests, finish those under way and exit. They are kept, and run once `stop` has finished (or
 * after `timeoutMs`, so a stuck job cannot keep a deployment waiting); with none (Next.js told
 * NEXT_MANUAL_SIG_HANDLE, or a script) the process exits as the signal would have ended it.
 */

const SIGNALS = ["SIGTERM", "SIGINT"] as const;
const EXIT_CODES = { SIGTERM: 143, SIGINT: 130 } as const;

type Listener = (signal: NodeJS.Signals) => void;

/** The part of `process` this uses: tests give a stand-in. */
export interface SignalTarget {
  listeners(signal: NodeJS.Signals): unknown[];
  removeAllListeners(signal: NodeJS.Signals): unknown;
  on(signal: NodeJS.Signals, listener: Listener): unknown;
  exit(code: number): never | undefined;
}

export function stopBeforeExit(
  stop: () => Promise<void>,
  { target = process as SignalTarget, timeoutMs = 30_000 } = {},
): void {
  let stopped: Promise<void> | null = null;
  const stopOnce = () => {
    stopped ??= Promise.race([
      stop().catch((error) =>
        console.error(
          `Background jobs did not stop cleanly: ${error instanceof Error ? error.message : error}`,
        ),
      ),
      new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
    ]);
    return stopped;
  };
  for (const signal of SIGNALS) {
    const before = target.listeners(signal) as Listener[];
    target.removeAllListeners(signal);
    target.on(signal, (received) => {
      void stopOnce().then(() => {
        if (before.length === 0) target.exit(EXIT_CODES[signal]);
        for (const listener of before) listener.call(target, received);
      });
    });
  }
}
