import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listContracts } from "@/lib/services/contracts";
import * as demo from "@/prisma/demo-data";
import { isEmpty, seedDemo } from "@/prisma/seed";
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/support/test-database";

/** Everything the seed wrote, without generated ids, so two runs can be compared. */
async function snapshot({ client }: TestDatabase) {
  const organisations = await client.organisation.findMany({
    select: { name: true, type: true, sector: true, sizeBand: true },
    orderBy: { name: "asc" },
  });
  const contracts = await client.contract.findMany({
    orderBy: { reference: "asc" },
    select: {
      reference: true,
      title: true,
      primes: { select: { lot: true, prime: { select: { name: true } } }, orderBy: { lot: "asc" } },
      supplyChain: {
        select: { status: true, namedInBid: true, organisation: { select: { name: true } } },
        orderBy: { organisation: { name: "asc" } },
      },
      cycles: { select: { name: true, opensAt: true, closesAt: true }, orderBy: { name: "asc" } },
    },
  });
  return { organisations, contracts };
}

describe.each(testDatabaseKinds())("demo seed on %s", (kind) => {
  let first: TestDatabase;
  let second: TestDatabase;
  beforeAll(async () => {
    [first, second] = await Promise.all([openTestDatabase(kind), openTestDatabase(kind)]);
    expect(await isEmpty(first.client)).toBe(true);
    await seedDemo(first.client);
    await seedDemo(second.client);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it("writes one council, two contracts, three primes and twelve VCS partners of different sizes", async () => {
    const { client } = first;
    expect(await isEmpty(client)).toBe(false);
    const count = (type: "COMMISSIONER" | "PRIME" | "SUBCONTRACTOR") =>
      client.organisation.count({ where: { type } });
    expect(await count("COMMISSIONER")).toBe(1);
    expect(await count("PRIME")).toBe(3);
    expect(await count("SUBCONTRACTOR")).toBe(12);
    expect(await client.contract.count()).toBe(2);
    const sizes = await client.organisation.groupBy({ by: ["sizeBand"], where: { type: "SUBCONTRACTOR" } });
    expect(sizes.map((s) => s.sizeBand).sort()).toEqual(["LARGE", "MEDIUM", "MICRO", "SMALL"]);
    expect(await client.organisation.count({ where: { type: "SUBCONTRACTOR", sector: "VCSE" } })).toBe(12);
  });

  it("is deterministic: two runs write the same data", async () => {
    expect(await snapshot(second)).toEqual(await snapshot(first));
  });

  it("gives the home page's contract list its primes, lots and partner counts", async () => {
    first.use();
    const contracts = await listContracts();
    expect(contracts.map((c) => c.reference)).toEqual(["NCC-2025-027", "NCC-2025-014"]);
    const working = contracts.find((c) => c.reference === "NCC-2025-014");
    expect(working?.commissioner).toBe(demo.commissioner);
    expect(working?.primes.map((p) => `${p.name} (${p.lot})`)).toEqual([
      `${demo.primes.castlegate} (North)`,
      `${demo.primes.meridian} (South)`,
    ]);
    expect(working?.partnerCount).toBe(10);
  });
});
