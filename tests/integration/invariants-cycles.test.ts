import pg from "pg";
import { describe, expect, it } from "vitest";
import { createCycle } from "@/tests/support/factories";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/**
 * A contract's cycles have their own names and never overlap (prisma/migrations/…_cycles_never_clash,
 * ADR 0014), attacked with raw SQL as a mistaken script would, and on PostgreSQL by two transactions
 * at once, which the service's own check alone could not see.
 */
describe.each(testDatabaseKinds())("cycles in the database on %s", (kind) => {
  const database = useTestDatabase(kind);
  const CLASH = /clashes with cycle/;
  // The scenario's cycle runs from 2026-10-01 to 2027-01-31 (tests/support/factories.ts).
  const insert = `INSERT INTO "Cycle" (id, "contractId", name, "opensAt", "closesAt") VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz)`;

  async function refused(attempt: Promise<unknown>, reason: RegExp) {
    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, "the database accepted it").toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(reason);
  }

  const sql = (text: string, ...values: unknown[]) => database.client.$executeRawUnsafe(text, ...values);

  it("refuses an overlapping cycle, and a name that differs only in case", async () => {
    const { contractId } = await createRatingScenario(database.client);
    await refused(sql(insert, "c1", contractId, "Winter", "2027-01-01", "2027-03-31"), CLASH);
    await refused(sql(insert, "c2", contractId, "Outer", "2026-09-01", "2027-02-28"), CLASH);
    await refused(sql(insert, "c3", contractId, "2026–27".toUpperCase(), "2028-01-01", "2028-03-31"), CLASH);
    // Another name, touching but not overlapping: the next cycle opens as this one closes.
    expect(await sql(insert, "c4", contractId, "2027–28", "2027-01-31T23:59:59Z", "2027-06-30")).toBe(1);
  });

  it("refuses moving or renaming a cycle onto another", async () => {
    const { contractId } = await createRatingScenario(database.client);
    const later = await createCycle(database.client, {
      contractId,
      name: "2027–28",
      opensAt: new Date("2027-10-01T00:00:00Z"),
      closesAt: new Date("2028-01-31T23:59:59Z"),
    });
    await refused(sql(`UPDATE "Cycle" SET "opensAt" = '2027-01-01' WHERE id = $1`, later.id), CLASH);
    await refused(sql(`UPDATE "Cycle" SET name = '2026–27' WHERE id = $1`, later.id), CLASH);
    // Changing a cycle's own dates within its own room is fine.
    expect(await sql(`UPDATE "Cycle" SET "closesAt" = '2028-02-28' WHERE id = $1`, later.id)).toBe(1);
  });

  it("lets other contracts use the same name and dates", async () => {
    const first = await createRatingScenario(database.client);
    const second = await createRatingScenario(database.client);
    expect(first.cycleName).toBe(second.cycleName);
  });

  it.skipIf(kind !== "postgres")("refuses the second of two overlapping cycles written at once", async () => {
    const { contractId } = await createRatingScenario(database.client);
    const [a, b] = [new pg.Client(database.url ?? ""), new pg.Client(database.url ?? "")];
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.query("BEGIN");
      await a.query(insert, ["r1", contractId, "Spring", "2027-02-01", "2027-04-30"]);
      await b.query("BEGIN");
      const second = b.query(insert, ["r2", contractId, "Easter", "2027-03-01", "2027-05-31"]).then(
        () => null,
        (e: unknown) => e,
      );
      // The second waits on the first's lock of the contract; without it, both would pass.
      await expect
        .poll(async () => {
          const waiting = await a.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          );
          return waiting.rows[0]?.n;
        })
        .toBe(1);
      await a.query("COMMIT");
      const error = await second;
      expect(error, "both overlapping cycles were written").toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(CLASH);
      await b.query("ROLLBACK");
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });
});
