import { describe, expect, it } from "vitest";
import { AnswersWithheldError } from "@/lib/access/answers";
import type { Actor } from "@/lib/auth/types";
import { NotFoundError, RuleError } from "@/lib/errors";
import { getOwnAssessment, savePrinciple, startCorrection, startOrResume } from "@/lib/services/assessments";
import { addPartner, createContract } from "@/lib/services/contract-admin";
import { acceptInvitation } from "@/lib/services/invitation-acceptance";
import { chainInvitations, listInvitations } from "@/lib/services/invitation-lists";
import { sendReminders } from "@/lib/services/invitation-reminders";
import { createInvitation } from "@/lib/services/invitations";
import { decideJoinRequest, listJoinRequests } from "@/lib/services/join-requests";
import { switchOrganisation } from "@/lib/services/memberships";
import { createOrganisationWithAdmin } from "@/lib/services/operators";
import { exportPersonalData } from "@/lib/services/personal-data";
import { answersAt } from "@/tests/support/answers";
import { latestTo, linkTokenFor } from "@/tests/support/email";
import {
  actorFor,
  addToSupplyChain,
  createAssessment,
  createCommissioner,
  createContract as createContractRow,
  createCycle,
  createPrime,
  createSubcontractor,
  createUser,
} from "@/tests/support/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/**
 * The adversary: a prime (or a commissioner) that wants to know what one named partner said, and
 * will place people where it can. Every way a membership is made is tried, and every way a rating's
 * answers are read; what the prime can learn about who answered is pinned down too.
 */

const NOW = new Date("2026-11-22T12:00:00Z");

