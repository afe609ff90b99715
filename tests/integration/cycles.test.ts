import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { RuleError } from "@/lib/errors";
import { CLOSED_MESSAGE, savePrinciple, startCorrection } from "@/lib/services/assessments";
import { openCycle } from "@/lib/services/contract-admin";
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
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/** Rating cycles: what a closed cycle still allows, and how cycles are opened (issue 19's defects). */

const DAY = 86_400_000;

describe.each(testDatabaseKinds())("rating cycles on %s", (kind) => {
  const database = useTestDatabase(kind);

  async function contractWithPartner() {
    const { client } = database;
    const council: Actor = { ...actorFor(await createCommissioner(client)), role: "ADMIN" };
    const prime = await createPrime(client);
    const partner = await createSubcontractor(client);
    const contract = await createContract(client, {
      commissionerId: council.organisationId,
      primes: [{ primeId: prime.id }],
    });
    await addToSupplyChain(client, {
      contractId: contract.id,
      primeId: prime.id,
      organisationId: partner.id,
    });
    return { council, prime, partner: actorFor(partner), contractId: contract.id };
  }

  it("refuses to start a correction, or save a page, once the cycle has closed", async () => {
    const { prime, partner, contractId } = await contractWithPartner();
    const cycle = await createCycle(database.client, {
      contractId,
      opensAt: new Date("2026-04-01T00:00:00Z"),
      closesAt: new Date("2026-06-30T23:59:59Z"),
    });
    const key = { contractId, cycleId: cycle.id, primeId: prime.id, respondentOrgId: partner.organisationId };
    const submitted = await createAssessment(database.client, {
      ...key,
      perspective: "subcontractor",
      answers: answersAt("subcontractor", "best"),
      submittedAt: new Date("2026-05-01T00:00:00Z"),
    });
    const afterClose = new Date("2026-07-01T12:00:00Z");
    await expect(startCorrection(partner, submitted.id, afterClose)).rejects.toThrow(CLOSED_MESSAGE);
    expect(await database.client.assessment.count({ where: { supersedesId: submitted.id } })).toBe(0);

    // A draft left open when the cycle closed cannot be changed either.
    const draft = await createAssessment(database.client, {
      ...key,
      perspective: "subcontractor",
      answers: {},
      version: 2,
      supersedesId: submitted.id,
    });
    await expect(
      savePrinciple(
        partner,
        { id: draft.id, revision: 0, principle: "fair-payment", answers: new Map() },
        afterClose,
      ),
    ).rejects.toThrow(CLOSED_MESSAGE);
    // While it is open, the same save goes through.
    await savePrinciple(
      partner,
      { id: draft.id, revision: 0, principle: "fair-payment", answers: new Map() },
      new Date("2026-06-01T00:00:00Z"),
    );
  });

  it("says a repeated name is a repeated name, not an overlap", async () => {
    const { council, contractId } = await contractWithPartner();
    await openCycle(council, contractId, {
      name: "2026–27",
      opensAt: new Date("2026-04-01T00:00:00Z"),
      closesAt: new Date("2027-03-31T00:00:00Z"),
    });
    await expect(
      openCycle(council, contractId, {
        name: "2026–27",
        opensAt: new Date("2028-04-01T00:00:00Z"),
        closesAt: new Date("2029-03-31T00:00:00Z"),
      }),
    ).rejects.toThrow("This contract already has a cycle called 2026–27. Choose another name.");
  });

  it("lets only one of two overlapping cycles opened at the same moment through", async () => {
    const { council, contractId } = await contractWithPartner();
    const start = Date.UTC(2030, 0, 1);
    const results = await Promise.allSettled(
      ["A", "B", "C"].map((name, i) =>
        openCycle(council, contractId, {
          name,
          opensAt: new Date(start + i * DAY),
          closesAt: new Date(start + (i + 30) * DAY),
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const refused of results.filter((r) => r.status === "rejected")) {
      expect(refused.status === "rejected" && refused.reason).toBeInstanceOf(RuleError);
    }
    expect(await database.client.cycle.count({ where: { contractId } })).toBe(1);
  });
});
