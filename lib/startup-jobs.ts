import { loadEnv } from "./env";

const RETRY_MS = 60_000;

/**
 * Starts the background queue's workers and schedules when JOBS=on (docs/decisions/0017), a moment
 * after the server has started, and stops them first when the server is told to stop (lib/shutdown.ts). A database that is not reachable yet does not stop the server: the
 * pages say so themselves, and the queue tries again a minute later.
 */
export function startJobsIfOn(delayMs = 1_000) {
  if (loadEnv().JOBS !== "on") return;
  const attempt = (delay: number) => {
    setTimeout(async () => {
      try {
        const { startBackgroundWork, stopBackgroundWork } = await import("@/lib/services/background-work");
        await startBackgroundWork();
        const { stopBeforeExit } = await import("@/lib/shutdown");
        stopBeforeExit(stopBackgroundWork);
      } catch (error) {
        console.error(
          `Background jobs could not start (${error instanceof Error ? error.message : error}); trying again in a minute.`,
        );
        attempt(RETRY_MS);
      }
    }, delay).unref();
  };
  attempt(delayMs);
}