describe.each(testDatabaseKinds())("partners' answers reach no one but the partner, on %s", (kind) => {
  const database = useTestDatabase(kind);

  /** A council, a prime and partners on its roster with an open cycle; each organisation with an admin. */
  async function chain(partnerCount = 2) {
    const { client } = database;
    const council = await createCommissioner(client);
    const prime = await createPrime(client);
    const contract = await createContractRow(client, {
      commissionerId: council.id,
      primes: [{ primeId: prime.id }],
    });
    const cycle = await createCycle(client, { contractId: contract.id });
    const partners = [];
    for (let i = 0; i < partnerCount; i++) {
      const partner = await createSubcontractor(client);
      await addToSupplyChain(client, {
        contractId: contract.id,
        primeId: prime.id,
        organisationId: partner.id,
      });
      partners.push(partner);
    }
    const member = async (
      org: { id: string; name: string; type: Actor["organisationType"] },
      role: "ADMIN" | "MEMBER" = "ADMIN",
    ) => {
      const user = await createUser(client);
      await client.membership.create({ data: { userId: user.id, organisationId: org.id, role } });
      const actor: Actor = { ...actorFor(org), userId: user.id, role };
      return { user, actor };
    };
    return {
      council: await member(council),
      prime: await member(prime),
      partners: await Promise.all(partners.map((p) => member(p))),
      contractId: contract.id,
      cycleId: cycle.id,
      primeId: prime.id,
    };
  }

  const invite = (
    from: Actor,
    c: { contractId: string; primeId: string },
    organisationId: string,
    email: string,
  ) =>
    createInvitation(
      from,
      { contractId: c.contractId, primeId: c.primeId, organisationId, email, perspective: "subcontractor" },
      NOW,
    );

  const membershipOf = (userId: string, organisationId: string) =>
    database.client.membership.findUnique({ where: { userId_organisationId: { userId, organisationId } } });

  it("a prime's invitation to a partner that has members only asks its administrators, who can decline", async () => {
    const c = await chain();
    const [harbour] = c.partners;
    if (!harbour) throw new Error("no partner");
    await invite(c.prime.actor, c, harbour.actor.organisationId, "spy@gmail.example");
    const spy = await createUser(database.client, { email: "spy@gmail.example" });
    const outcome = await acceptInvitation(await linkTokenFor("spy@gmail.example"), spy, NOW);
    expect(outcome.kind).toBe("asked");
    expect(await membershipOf(spy.id, harbour.actor.organisationId)).toBeNull();
    // The partner's administrator is told, and decides.
    expect((await latestTo(harbour.user.email))?.subject).toBe(
      `Test Person asks to join ${harbour.actor.organisationName} on Chainwise`,
    );
    const [request] = await listJoinRequests(harbour.actor);
    if (!request) throw new Error("no request");
    expect(request.email).toBe("spy@gmail.example");
    // The prime cannot decide for the partner.
    await expect(decideJoinRequest(c.prime.actor, request.id, true)).rejects.toBeInstanceOf(NotFoundError);
    await decideJoinRequest(harbour.actor, request.id, false);
    expect(await membershipOf(spy.id, harbour.actor.organisationId)).toBeNull();
    expect((await exportPersonalData(spy.id))?.requestsToJoin).toEqual([
      expect.objectContaining({ organisation: harbour.actor.organisationName, approved: false }),
    ]);
    expect((await latestTo("spy@gmail.example"))?.subject).toContain("was declined");
  });

  it("nobody who belongs to the prime or the commissioner can join one of its partners, by any path", async () => {
    const c = await chain();
    const [harbour] = c.partners;
    if (!harbour) throw new Error("no partner");
    // An invitation to a partner nobody belongs to yet, accepted by the prime's own member.
    const fresh = await createSubcontractor(database.client);
    await addToSupplyChain(database.client, {
      contractId: c.contractId,
      primeId: c.primeId,
      organisationId: fresh.id,
    });
    for (const insider of [c.prime, c.council]) {
      await invite(c.council.actor, c, fresh.id, insider.user.email);
      await expect(
        acceptInvitation(await linkTokenFor(insider.user.email), insider.user, NOW),
      ).rejects.toThrow(/Nobody may belong to both sides of a supply chain/);
      expect(await membershipOf(insider.user.id, fresh.id)).toBeNull();
    }
    // A request to a partner with members, from the prime's member: refused before it is even asked.
    await invite(c.council.actor, c, harbour.actor.organisationId, c.prime.user.email);
    await expect(acceptInvitation(await linkTokenFor(c.prime.user.email), c.prime.user, NOW)).rejects.toThrow(
      /you belong to/,
    );
    expect(await listJoinRequests(harbour.actor)).toEqual([]);
    // Approval re-checks: someone who asked, then joined the prime, is not let in.
    const later = await createUser(database.client, { email: "later@example.org" });
    await invite(c.council.actor, c, harbour.actor.organisationId, "later@example.org");
    await acceptInvitation(await linkTokenFor("later@example.org"), later, NOW);
    await database.client.membership.create({ data: { userId: later.id, organisationId: c.primeId } });
    const [request] = await listJoinRequests(harbour.actor);
    if (!request) throw new Error("no request");
    await expect(decideJoinRequest(harbour.actor, request.id, true)).rejects.toBeInstanceOf(RuleError);
    expect(await membershipOf(later.id, harbour.actor.organisationId)).toBeNull();
    // The operator's command too: an organisation nobody belongs to yet cannot get the prime's member.
    const orphan = await createSubcontractor(database.client);
    await addToSupplyChain(database.client, {
      contractId: c.contractId,
      primeId: c.primeId,
      organisationId: orphan.id,
    });
    await expect(
      createOrganisationWithAdmin({
        type: "SUBCONTRACTOR",
        name: orphan.name,
        adminEmail: c.prime.user.email,
        adminName: "Insider",
      }),
    ).rejects.toThrow(/Nobody may belong to both sides/);
    expect(await membershipOf(c.prime.user.id, orphan.id)).toBeNull();
  });

  it("no chain is drawn between organisations that share a member", async () => {
    const c = await chain(1);
    const [harbour] = c.partners;
    if (!harbour) throw new Error("no partner");
    // The partner's administrator also belongs to another prime: that prime cannot take it on.
    const otherPrime = await createPrime(database.client);
    await database.client.membership.create({
      data: { userId: harbour.user.id, organisationId: otherPrime.id },
    });
    await expect(
      createContract(c.council.actor, {
        title: "Second contract",
        reference: "SEP-1",
        valueBand: "£1m–£10m",
        startDate: NOW,
        endDate: null,
        ocid: null,
        primes: [{ name: otherPrime.name, lot: null }],
      }),
    ).resolves.toBeTypeOf("string");
    const second = await database.client.contract.findFirstOrThrow({ where: { reference: "SEP-1" } });
    await expect(
      addPartner(c.council.actor, second.id, {
        primeId: otherPrime.id,
        name: harbour.actor.organisationName,
        sizeBand: "SMALL",
        sector: "VCSE",
        namedInBid: true,
        status: "DELIVERING",
      }),
    ).rejects.toThrow(/have a member in common/);
    expect(await database.client.supplyChainMember.count({ where: { contractId: second.id } })).toBe(0);
    // A commissioner cannot let a contract to a prime one of its own people belongs to.
    await database.client.membership.create({
      data: { userId: c.council.user.id, organisationId: otherPrime.id },
    });
    await expect(
      createContract(c.council.actor, {
        title: "Third contract",
        reference: "SEP-2",
        valueBand: "£1m–£10m",
        startDate: NOW,
        endDate: null,
        ocid: null,
        primes: [{ name: otherPrime.name, lot: null }],
      }),
    ).rejects.toThrow(/have a member in common/);
  });

  it("a person placed in a partner after it answered cannot read, continue or correct what it said", async () => {
    const c = await chain(1);
    const [harbour] = c.partners;
    if (!harbour) throw new Error("no partner");
    const key = {
      contractId: c.contractId,
      cycleId: c.cycleId,
      primeId: c.primeId,
      respondentOrgId: harbour.actor.organisationId,
    };
    const submitted = await createAssessment(database.client, {
      ...key,
      perspective: "subcontractor",
      answers: answersAt("subcontractor", "best"),
      submittedAt: NOW,
    });
    // The partner's own administrator, there before it answered, reads it.
    expect((await getOwnAssessment(harbour.actor, submitted.id)).answers.size).toBeGreaterThan(0);
    // A membership made some other way (before this rule, by mistake): the spy joined afterwards.
    const spy = await createUser(database.client, { email: "planted@example.org" });
    await database.client.membership.create({
      data: {
        userId: spy.id,
        organisationId: harbour.actor.organisationId,
        createdAt: new Date(submitted.createdAt.getTime() + 1),
      },
    });
    const spyActor: Actor = { ...harbour.actor, userId: spy.id, role: "MEMBER" };
    await expect(getOwnAssessment(spyActor, submitted.id)).rejects.toBeInstanceOf(AnswersWithheldError);
    await expect(startCorrection(spyActor, submitted.id)).rejects.toBeInstanceOf(AnswersWithheldError);
    // A correction started later by the partner is still the same rating: withheld from the spy too.
    const correction = await startCorrection(harbour.actor, submitted.id);
    await expect(getOwnAssessment(spyActor, correction)).rejects.toBeInstanceOf(AnswersWithheldError);
    await expect(
      savePrinciple(spyActor, { id: correction, revision: 0, principle: "fair-payment", answers: new Map() }),
    ).rejects.toBeInstanceOf(AnswersWithheldError);
    // Starting "again" leads to the same rating, which stays closed to them.
    const resumed = await startOrResume(
      spyActor,
      { contractId: c.contractId, primeId: c.primeId, perspective: "subcontractor" },
      NOW,
    );
    await expect(getOwnAssessment(spyActor, resumed)).rejects.toBeInstanceOf(AnswersWithheldError);
  });

  it("someone who belongs to both the partner and its prime reads nothing of the partner's rating, whenever they joined", async () => {
    const c = await chain(1);
    const [harbour] = c.partners;
    if (!harbour) throw new Error("no partner");
    // A membership of both sides made before separation was enforced: in the partner from the start.
    const both = await createUser(database.client, { email: "both-sides@example.org" });
    await database.client.membership.create({
      data: { userId: both.id, organisationId: harbour.actor.organisationId },
    });
    const rating = await createAssessment(database.client, {
      contractId: c.contractId,
      cycleId: c.cycleId,
      primeId: c.primeId,
      respondentOrgId: harbour.actor.organisationId,
      perspective: "subcontractor",
      answers: answersAt("subcontractor", "best"),
      submittedAt: NOW,
    });
    const asPartner: Actor = { ...harbour.actor, userId: both.id, role: "MEMBER" };
    expect((await getOwnAssessment(asPartner, rating.id)).answers.size).toBeGreaterThan(0);
    for (const otherSide of [c.primeId, c.council.actor.organisationId]) {
      const link = await database.client.membership.create({
        data: { userId: both.id, organisationId: otherSide },
      });
      await expect(getOwnAssessment(asPartner, rating.id)).rejects.toBeInstanceOf(AnswersWithheldError);
      await database.client.membership.delete({ where: { id: link.id } });
    }
  });

  it("points a session only at an organisation its person belongs to", async () => {
    const c = await chain(1);
    const [harbour] = c.partners;
    if (!harbour) throw new Error("no partner");
    const sessionOf = (userId: string) => database.client.session.findFirstOrThrow({ where: { userId } });
    const session = await sessionOf(c.prime.user.id);
    expect(await switchOrganisation(session.id, c.prime.user.id, harbour.actor.organisationId)).toBe(false);
    expect((await sessionOf(c.prime.user.id)).activeOrganisationId).toBeNull();
    expect(await switchOrganisation(session.id, c.prime.user.id, c.primeId)).toBe(true);
    // Nor someone else's session, even at an organisation the asker is in.
    const other = await sessionOf(harbour.user.id);
    expect(await switchOrganisation(other.id, c.prime.user.id, c.primeId)).toBe(false);
    expect((await sessionOf(harbour.user.id)).activeOrganisationId).toBeNull();
  });

  it("shows the prime counts only: nothing it sees changes when one partner accepts, is reminded, or answers", async () => {
    const c = await chain(2);
    const [harbour, quay] = c.partners;
    if (!harbour || !quay) throw new Error("no partners");
    // Fresh organisations, so acceptance makes a first administrator and starts a rating.
    const a = await createSubcontractor(database.client);
    const b = await createSubcontractor(database.client);
    for (const org of [a, b]) {
      await addToSupplyChain(database.client, {
        contractId: c.contractId,
        primeId: c.primeId,
        organisationId: org.id,
      });
    }
    await invite(c.prime.actor, c, a.id, "ann@a.example");
    await invite(c.prime.actor, c, b.id, "bob@b.example");
    const before = await chainInvitations(c.prime.actor, c.contractId, NOW);
    expect(before).toMatchObject({ partners: 4, invited: 2, answered: 0 });

    const ann = await createUser(database.client, { email: "ann@a.example" });
    await acceptInvitation(await linkTokenFor("ann@a.example"), ann, NOW);
    const afterAccept = await chainInvitations(c.prime.actor, c.contractId, NOW);
    expect(afterAccept).toEqual(before);

    // Reminders go to the one who has not answered; nothing on the prime's side shows it.
    await database.client.assessment.updateMany({
      where: { respondentOrgId: a.id },
      data: { status: "SUBMITTED", submittedAt: NOW },
    });
    await sendReminders(new Date("2027-01-28T12:00:00Z"));
    const afterReminders = await chainInvitations(
      c.prime.actor,
      c.contractId,
      new Date("2027-01-28T12:00:00Z"),
    );
    expect(afterReminders.addresses).toEqual(before.addresses);
    expect(afterReminders).toMatchObject({ partners: 4, invited: 2, answered: 1 });
    // Inviting the same person again shows nothing new either.
    await invite(c.prime.actor, c, b.id, "bob@b.example");
    expect((await chainInvitations(c.prime.actor, c.contractId, NOW)).addresses).toEqual(before.addresses);

    // The commissioner, which chases replies, sees each invitation's state; the prime never does.
    const states = await listInvitations(c.council.actor, c.contractId, NOW);
    expect(states.map((i) => i.state).sort()).toEqual(["accepted", "pending"]);
    await expect(listInvitations(c.prime.actor, c.contractId, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });
});
