import { beforeAll, describe, expect, it } from "vitest";
import { listDemoContracts } from "@/lib/services/contracts";
import * as demo from "@/prisma/demo-data";
import { isEmpty, seedDemo } from "@/prisma/seed";
import { nonEmpty } from "@/tests/support/non-empty";
import { type OpenTestDatabase, testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/** Everything the seed wrote, without generated ids, so two runs can be compared. */
async function snapshot({ client }: OpenTestDatabase) {
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
  const assessments = await client.assessment.findMany({
    orderBy: { reference: "asc" },
    select: {
      reference: true,
      perspective: true,
      status: true,
      submittedAt: true,
      respondent: { select: { name: true } },
      cycle: { select: { name: true } },
      answers: {
        select: { questionKey: true, value: true, score: true, flagged: true },
        orderBy: { questionKey: "asc" },
      },
    },
  });
  return { organisations, contracts, assessments };
}

const [previousCycle, currentCycle] = demo.demoCycles().map((c) => c.name);

describe.each(testDatabaseKinds())("demo seed on %s", (kind) => {
  const first = useTestDatabase(kind);
  const second = useTestDatabase(kind);
  // Read by every test, changed by none.
  beforeAll(async () => {
    expect(await isEmpty(first.client)).toBe(true);
    await seedDemo(first.client);
    await seedDemo(second.client);
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

  it("writes ratings and self-assessments: all of last cycle, some of this one, Castlegate's left to try", async () => {
    const rows = await first.client.assessment.groupBy({
      by: ["perspective", "status"],
      where: { cycle: { name: previousCycle } },
      _count: true,
      orderBy: [{ perspective: "asc" }, { status: "asc" }],
    });
    expect(rows.map((r) => [r.perspective, r.status, r._count])).toEqual([
      ["SUBCONTRACTOR", "SUBMITTED", 13],
      ["PRIME", "SUBMITTED", 3],
    ]);
    const current = await first.client.assessment.findMany({
      where: { cycle: { name: currentCycle } },
      select: { perspective: true, status: true, prime: { select: { name: true } } },
    });
    const count = (prime: string, perspective: string, status: string) =>
      current.filter((a) => a.prime.name === prime && a.perspective === perspective && a.status === status)
        .length;
    expect(count(demo.primes.meridian, "SUBCONTRACTOR", "SUBMITTED")).toBe(4);
    expect(count(demo.primes.harbourline, "SUBCONTRACTOR", "SUBMITTED")).toBe(2);
    expect(count(demo.primes.castlegate, "SUBCONTRACTOR", "SUBMITTED")).toBe(2);
    expect(
      count(demo.primes.castlegate, "PRIME", "SUBMITTED") + count(demo.primes.castlegate, "PRIME", "DRAFT"),
    ).toBe(0);
    // Meridian claims far more than its partners say: the blind spot the reports should show.
    const averages = await first.client.$queryRaw<{ perspective: string; mean: number }[]>`
      SELECT a.perspective::text AS perspective, avg(ans.score)::float AS mean
      FROM "Answer" ans JOIN "Assessment" a ON a.id = ans."assessmentId" JOIN "Organisation" p ON p.id = a."primeId"
      WHERE p.name = ${demo.primes.meridian} AND a.status = 'SUBMITTED' GROUP BY a.perspective ORDER BY 1`;
    const [self, partners] = averages;
    expect(self?.mean ?? 0).toBeGreaterThan((partners?.mean ?? 100) + 20);
    // Partners named in Meridian's bid who got no contract say so.
    expect(
      await first.client.answer.count({
        where: { questionKey: "faith.bid-candy.sub", value: { equals: "named-no-contract" } },
      }),
    ).toBeGreaterThanOrEqual(2);
  });

  it("gives each demo account a hashed password and administers one invented organisation", async () => {
    const users = await first.client.user.findMany({
      select: {
        email: true,
        accounts: { select: { password: true } },
        memberships: { select: { role: true, organisation: { select: { name: true, demo: true } } } },
      },
      orderBy: { email: "asc" },
    });
    expect(users.map((u) => u.email).sort()).toEqual(demo.demoAccounts.map((a) => a.email).sort());
    for (const user of nonEmpty(users, "demo accounts")) {
      expect(user.accounts[0]?.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
      expect(user.accounts[0]?.password).not.toContain(demo.DEMO_PASSWORD);
      expect(user.memberships).toEqual([
        { role: "ADMIN", organisation: { name: expect.any(String), demo: true } },
      ]);
    }
  });

  it("agrees with itself: every partner's bid-candy answer matches its place on the roster", async () => {
    // Issue 17: every partner of one prime flagged "given no work" while the roster showed them delivering.
    const rows = await first.client.$queryRaw<
      { partner: string; status: string; namedInBid: boolean; value: unknown; flagged: boolean }[]
    >`
      SELECT o.name AS partner, m.status::text AS status, m."namedInBid", ans.value, ans.flagged
      FROM "Answer" ans
      JOIN "Assessment" a ON a.id = ans."assessmentId"
      JOIN "Organisation" o ON o.id = a."respondentOrgId"
      JOIN "SupplyChainMember" m
        ON m."contractId" = a."contractId" AND m."primeId" = a."primeId" AND m."organisationId" = a."respondentOrgId"
      WHERE ans."questionKey" = ${demo.INVOLVEMENT_QUESTION} AND a.perspective = 'SUBCONTRACTOR'`;
    for (const row of nonEmpty(rows, "partners' answers on their involvement")) {
      const noWork = row.status === "NAMED_IN_BID" || row.status === "CONTRACTED";
      expect({ partner: row.partner, flagged: row.flagged }).toEqual({
        partner: row.partner,
        flagged: noWork,
      });
      if (row.status === "DELIVERING")
        expect(row.value).toBe(row.namedInBid ? "named-delivering" : "not-named-delivering");
    }
    // Both kinds are there: the demo shows a prime with bid candy and partners who deliver.
    expect(rows.some((r) => r.flagged)).toBe(true);
    expect(rows.some((r) => !r.flagged)).toBe(true);

    // Each prime's own claim is the share its roster gives.
    const claims = await first.client.$queryRaw<{ prime: string; value: unknown }[]>`
      SELECT p.name AS prime, ans.value
      FROM "Answer" ans
      JOIN "Assessment" a ON a.id = ans."assessmentId"
      JOIN "Organisation" p ON p.id = a."primeId"
      WHERE ans."questionKey" = ${demo.NAMED_DELIVERING_QUESTION} AND a.perspective = 'PRIME'`;
    for (const claim of nonEmpty(claims, "primes' claims")) {
      const lot = demo.contracts.flatMap((c) => c.lots).find((l) => demo.primes[l.prime] === claim.prime);
      expect(Number(claim.value)).toBe(demo.namedDeliveringPercent(lot?.chain ?? []));
    }
  });

  it("is deterministic: two runs write the same data", async () => {
    expect(await snapshot(second)).toEqual(await snapshot(first));
  });

  it("gives the home page's contract list its primes, lots and partner counts", async () => {
    first.use();
    const contracts = await listDemoContracts();
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
