/**
 * Whether this process's database answers, as far as the process knows. proxy.ts asks before every
 * page so that an outage gets a friendly 503 page instead of an error from deep inside a render; it
 * costs nothing while all is well. The first request, and any request after an unexpected error
 * anywhere (see markDatabaseSuspect), runs one `SELECT 1`; while the database is down that check
 * runs again at most once a second, so the app recovers on its own when the database returns.
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
  if (current.up === true && !current.suspect) return true;
  if (current.checking) return current.checking;
  if (current.up === false && !current.suspect && now - current.checkedAt < RECHECK_AFTER_MS) return false;
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
