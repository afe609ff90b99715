import type { Instrumentation } from "next";

/** Runs once when the server starts: a bad environment stops it here with a clear message. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvOrExit } = await import("@/lib/startup");
    checkEnvOrExit();
    const { startJobsIfOn } = await import("@/lib/startup-jobs");
    startJobsIfOn();
  }
}

/**
 * Any error a page, action or route did not handle may mean the database went away: the next
 * request checks it first (lib/db/availability.ts) and gets a friendly 503 page if so.
 */
export const onRequestError: Instrumentation.onRequestError = async () => {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { markDatabaseSuspect } = await import("@/lib/db/availability");
    markDatabaseSuspect();
  }
};
