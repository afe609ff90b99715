import "server-only";
import { markDatabaseSuspect } from "@/lib/db/availability";
import { answersWithin } from "@/lib/db/probe";

export interface DatabaseHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

const TIMEOUT_MS = 3_000;

/** Runs `SELECT 1` with a time limit, so a hung database reads as down rather than hanging the probe. */
export async function checkDatabase(): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    await answersWithin(TIMEOUT_MS);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    console.error("health check: database unreachable", error);
    markDatabaseSuspect();
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: "The database cannot be reached.",
    };
  }
}
