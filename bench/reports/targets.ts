import { existsSync } from "node:fs";
import type { Actor } from "@/lib/auth/types";
import type { Connection } from "@/lib/db/adapter";
import { createClient, useDbForTests } from "@/lib/db/client";
import { type DatabaseTarget, describeTarget } from "@/lib/db/target";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Scale } from "../seed/scale";
import { isSeeded, openBench, type SeedResult, seed } from "../seed/seed";
import type { Sql } from "../seed/sql";
import { benchIds } from "../seed/world";

/**
 * One benchmark database opened for measuring: the app's Prisma client (what the services use)
 * and a raw driver connection (what the hand-written SQL uses) on the same data. Seeds it first
 * when it is missing or was written by an older generator.
 */
export interface BenchDatabase {
  scale: Scale;
  kind: "pglite" | "postgres";
  label: string;
  target: DatabaseTarget;
  client: PrismaClient;
  connection: Connection;
  sql: Sql;
  actors: {
    commissioner: Actor;
    prime: Actor;
    contractId: string;
    /** The contract's cycle of the released period. */
    releasedCycleId: string;
    draftId: string;
    partnerId: string;
  };
  /** Set when this run had to seed it. */
  seeded: SeedResult | null;
  use(): void;
  close(): Promise<void>;
}

const actor = (
  organisationId: string,
  organisationName: string,
  organisationType: Actor["organisationType"],
): Actor => ({
  organisationId,
  organisationName,
  organisationType,
  userId: null,
  role: null,
});

export async function openBenchDatabase(scale: Scale, target: DatabaseTarget): Promise<BenchDatabase> {
  let seeded: SeedResult | null = null;
  // A PGlite folder that does not exist yet is seeded straight away: opening it would create it unmarked.
  const missing = target.kind === "pglite" && !existsSync(target.dataDir as string);
  let opened = missing ? null : await openBench(target).catch(() => null);
  if (!opened || !(await isSeeded(opened.sql, scale).catch(() => false))) {
    if (opened) {
      await opened.sql.close();
      await opened.connection.close();
    }
    seeded = await seed(scale, target);
    opened = await openBench(target);
  }
  const { sql, connection } = opened;
  const contractId = benchIds.contract(0);
  const [found] = await sql.query<{
    commissioner: string;
    primeId: string;
    prime: string;
    draftId: string;
    partnerId: string;
  }>(
    `SELECT c.name AS commissioner, p.id AS "primeId", p.name AS prime, a.id AS "draftId", a."respondentOrgId" AS "partnerId"
     FROM "ContractPrime" cp JOIN "Organisation" p ON p.id = cp."primeId"
     JOIN "Contract" co ON co.id = cp."contractId" JOIN "Organisation" c ON c.id = co."commissionerId"
     JOIN "Assessment" a ON a."contractId" = cp."contractId" AND a."primeId" = cp."primeId" AND a.status = 'DRAFT'
     WHERE cp."contractId" = $1 AND cp.lot = 'Lot 1'
     ORDER BY a.id LIMIT 1`,
    [contractId],
  );
  if (!found) throw new Error(`${describeTarget(target)} has no benchmark contract`);
  const client = createClient(connection);
  return {
    scale,
    kind: target.kind,
    label: `${scale} on ${target.kind === "pglite" ? "PGlite" : "PostgreSQL"}`,
    target,
    client,
    connection,
    sql,
    actors: {
      commissioner: actor(benchIds.commissioner(0), found.commissioner, "COMMISSIONER"),
      prime: actor(found.primeId, found.prime, "PRIME"),
      contractId,
      releasedCycleId: benchIds.cycle(0, 0),
      draftId: found.draftId,
      partnerId: found.partnerId,
    },
    seeded,
    // The services read the process's one client; the benchmark points it at each database in turn.
    use: () => useDbForTests(client, connection),
    close: async () => {
      await client.$disconnect();
      await sql.close();
      await connection.close();
    },
  };
}
