import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { openConnection } from "@/lib/db/adapter";
import { deployMigrations, migrationStatus } from "@/lib/db/migrate";
import { readMigrations } from "@/lib/db/schema-engine";
import { testDatabaseKinds, useTestDatabase, withTestDatabase } from "@/tests/support/test-database";

describe.each(testDatabaseKinds())("migrations on %s", (kind) => {
  it("bring a brand-new database up to date, and a second run applies nothing", async () => {
    await withTestDatabase(kind, { empty: true }, async ({ connection, client }) => {
      const all = (await readMigrations()).migrationDirectories.map((m) => m.path);
      expect(all.length).toBeGreaterThan(0);
      expect(await migrationStatus(connection)).toMatchObject({ upToDate: false, pending: all });

      expect(await deployMigrations(connection)).toEqual(all);
      expect(await deployMigrations(connection)).toEqual([]);
      expect(await migrationStatus(connection)).toEqual({ upToDate: true, pending: [], problems: [] });

      const tables = await client.$queryRaw<{ table_name: string }[]>`
        SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(["Answer", "Assessment", "Contract", "Organisation", "_prisma_migrations"]),
      );
    });
  });
});

describe.runIf(testDatabaseKinds().includes("postgres"))("migrations from several instances at once", () => {
  it("apply each migration once, and every instance starts on an up-to-date database", async () => {
    // Instances that start together each migrate first (npm start). Prisma's schema engine takes a
    // PostgreSQL advisory lock: one applies, the others wait and find nothing left to do. The lock
    // lasts as long as the engine's connection, so each migration gets a connection of its own.
    await withTestDatabase("postgres", { empty: true }, async (database) => {
      const instances = [1, 2, 3].map(() => openConnection({ kind: "postgres", url: database.url ?? "" }));
      try {
        const all = (await readMigrations()).migrationDirectories.map((m) => m.path);
        const applied = await Promise.all(instances.map((connection) => deployMigrations(connection)));
        expect(applied.flat().sort()).toEqual([...all].sort());
        expect(applied.filter((names) => names.length > 0)).toHaveLength(1);
        expect(await migrationStatus(database.connection)).toEqual({
          upToDate: true,
          pending: [],
          problems: [],
        });
        const [rows] = await database.client.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
        expect(rows?.n).toBe(all.length);
      } finally {
        await Promise.all(instances.map((connection) => connection.close()));
      }
    });
  });
});

describe.runIf(testDatabaseKinds().includes("postgres"))("one transaction's connection", () => {
  const database = useTestDatabase("postgres");

  it("takes a read of several relations without pg's warning about overlapping queries", async () => {
    // Prisma loads the relations with queries started together; on a transaction's one client pg 8
    // warns and pg 9 will refuse (lib/db/serial-client.ts). The warning is an error in the child.
    await database.client.organisation.create({ data: { name: "Harbour Food Bank", type: "SUBCONTRACTOR" } });
    const child = spawnSync(
      process.execPath,
      ["--throw-deprecation", "--import", "tsx", "tests/support/read-in-transaction-child.ts"],
      { env: { ...process.env, DATABASE_URL: database.url ?? "" }, encoding: "utf8", timeout: 60_000 },
    );
    expect(child.stderr).toBe("");
    expect(child.stdout.trim()).toBe("read an organisation");
  });
});

describe.each(testDatabaseKinds())("Prisma on %s", (kind) => {
  const database = useTestDatabase(kind);

  it("starts migrated and up to date", async () => {
    expect(await migrationStatus(database.connection)).toMatchObject({ upToDate: true });
  });

  it("writes a contract with its primes and supply chain in one nested write, and reads it back", async () => {
    const { client } = database;
    const council = await client.organisation.create({
      data: { name: "Wessex Borough Council", type: "COMMISSIONER" },
    });
    const prime = await client.organisation.create({ data: { name: "Anvil Services Ltd", type: "PRIME" } });
    const charity = await client.organisation.create({
      data: { name: "Harbour Food Bank", type: "SUBCONTRACTOR", sector: "VCSE", sizeBand: "MICRO" },
    });
    await client.contract.create({
      data: {
        title: "Wessex Homeless Prevention",
        reference: "WBC-001",
        valueBand: "£1m–£10m",
        startDate: new Date("2026-04-01"),
        commissionerId: council.id,
        primes: { create: [{ primeId: prime.id, lot: "East" }] },
        supplyChain: {
          create: [
            { primeId: prime.id, organisationId: charity.id, status: "NAMED_IN_BID", namedInBid: true },
          ],
        },
      },
    });

    const read = await client.contract.findUniqueOrThrow({
      where: { commissionerId_reference: { commissionerId: council.id, reference: "WBC-001" } },
      include: { primes: { include: { prime: true } }, supplyChain: { include: { organisation: true } } },
    });
    expect(read.startDate.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(read.primes.map((p) => [p.prime.name, p.lot])).toEqual([["Anvil Services Ltd", "East"]]);
    expect(read.supplyChain.map((m) => [m.organisation.name, m.status, m.organisation.sizeBand])).toEqual([
      ["Harbour Food Bank", "NAMED_IN_BID", "MICRO"],
    ]);
  });

  it("rolls back a transaction that fails part-way", async () => {
    const { client } = database;
    await expect(
      client.$transaction(async (tx) => {
        await tx.organisation.create({ data: { name: "Half-written Trust", type: "SUBCONTRACTOR" } });
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    expect(await client.organisation.count({ where: { name: "Half-written Trust" } })).toBe(0);
  });

  it("refuses a second supply-chain entry for the same partner, prime and contract", async () => {
    const { client } = database;
    const [council, prime, charity] = await Promise.all([
      client.organisation.create({ data: { name: "Council", type: "COMMISSIONER" } }),
      client.organisation.create({ data: { name: "Prime", type: "PRIME" } }),
      client.organisation.create({ data: { name: "Charity", type: "SUBCONTRACTOR" } }),
    ]);
    const contract = await client.contract.create({
      data: {
        title: "T",
        reference: "DUP-1",
        valueBand: "£1m–£10m",
        startDate: new Date(),
        commissionerId: council.id,
        // A supply chain is a prime's on the contract: the database holds that too.
        primes: { create: { primeId: prime.id } },
      },
    });
    const entry = {
      contractId: contract.id,
      primeId: prime.id,
      organisationId: charity.id,
      status: "DELIVERING" as const,
    };
    await client.supplyChainMember.create({ data: entry });
    await expect(client.supplyChainMember.create({ data: entry })).rejects.toThrow(/Unique constraint/i);
  });
});
