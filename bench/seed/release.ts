import { performance } from "node:perf_hooks";
import type { Connection } from "@/lib/db/adapter";
import { createClient, useDbForTests as pointServicesAt } from "@/lib/db/client";
import { releaseDue, releaseNational } from "@/lib/services/releases";

/**
 * Releases the seeded world's closed period as production would: every commissioner's programme
 * through the daily job (`releaseDue`), then the national release. Reports read only releases, so
 * without this they would show counts only; and timed, it is the "release of the whole of L".
 */

/** The period whose cycles have all closed by the benchmark's moment (bench/reports/measure.ts NOW). */
export const RELEASED_PERIOD = "2025–26";

export interface ReleaseTiming {
  commissioners: number;
  scopes: number;
  figures: number;
  /** Seconds for every commissioner's release, then for the national one. */
  commissionerSeconds: number;
  nationalSeconds: number;
}

export async function releaseWorld(connection: Connection, now: Date): Promise<ReleaseTiming> {
  const client = createClient(connection);
  // The services read the process's one client: this database's, for the release.
  pointServicesAt(client, connection);
  try {
    const start = performance.now();
    const due = await releaseDue(now);
    const middle = performance.now();
    const national = await releaseNational(RELEASED_PERIOD, now);
    const end = performance.now();
    const released = due.filter((o) => o.releaseId !== null);
    return {
      commissioners: released.length,
      scopes: released.reduce((n, o) => n + o.scopes, 0) + national.scopes,
      figures: released.reduce((n, o) => n + o.figures, 0) + national.figures,
      commissionerSeconds: Math.round((middle - start) / 100) / 10,
      nationalSeconds: Math.round((end - middle) / 100) / 10,
    };
  } finally {
    await client.$disconnect();
  }
}
