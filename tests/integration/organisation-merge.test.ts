import { describe, expect, it } from "vitest";
import { ForbiddenError, RuleError } from "@/lib/errors";
import { mergeOrganisations } from "@/lib/services/organisation-merge";
import { answersAt } from "@/tests/support/answers";
import {
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

/**
 * An operator merges two organisations that are one (issue 14; docs/decisions/0027): everything
 * the duplicate owns moves in one transaction and the merge is audited; a merge that would break
 * the anonymity of partners, or a release, is refused and changes nothing.
 */
describe.each(testDatabaseKinds())("merging organisations on %s", (kind) => {
  const database = useTestDatabase(kind);

  async function operator() {
    const person = await createUser(database.client);
    await database.client.user.update({ where: { id: person.id }, data: { operator: true } });
    return person.id;
  }

  /** A prime on a contract with a partner who has rated it, its own self-assessment, and a member. */
  async function primeWithEverything(name: string) {
    const { client } = database;
    const council = await createCommissioner(client);
    const prime = await createPrime(client, name);
    const partner = await createSubcontractor(client);
    const contract = await createContract(client, {
      commissionerId: council.id,
      primes: [{ primeId: prime.id, lot: "North" }],
    });
    await addToSupplyChain(client, {
      contractId: contract.id,
      primeId: prime.id,
      organisationId: partner.id,
    });
    const cycle = await createCycle(client, { contractId: contract.id });
    const submittedAt = new Date("2026-11-01T10:00:00Z");
    const rating = await createAssessment(client, {
      contractId: contract.id,
      cycleId: cycle.id,
      primeId: prime.id,
      respondentOrgId: partner.id,
      perspective: "subcontractor",
      answers: answersAt("subcontractor", "best"),
      submittedAt,
    });
    const self = await createAssessment(client, {
      contractId: contract.id,
      cycleId: cycle.id,
      primeId: prime.id,
      respondentOrgId: prime.id,
      perspective: "prime",
      answers: answersAt("prime", "worst"),
      submittedAt,
    });
    return { council, prime, partner, contract, cycle, rating, self };
  }

  it("moves everything the duplicate owns to the one kept, and records who merged them", async () => {
    const { client } = database;
    const by = await operator();
    const kept = await createPrime(client, "Castlegate Employment Services");
    const dup = await primeWithEverything("Castlegate Employment Services Ltd");
    await client.organisationIdentifier.create({
      data: { organisationId: dup.prime.id, scheme: "GB-COH", value: "04567123" },
    });
    // One person in both (an administrator of the duplicate only), one in the duplicate only.
    const both = await createUser(client);
    const onlyDup = await createUser(client);
    await client.membership.createMany({
      data: [
        { userId: both.id, organisationId: kept.id, role: "MEMBER" },
        { userId: both.id, organisationId: dup.prime.id, role: "ADMIN" },
        { userId: onlyDup.id, organisationId: dup.prime.id, role: "MEMBER" },
      ],
    });
    await client.session.update({
      where: { id: onlyDup.sessionId },
      data: { activeOrganisationId: dup.prime.id },
    });
    // The prime invited its partner to rate it: the invitation is the kept one's, sent by it.
    const invitation = await client.invitation.create({
      data: {
        tokenHash: `merge-test-${dup.prime.id}`,
        email: "partner@example.org",
        organisationId: dup.partner.id,
        contractId: dup.contract.id,
        primeId: dup.prime.id,
        perspective: "SUBCONTRACTOR",
        invitedByOrgId: dup.prime.id,
        expiresAt: new Date("2099-01-01T00:00:00Z"),
      },
    });
    const answersBefore = await client.answer.findMany({
      where: { assessmentId: dup.rating.id },
      orderBy: { questionKey: "asc" },
    });

    const merged = await mergeOrganisations(by, { keptId: kept.id, duplicateId: dup.prime.id });

    expect(merged).toEqual({ kept: kept.name, duplicate: dup.prime.name });
    expect(await client.organisation.findUnique({ where: { id: dup.prime.id } })).toBeNull();
    const award = await client.contractPrime.findMany({ where: { contractId: dup.contract.id } });
    expect(award.map((a) => [a.primeId, a.lot])).toEqual([[kept.id, "North"]]);
    expect(
      await client.supplyChainMember.count({ where: { primeId: kept.id, organisationId: dup.partner.id } }),
    ).toBe(1);
    const rating = await client.assessment.findUniqueOrThrow({ where: { id: dup.rating.id } });
    expect([rating.primeId, rating.respondentOrgId, rating.status]).toEqual([
      kept.id,
      dup.partner.id,
      "SUBMITTED",
    ]);
    const self = await client.assessment.findUniqueOrThrow({ where: { id: dup.self.id } });
    expect([self.primeId, self.respondentOrgId]).toEqual([kept.id, kept.id]);
    const invited = await client.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect([invited.primeId, invited.invitedByOrgId]).toEqual([kept.id, kept.id]);
    // The rating's content is untouched.
    expect(
      await client.answer.findMany({
        where: { assessmentId: dup.rating.id },
        orderBy: { questionKey: "asc" },
      }),
    ).toEqual(answersBefore);
    expect(
      await client.organisationIdentifier.findMany({
        where: { organisationId: kept.id },
        select: { value: true },
      }),
    ).toEqual([{ value: "04567123" }]);
    const members = await client.membership.findMany({
      where: { organisationId: kept.id },
      select: { userId: true, role: true },
      orderBy: { userId: "asc" },
    });
    expect(members).toEqual(
      [
        { userId: both.id, role: "ADMIN" },
        { userId: onlyDup.id, role: "MEMBER" },
      ].sort((a, b) => a.userId.localeCompare(b.userId)),
    );
    expect(
      (await client.session.findUniqueOrThrow({ where: { id: onlyDup.sessionId } })).activeOrganisationId,
    ).toBe(kept.id);
    const audit = await client.auditEvent.findMany({
      where: { organisationId: kept.id, action: "organisation.merged" },
    });
    expect(audit.map((a) => [a.userId, a.summary])).toEqual([
      [
        by,
        `${dup.prime.name} was merged into ${kept.name} as the same organisation by whoever runs this Chainwise service: its members, numbers, contracts, ratings and invitations are ${kept.name}'s now`,
      ],
    ]);
  });

  it("folds an empty award line on a contract both are primes on into the kept one's lots", async () => {
    const { client } = database;
    const council = await createCommissioner(client);
    const kept = await createPrime(client);
    const dup = await createPrime(client);
    const contract = await createContract(client, {
      commissionerId: council.id,
      primes: [
        { primeId: kept.id, lot: "Lot 1" },
        { primeId: dup.id, lot: "Lot 2" },
      ],
    });
    await mergeOrganisations(await operator(), { keptId: kept.id, duplicateId: dup.id });
    const awards = await client.contractPrime.findMany({ where: { contractId: contract.id } });
    expect(awards.map((a) => [a.primeId, a.lot])).toEqual([[kept.id, "Lot 1; Lot 2"]]);
  });

  async function refused(keptId: string, duplicateId: string, message: string | RegExp) {
    const before = await database.client.organisation.count();
    const error = await mergeOrganisations(await operator(), { keptId, duplicateId }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RuleError);
    expect((error as RuleError).message).toMatch(message);
    expect(await database.client.organisation.count()).toBe(before);
  }

  it("refuses merging an organisation into itself", async () => {
    const prime = await createPrime(database.client);
    await refused(
      prime.id,
      prime.id,
      "An organisation cannot be merged into itself. Choose two different ones.",
    );
  });

  it("refuses merging a partner into the prime it rates, whatever their kinds", async () => {
    const { client } = database;
    const dup = await primeWithEverything("Harbourline Services");
    await refused(
      dup.prime.id,
      dup.partner.id,
      /is a partner and .* is a prime: only organisations of the same kind/,
    );
    // A prime that is also on another prime's chain on the same contract (a subcontracting prime).
    const other = await createPrime(client);
    await client.contractPrime.create({ data: { contractId: dup.contract.id, primeId: other.id } });
    await addToSupplyChain(client, {
      contractId: dup.contract.id,
      primeId: other.id,
      organisationId: dup.prime.id,
    });
    await refused(
      other.id,
      dup.prime.id,
      `${other.name} is a prime and ${dup.prime.name} a partner on “${dup.contract.title}”. Merged, a partner's answers would belong to the prime it rates, so they stay two organisations.`,
    );
    expect(await client.assessment.count({ where: { id: dup.rating.id, primeId: dup.prime.id } })).toBe(1);
  });

  it("refuses two partners who each rated the same prime in a cycle, and two numbers in one register", async () => {
    const { client } = database;
    const dup = await primeWithEverything("Dalesway Services");
    const second = await createSubcontractor(client);
    await createAssessment(client, {
      contractId: dup.contract.id,
      cycleId: dup.cycle.id,
      primeId: dup.prime.id,
      respondentOrgId: second.id,
      perspective: "subcontractor",
      answers: answersAt("subcontractor", "worst"),
    });
    await refused(
      dup.partner.id,
      second.id,
      /have each rated .* in 2026–27: merged, one partner would have two ratings there/,
    );

    const a = await createPrime(client);
    const b = await createPrime(client);
    await client.organisationIdentifier.createMany({
      data: [
        { organisationId: a.id, scheme: "GB-COH", value: "01111111" },
        { organisationId: b.id, scheme: "GB-COH", value: "02222222" },
      ],
    });
    await refused(a.id, b.id, "two numbers in one register are two organisations");
  });

  it("refuses merging away an organisation released figures rest on, and merges the other way round", async () => {
    const { client } = database;
    const released = await primeWithEverything("Released Prime Services");
    const release = await client.release.create({
      data: {
        kind: "COMMISSIONER",
        commissionerId: released.council.id,
        period: "2026–27",
        cutOff: new Date("2027-02-01T00:00:00Z"),
        frameworkId: "ncvo-serco-code",
        frameworkVersion: "1.0",
      },
    });
    await client.releaseScope.create({
      data: {
        releaseId: release.id,
        period: "2026–27",
        scopeKey: `contract:${released.contract.id}:${released.prime.id}`,
        level: "CONTRACT",
        primeId: released.prime.id,
        contractId: released.contract.id,
        partners: 3,
        ratings: 3,
      },
    });
    const typedAgain = await createPrime(client, "Released Prime Services Ltd");
    await refused(
      typedAgain.id,
      released.prime.id,
      `Released figures rest on ${released.prime.name}, and a release never changes. Keep ${released.prime.name} and merge the other one into it instead.`,
    );
    await mergeOrganisations(await operator(), { keptId: released.prime.id, duplicateId: typedAgain.id });
    expect(await client.organisation.count({ where: { id: typedAgain.id } })).toBe(0);
  });

  it("lets only an operator merge", async () => {
    const { client } = database;
    const a = await createPrime(client);
    const b = await createPrime(client);
    const person = await createUser(client);
    await client.membership.create({ data: { userId: person.id, organisationId: a.id, role: "ADMIN" } });
    await expect(mergeOrganisations(person.id, { keptId: a.id, duplicateId: b.id })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await client.organisation.count({ where: { id: { in: [a.id, b.id] } } })).toBe(2);
  });
});
