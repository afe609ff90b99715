import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { framework } from "@/lib/framework";
import { round1, scoreAssessment } from "@/lib/scoring";
import { getProgrammeReport } from "@/lib/services/programme-report";
import { getContractReport } from "@/lib/services/reports";
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
} from "@/tests/support/factories";
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/support/test-database";

const NOW = new Date("2026-12-01T12:00:00Z");
const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute));

/**
 * Partners' figures are cached between requests (lib/services/figure-cache.ts). A rating written
 * behind the cache's back, as another app instance would write it, must show at the next read.
 */
describe.each(testDatabaseKinds())("cached report figures on %s", (kind) => {
  let database: TestDatabase;
  let council: Actor;
  let prime: Actor;
  let contractId: string;
  let cycleId: string;
  const partners: string[] = [];

  const rate = (i: number, which: "best" | "worst") =>
    createAssessment(database.client, {
      contractId,
      cycleId,
      primeId: prime.organisationId,
      respondentOrgId: partners[i] as string,
      perspective: "subcontractor",
      answers: answersAt("subcontractor", which),
      submittedAt: at(i + 1),
    });

  const overall = async () => {
    const report = await getContractReport(prime, contractId, { primeId: prime.organisationId, now: NOW });
    const partnersView = report.primes[0]?.partners;
    if (!partnersView || partnersView.suppressed || partnersView.overall.suppressed) return null;
    return { n: partnersView.overall.n, mean: partnersView.overall.mean };
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    database.use();
    const { client } = database;
    council = actorFor(await createCommissioner(client));
    prime = actorFor(await createPrime(client));
    const contract = await createContract(client, {
      commissionerId: council.organisationId,
      primes: [{ primeId: prime.organisationId }],
    });
    contractId = contract.id;
    cycleId = (await createCycle(client, { contractId })).id;
    for (let i = 0; i < 6; i++) {
      const org = await createSubcontractor(client);
      partners.push(org.id);
      await addToSupplyChain(client, { contractId, primeId: prime.organisationId, organisationId: org.id });
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  it("shows new ratings at the next read, though nothing told the cache", async () => {
    for (const i of [0, 1, 2]) await rate(i, "best");
    expect(await overall()).toEqual({ n: 3, mean: 100 });
    // Read again: the cached figures, unchanged.
    expect(await overall()).toEqual({ n: 3, mean: 100 });
    for (const i of [3, 4, 5]) await rate(i, "worst");
    const worst = scoreAssessment(framework, answersAt("subcontractor", "worst"), "subcontractor").score ?? 0;
    expect(await overall()).toEqual({ n: 6, mean: round1((3 * 100 + 3 * worst) / 6) });
    const programme = await getProgrammeReport(council, { now: NOW });
    expect(programme.rows[0]?.submitted).toBe(6);
  });
});
