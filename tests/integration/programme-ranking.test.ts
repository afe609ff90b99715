import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { getProgrammeReport } from "@/lib/services/programme-report";
import { releasePeriod } from "@/lib/services/releases";
import { answersAt } from "@/tests/support/answers";
import {
  actorFor,
  addToSupplyChain,
  createAssessment,
  createCommissioner,
  createContract,
  createCycle,
  createPrime,
  createSubcontractor,
  createUser,
} from "@/tests/support/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/** After the cycles' close (31 January 2027), once the council has released them. */
const NOW = new Date("2027-02-15T12:00:00Z");

describe.each(testDatabaseKinds())("the programme ranking on %s", (kind) => {
  const database = useTestDatabase(kind);

  /** A contract of one prime's, whose three partners rate it best or worst as listed. */
  async function contractRated(council: Actor, prime: Actor, title: string, ratings: ("best" | "worst")[]) {
    const { client } = database;
    const contract = await createContract(client, {
      commissionerId: council.organisationId,
      title,
      primes: [{ primeId: prime.organisationId }],
    });
    const cycle = await createCycle(client, { contractId: contract.id });
    for (const [i, which] of ratings.entries()) {
      const partner = await createSubcontractor(client);
      await addToSupplyChain(client, {
        contractId: contract.id,
        primeId: prime.organisationId,
        organisationId: partner.id,
      });
      await createAssessment(client, {
        contractId: contract.id,
        cycleId: cycle.id,
        primeId: prime.organisationId,
        respondentOrgId: partner.id,
        perspective: "subcontractor",
        answers: answersAt("subcontractor", which),
        submittedAt: new Date(Date.UTC(2026, 10, 1, 9, i)),
      });
    }
    return contract.id;
  }

  it("ranks each contract's prime against other primes only, never its own other contracts", async () => {
    const { client } = database;
    const organisation = await createCommissioner(client);
    await client.organisation.update({
      where: { id: organisation.id },
      data: { releaseScoreThreshold: 3, releaseCategoryThreshold: 3 },
    });
    const user = await createUser(client);
    await client.membership.create({
      data: { userId: user.id, organisationId: organisation.id, role: "ADMIN" },
    });
    const council: Actor = { ...actorFor(organisation), userId: user.id, role: "ADMIN" };
    const anvil = actorFor(await createPrime(client, "Anvil Services Ltd"));
    const beacon = actorFor(await createPrime(client, "Beacon Outcomes plc"));
    const north = await contractRated(council, anvil, "North", ["best", "best", "best"]);
    const east = await contractRated(council, beacon, "East", ["best", "best", "worst"]);
    const south = await contractRated(council, anvil, "South", ["worst", "worst", "worst"]);

    // Anvil's pool of six and each contract of three are all released at a threshold of 3.
    const released = await releasePeriod(council, council.organisationId, "2026–27", NOW);
    expect(released.scopes).toBe(5);
    const report = await getProgrammeReport(council, { now: NOW });
    expect(report.rows.map((r) => r.released)).toEqual([true, true, true]);
    const overall = report.benchmark.find((b) => b.key === "overall")?.ranked;
    const place = (contractId: string, prime: Actor) =>
      overall?.find((r) => r.id === `${contractId}/${prime.organisationId}`);
    expect(place(north, anvil)).toMatchObject({ rank: 1, percentile: 100 });
    expect(place(east, beacon)).toMatchObject({ rank: 2, percentile: 50 });
    // Anvil's North contract is above South, but it is Anvil's own: only Beacon is ahead.
    expect(place(south, anvil)).toMatchObject({ rank: 2, percentile: 0 });
  });
});
