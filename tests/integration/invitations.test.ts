import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import {
  acceptInvitation,
  EXPIRED_MESSAGE,
  findInvitation,
  UNUSABLE_MESSAGE,
} from "@/lib/services/invitation-acceptance";
import { chainInvitations, listInvitations } from "@/lib/services/invitation-lists";
import { sendReminders } from "@/lib/services/invitation-reminders";
import { createInvitation } from "@/lib/services/invitations";
import { latestTo } from "@/lib/services/outbox";
import { actorFor, createCommissioner, createUser } from "@/tests/support/factories";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

const NOW = new Date("2026-11-22T12:00:00Z");
const DAY = 86_400_000;
const CLOSES = new Date("2027-01-31T23:59:59Z");

/** The token in the link of the latest email to this address, as the invitee would click it. */
async function linkTokenFor(email: string): Promise<string> {
  const message = await latestTo(email);
  const token = message?.text.match(/\/invitations\/([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error(`no invitation link emailed to ${email}`);
  return token;
}

describe.each(testDatabaseKinds())("invitations on %s", (kind) => {
  beforeAll(() => {
    vi.stubEnv("EMAIL_TRANSPORT", "outbox");
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });
  const database = useTestDatabase(kind);

  /**
   * Wessex's contract with two primes, in a cycle open until `closesAt`: Harbour Food Bank on
   * Anvil's roster, Quayside Mentors in Anvil's supply chain but taken off the roster. Each test
   * makes its own, and emails addresses no other test uses (the outbox is shared).
   */
  async function world(closesAt = CLOSES) {
    const scenario = await createRatingScenario(database.client, {
      commissioner: "Wessex Borough Council",
      title: "Wessex Employment Support",
      primes: [{ name: "Anvil Services Ltd" }, { name: "Beacon Outcomes plc" }],
      partners: [{ name: "Harbour Food Bank" }, { name: "Quayside Mentors", canRate: false }],
      cycle: { closesAt },
    });
    const [prime, otherPrime] = scenario.primes as [Actor, Actor];
    const [partner, offRoster] = scenario.partners as [Actor, Actor];
    const { contractId } = scenario;
    const invitePartner = (actor: Actor, email: string, now = NOW) =>
      createInvitation(
        actor,
        {
          contractId,
          primeId: prime.organisationId,
          organisationId: partner.organisationId,
          email,
          perspective: "subcontractor",
        },
        now,
      );
    return {
      council: scenario.commissioner,
      otherCouncil: actorFor(await createCommissioner(database.client)),
      prime,
      otherPrime,
      partner,
      offRoster,
      contractId,
      cycleId: scenario.cycleId,
      invitePartner,
    };
  }

  it("tells the partner who sees its answers from the council's own thresholds and the round's close", async () => {
    const { council, invitePartner } = await world();
    await database.client.organisation.update({
      where: { id: council.organisationId },
      data: { releaseScoreThreshold: 6, releaseCategoryThreshold: 7 },
    });
    await invitePartner(council, "pat@harbour.example");
    const told = (await latestTo("pat@harbour.example"))?.text ?? "";
    expect(told).toContain("combine the answers of at least 6 partner organisations");
    expect(told).toContain(`its contracts with ${council.organisationName}`);
    expect(told).toContain("at least 7 partners raise it");
    expect(told).toContain("until the round closes on 31 January 2027");
    expect(told).not.toContain("at least 3");
    const view = await findInvitation(await linkTokenFor("pat@harbour.example"), NOW);
    expect(view?.programme).toMatchObject({ scoreThreshold: 6, categoryThreshold: 7 });
  });

  it("emails a single-use link whose token is stored only as a hash, and logs who sent it", async () => {
    const { council, invitePartner } = await world();
    const sent = await invitePartner(council, "Pat@Harbour.example");
    expect(sent.email).toBe("pat@harbour.example");
    expect(sent.expiresAt).toEqual(new Date(NOW.getTime() + 14 * DAY));
    const token = await linkTokenFor("pat@harbour.example");
    const message = await latestTo("pat@harbour.example");
    expect(message?.subject).toBe("Rate how Anvil Services Ltd works with you");

    const stored = await database.client.invitation.findUniqueOrThrow({ where: { id: sent.id } });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const view = await findInvitation(token, NOW);
    expect(view).toMatchObject({
      state: "pending",
      perspective: "subcontractor",
      organisation: { name: "Harbour Food Bank" },
      prime: { name: "Anvil Services Ltd" },
      cycle: { name: "2026–27" },
    });

    const log = await database.client.auditEvent.findMany({
      where: { organisationId: council.organisationId, action: "invitation.sent" },
    });
    expect(log.map((e) => e.summary)).toEqual([
      "Invited pat@harbour.example of Harbour Food Bank to rate Anvil Services Ltd on “Wessex Employment Support”",
    ]);
  });

  it("lets a prime invite its own roster, and no one else invite anything they do not own", async () => {
    const { council, otherCouncil, prime, otherPrime, partner, offRoster, contractId, invitePartner } =
      await world();
    await invitePartner(prime, "sam@harbour.example");
    const asOther = (actor: Actor, perspective: "subcontractor" | "prime" = "subcontractor") =>
      createInvitation(
        actor,
        {
          contractId,
          primeId: prime.organisationId,
          organisationId: perspective === "prime" ? prime.organisationId : partner.organisationId,
          email: "x@example.org",
          perspective,
        },
        NOW,
      );
    // Another prime on the same contract may not invite for this prime's chain.
    await expect(asOther(otherPrime)).rejects.toBeInstanceOf(ForbiddenError);
    // Another commissioner, and a partner, do not even learn the contract exists.
    await expect(asOther(otherCouncil)).rejects.toBeInstanceOf(NotFoundError);
    await expect(asOther(partner)).rejects.toBeInstanceOf(NotFoundError);
    // Only the commissioner asks a prime to assess itself.
    await expect(asOther(prime, "prime")).rejects.toBeInstanceOf(ForbiddenError);
    // The roster is the commissioner's: a partner taken off it cannot be invited.
    await expect(
      createInvitation(
        council,
        {
          contractId,
          primeId: prime.organisationId,
          organisationId: offRoster.organisationId,
          email: "q@quayside.example",
          perspective: "subcontractor",
        },
        NOW,
      ),
    ).rejects.toThrow(/not on the list of partners who rate Anvil Services Ltd/);
    // Nothing to invite to when no cycle is open.
    await expect(invitePartner(council, "late@harbour.example", new Date("2027-06-01"))).rejects.toThrow(
      /No rating cycle is open/,
    );
    expect(await latestTo("x@example.org")).toBeNull();
  });

  it("lists all of a contract's invitations to its commissioner, and to a prime only counts and addresses", async () => {
    const { council, otherCouncil, prime, otherPrime, partner, contractId, invitePartner } = await world();
    await invitePartner(council, "pia@harbour.example");
    await invitePartner(prime, "sid@harbour.example");
    await createInvitation(
      council,
      {
        contractId,
        primeId: otherPrime.organisationId,
        organisationId: otherPrime.organisationId,
        email: "lee@beacon.example",
        perspective: "prime",
      },
      NOW,
    );
    const all = await listInvitations(council, contractId, NOW);
    expect(all.map((i) => i.email).sort()).toEqual([
      "lee@beacon.example",
      "pia@harbour.example",
      "sid@harbour.example",
    ]);
    await expect(listInvitations(prime, contractId, NOW)).rejects.toBeInstanceOf(NotFoundError);
    const own = await chainInvitations(prime, contractId, NOW);
    expect(own.addresses.map((i) => i.email).sort()).toEqual(["pia@harbour.example", "sid@harbour.example"]);
    expect(own).toMatchObject({ invited: 1, answered: 0 });
    await expect(chainInvitations(council, contractId, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listInvitations(partner, contractId, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(chainInvitations(partner, contractId, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listInvitations(otherCouncil, contractId, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is accepted once, by the person it was sent to, who joins as administrator and lands on a draft", async () => {
    const { council, prime, partner, invitePartner } = await world();
    await invitePartner(council, "ana@harbour.example");
    const token = await linkTokenFor("ana@harbour.example");
    const stranger = await createUser(database.client, { email: "someone@else.example" });
    await expect(acceptInvitation(token, stranger, NOW)).rejects.toBeInstanceOf(ForbiddenError);

    const ana = await createUser(database.client, { email: "Ana@Harbour.example" });
    const outcome = await acceptInvitation(token, ana, NOW);
    if (outcome.kind !== "answering") throw new Error(`expected to answer, got ${outcome.kind}`);
    const assessment = await database.client.assessment.findUniqueOrThrow({
      where: { id: outcome.assessmentId },
    });
    expect(assessment).toMatchObject({
      status: "DRAFT",
      perspective: "SUBCONTRACTOR",
      primeId: prime.organisationId,
      respondentOrgId: partner.organisationId,
    });
    const membership = await database.client.membership.findUniqueOrThrow({
      where: { userId_organisationId: { userId: ana.id, organisationId: partner.organisationId } },
    });
    expect(membership.role).toBe("ADMIN");
    const session = await database.client.session.findUniqueOrThrow({ where: { id: ana.sessionId } });
    expect(session.activeOrganisationId).toBe(partner.organisationId);

    // The link is spent: the same words as for a link that never existed.
    await expect(acceptInvitation(token, ana, NOW)).rejects.toThrow(UNUSABLE_MESSAGE);
    expect((await findInvitation(token, NOW))?.state).toBe("accepted");
    await expect(acceptInvitation("A".repeat(43), ana, NOW)).rejects.toThrow(UNUSABLE_MESSAGE);
  });

  it("makes a later colleague only ask to join: the organisation's administrators decide", async () => {
    const { council, partner, invitePartner } = await world();
    await invitePartner(council, "abe@harbour.example");
    const abe = await createUser(database.client, { email: "abe@harbour.example" });
    await acceptInvitation(await linkTokenFor("abe@harbour.example"), abe, NOW);

    await invitePartner(council, "ben@harbour.example");
    const ben = await createUser(database.client, { email: "ben@harbour.example" });
    const outcome = await acceptInvitation(await linkTokenFor("ben@harbour.example"), ben, NOW);
    expect(outcome).toEqual({ kind: "asked", organisationName: partner.organisationName });
    const membership = await database.client.membership.findUnique({
      where: { userId_organisationId: { userId: ben.id, organisationId: partner.organisationId } },
    });
    expect(membership).toBeNull();
    const waiting = await database.client.joinRequest.findMany({
      where: { organisationId: partner.organisationId, userId: ben.id, decidedAt: null },
    });
    expect(waiting).toHaveLength(1);
    expect(waiting[0]?.reason).toContain("to rate Anvil Services Ltd");
    // The administrator is asked by email.
    expect((await latestTo("abe@harbour.example"))?.subject).toContain("asks to join");
  });

  it("stops an old link when the same person is invited again, and refuses an expired one", async () => {
    const { council, invitePartner } = await world();
    await invitePartner(council, "cat@harbour.example");
    const first = await linkTokenFor("cat@harbour.example");
    await invitePartner(council, "cat@harbour.example");
    const second = await linkTokenFor("cat@harbour.example");
    expect(second).not.toBe(first);
    const cat = await createUser(database.client, { email: "cat@harbour.example" });
    await expect(acceptInvitation(first, cat, NOW)).rejects.toThrow(UNUSABLE_MESSAGE);
    const later = new Date(NOW.getTime() + 15 * DAY);
    expect((await findInvitation(second, later))?.state).toBe("expired");
    await expect(acceptInvitation(second, cat, later)).rejects.toThrow(EXPIRED_MESSAGE);
  });

  it("lets exactly one of two simultaneous accepts through", async () => {
    const { council, invitePartner } = await world();
    await invitePartner(council, "dev@harbour.example");
    const token = await linkTokenFor("dev@harbour.example");
    const dev = await createUser(database.client, { email: "dev@harbour.example" });
    const results = await Promise.allSettled([
      acceptInvitation(token, dev, NOW),
      acceptInvitation(token, dev, NOW),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(RuleError);
  });

  it("reminds, once, everyone whose organisation has not submitted before the cycle closes", async () => {
    // A cycle of its own, closing later than any other test's: reminders go to every cycle that
    // closes within the week, whoever made it.
    const closes = new Date("2027-03-31T23:59:59Z");
    const { council, prime, otherPrime, contractId, cycleId, invitePartner } = await world(closes);
    const weekBefore = new Date(closes.getTime() - 5 * DAY);
    await invitePartner(council, "sol@harbour.example");
    await invitePartner(council, "ava@harbour.example");
    const ava = await createUser(database.client, { email: "ava@harbour.example" });
    await acceptInvitation(await linkTokenFor("ava@harbour.example"), ava, NOW);
    await createInvitation(
      council,
      {
        contractId,
        primeId: otherPrime.organisationId,
        organisationId: otherPrime.organisationId,
        email: "les@beacon.example",
        perspective: "prime",
      },
      NOW,
    );
    // Too early: the cycle does not close within a week.
    expect(await sendReminders(NOW)).toEqual({ sent: 0, alreadySubmitted: 0, failed: 0 });

    const pendingBefore = await linkTokenFor("sol@harbour.example");
    // The other prime's self-assessment is already in.
    const beacon = await database.client.assessment.create({
      data: {
        reference: "CW-REM-0001",
        frameworkId: "ncvo-serco-code",
        frameworkVersion: "1.0",
        perspective: "PRIME",
        contractId,
        cycleId,
        primeId: otherPrime.organisationId,
        respondentOrgId: otherPrime.organisationId,
        status: "SUBMITTED",
        submittedAt: NOW,
      },
    });
    expect(beacon.status).toBe("SUBMITTED");

    expect(await database.client.invitation.count({ where: { contractId } })).toBe(3);
    expect(await sendReminders(weekBefore)).toEqual({ sent: 2, alreadySubmitted: 1, failed: 0 });

    // Someone who had not accepted gets a fresh link; the one in the first email no longer works.
    const reminder = await latestTo("sol@harbour.example");
    expect(reminder?.subject).toBe("Ratings of Anvil Services Ltd close on 31 March 2027");
    const fresh = await linkTokenFor("sol@harbour.example");
    expect(fresh).not.toBe(pendingBefore);
    expect(await findInvitation(pendingBefore, weekBefore)).toBeNull();
    expect((await findInvitation(fresh, weekBefore))?.state).toBe("pending");
    // Someone who had accepted is sent to the questionnaire instead.
    const accepted = await latestTo("ava@harbour.example");
    expect(accepted?.text).toContain(`/contracts/${contractId}/primes/${prime.organisationId}/rate`);

    expect(await sendReminders(weekBefore)).toEqual({ sent: 0, alreadySubmitted: 1, failed: 0 });
  });
});
