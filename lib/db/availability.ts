/**
 * Whether this process's database answers, as far as the process knows. proxy.ts asks before every
 * request so that an outage gets a friendly 503 page instead of an error from deep inside a render
 * (which Next.js answers with a 500 and, without JavaScript, a blank page). An answer is trusted for
 * RECHECK_AFTER_MS, so a busy server runs at most one `SELECT 1` a second for it; an unexpected
 * error anywhere, or a connection the server dropped (see markDatabaseSuspect), makes the next
 * request check at once. The app recovers on its own when the database returns.
 *
 * Kept on globalThis: the proxy and the pages are bundled separately but run in one process.
 */

export const RECHECK_AFTER_MS = 1_000;

interface State {
  /** null until the first check. */
  up: boolean | null;
  suspect: boolean;
  checkedAt: number;
  checking: Promise<boolean> | null;
}

const holder = globalThis as unknown as { chainwiseDbAvailability?: State };

function state(): State {
  holder.chainwiseDbAvailability ??= { up: null, suspect: false, checkedAt: 0, checking: null };
  return holder.chainwiseDbAvailability;
}

/** Something failed unexpectedly: check the database before serving the next page. */
export function markDatabaseSuspect(): void {
  state().suspect = true;
}

/**
 * True when the database is known to answer; otherwise checks with `probe` (shared by concurrent
 * callers) unless it was checked less than RECHECK_AFTER_MS ago.
 */
export async function databaseAvailable(probe: () => Promise<boolean>, now = Date.now()): Promise<boolean> {
  const current = state();
  const fresh = !current.suspect && now - current.checkedAt < RECHECK_AFTER_MS;
  if (current.up === true && fresh) return true;
  if (current.checking) return current.checking;
  if (current.up === false && fresh) return false;
  current.suspect = false;
  current.checking = probe()
    .catch(() => false)
    .then((up) => {
      current.up = up;
      current.checkedAt = Date.now();
      current.checking = null;
      return up;
    });
  return current.checking;
}

/** Tests only: forget what is known. */
export function resetDatabaseAvailability(): void {
  holder.chainwiseDbAvailability = undefined;
}
