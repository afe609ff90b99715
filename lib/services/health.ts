import "server-only";
import { markDatabaseSuspect } from "@/lib/db/availability";
import { db } from "@/lib/db/client";

export interface DatabaseHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

const TIMEOUT_MS = 3_000;

/** Runs `SELECT 1` with a time limit, so a hung database reads as down rather than hanging the probe. */
export async function checkDatabase(): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    console.error("health check: database unreachable", error);
    markDatabaseSuspect();
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: "The database cannot be reached.",
    };
  } finally {
    clearTimeout(timer);
  }
}
