import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors";
import { getCommissionerOverview } from "@/lib/services/commissioner-overview";
import { releaseNational, releasePeriod } from "@/lib/services/releases";
import { answersAt } from "@/tests/support/answers";
import { AFTER, CLOSE, chain, programme } from "@/tests/support/disclosure";
import { actorFor, createAssessment, createPrime } from "@/tests/support/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/** Issue 17: the commissioner's landing view, worst first, from released figures only. */

const EARLIER = { opensAt: new Date("2025-10-01T00:00:00Z"), closesAt: new Date("2026-01-31T00:00:00Z") };
const EARLIER_RELEASE = new Date("2026-02-15T00:00:00Z");

describe.each(testDatabaseKinds())("the commissioner's overview on %s", (kind) => {
  const database = useTestDatabase(kind);

  /**
   * Two primes on a programme at thresholds of 3. Anvil's six partners rated it well last period and
   * split this period (three worst, three best: its flags can be published); it rates itself best.
   * Brook's three partners rate it best, this period only.
   */
  async function world() {
    const { client } = database;
    const { admin, commissionerId, period } = await programme(client, { score: 3, category: 3 });
    const earlier = `${period} earlier`;
    const anvil = actorFor(
      await createPrime(client, `Anvil Employment ${Math.random().toString(36).slice(2, 8)} Ltd`),
    );
    const brook = actorFor(
      await createPrime(client, `Brook Pathways ${Math.random().toString(36).slice(2, 8)} CIC`),
    );
    const a = await chain(client, commissionerId, anvil, earlier, 6, EARLIER);
    for (const [i, p] of a.partners.entries()) await a.rate(p, "best", i);
    const now = await a.cycle(period);
    for (const [i, p] of a.partners.entries()) await now.rate(p, i < 3 ? "worst" : "best", i);
    await createAssessment(client, {
      contractId: a.contractId,
      cycleId: now.cycleId,
      primeId: anvil.organisationId,
      respondentOrgId: anvil.organisationId,
      perspective: "prime",
      answers: answersAt("prime", "best"),
      submittedAt: new Date(CLOSE.getTime() - 86_400_000),
    });
    const b = await chain(client, commissionerId, brook, period, 3);
    for (const [i, p] of b.partners.entries()) await b.rate(p, "best", i);
    await releasePeriod(admin, commissionerId, earlier, EARLIER_RELEASE);
    return { admin, commissionerId, period, earlier, anvil, brook };
  }

  it("says nothing is released before a release, and refuses anyone but a commissioner", async () => {
    const { admin, anvil } = await world();
    const before = await getCommissionerOverview(admin, new Date("2026-12-01T00:00:00Z"));
    // Only the earlier period is released by then.
    expect(before.period).toMatch(/earlier$/);
    await expect(getCommissionerOverview(anvil, AFTER)).rejects.toThrow(NotFoundError);
  });

  it("lists every prime worst first, with band, flags, gap, change and response rate", async () => {
    const { admin, commissionerId, period, earlier } = await world();
    await releasePeriod(admin, commissionerId, period, AFTER);
    const overview = await getCommissionerOverview(admin, AFTER);
    expect(overview.period).toBe(period);
    expect(overview.previousPeriod).toBe(earlier);
    expect(overview.rows.map((r) => r.prime.name.split(" ")[0])).toEqual(["Anvil", "Brook"]);
    const [anvil, brook] = overview.rows;
    expect(anvil?.band).not.toBe("strong");
    expect(anvil?.flags).toBeGreaterThan(0);
    // It claims the best answers while half its partners give the worst.
    expect(anvil?.gap).toBeGreaterThan(20);
    // Down from last period's all-best ratings; Brook had no earlier release to compare with.
    expect(anvil?.change).toBeLessThan(0);
    expect(brook).toMatchObject({ band: "strong", flags: 0, change: null, gap: null, responseRate: 100 });
    expect(anvil).toMatchObject({ submitted: 6, roster: 6, responseRate: 100 });
    expect(overview.nationalMedian).toBeNull();
    expect(anvil?.againstNational).toBeNull();
  });

  it("carries each contract's service area, for the filter", async () => {
    const { admin, commissionerId, period } = await world();
    await releasePeriod(admin, commissionerId, period, AFTER);
    const [anvilRow] = (await getCommissionerOverview(admin, AFTER)).rows;
    await database.client.contract.update({
      where: { id: anvilRow?.contract.id ?? "" },
      data: { serviceArea: "justice" },
    });
    const overview = await getCommissionerOverview(admin, new Date(AFTER.getTime() + 1));
    const byPrime = new Map(overview.rows.map((r) => [r.prime.name.split(" ")[0], r.contract.serviceArea]));
    expect(byPrime).toEqual(
      new Map([
        ["Anvil", "justice"],
        ["Brook", null],
      ]),
    );
    expect(new Set(overview.serviceAreas)).toEqual(new Set(["justice", null]));
    // The database holds only the areas the filter knows.
    await expect(
      database.client.contract.update({
        where: { id: anvilRow?.contract.id ?? "" },
        data: { serviceArea: "probation" },
      }),
    ).rejects.toThrow(/serviceArea_check/);
  });

  it("places each prime against the national median once the period is released nationally", async () => {
    const { admin, commissionerId, period } = await world();
    await releasePeriod(admin, commissionerId, period, AFTER);
    // Read as the dashboard reads it (kept between readers), then again after the national release:
    // a release changes what is kept at once.
    expect((await getCommissionerOverview(admin)).nationalMedian).toBeNull();
    await releaseNational(period, AFTER);
    expect((await getCommissionerOverview(admin)).nationalMedian).not.toBeNull();
    const overview = await getCommissionerOverview(admin, AFTER);
    const median = overview.nationalMedian;
    expect(median).not.toBeNull();
    for (const row of overview.rows) {
      expect(row.againstNational).toBeCloseTo((row.overall as number) - (median as number), 1);
    }
    // Two primes: the median lies between them, one above and one below.
    expect(overview.rows.map((r) => Math.sign(r.againstNational as number))).toEqual([-1, 1]);
  });
});
