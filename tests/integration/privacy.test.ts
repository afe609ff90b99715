import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ACCOUNT_NOT_DELETABLE, type Auth, createAuth } from "@/lib/auth/auth";
import { sendPasswordReset } from "@/lib/auth/mail";
import type { Actor } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { erasePerson } from "@/lib/services/account-deletion";
import { savePrinciple, submit } from "@/lib/services/assessments";
import { listAudit, recordAudit } from "@/lib/services/audit";
import { createInvitation } from "@/lib/services/invitations";
import { changeRole, LAST_ADMIN, listMembers, removeMember } from "@/lib/services/members";
import { exportPersonalData } from "@/lib/services/personal-data";
import { purgeStaleData } from "@/lib/services/retention";
import { demoAnswers } from "@/prisma/demo-answers";
import { actorFor, createAssessment, createSubcontractor, createUser } from "@/tests/support/factories";
import { nonEmpty } from "@/tests/support/non-empty";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

const BASE = "http://chainwise.test";
const NOW = new Date("2026-11-22T12:00:00Z");
const DAY = 86_400_000;
const PASSWORD = "a long enough passphrase";

function makeAuth(client: PrismaClient): Auth {
  return createAuth(client, {
    baseURL: BASE,
    secret: "a-test-secret-that-is-long-enough-0123456789",
    sendResetPassword: sendPasswordReset,
    eraseUser: erasePerson,
  });
}

/** A request as a browser would send it through our load balancer. */
function post(
  auth: Auth,
  path: string,
  body: unknown,
  client: { ip: string; agent: string; cookie?: string },
) {
  return auth.handler(
    new Request(`${BASE}/api/auth${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: BASE,
        "x-forwarded-for": client.ip,
        "user-agent": client.agent,
        ...(client.cookie ? { cookie: client.cookie } : {}),
      },
      body: JSON.stringify(body),
    }),
  );
}

const sessionCookie = (response: Response) =>
  (response.headers.get("set-cookie") ?? "")
    .split(/,(?=\s*[\w.-]+=)/)
    .find((c) => c.trim().startsWith("better-auth.session_token="))
    ?.split(";")[0]
    ?.trim() ?? "";

const member = (user: { id: string }, org: Actor, role: MemberRole) => ({
  userId: user.id,
  organisationId: org.organisationId,
  role,
});
const as = (org: Actor, user: { id: string }, role: MemberRole | null): Actor => ({
  ...org,
  userId: user.id,
  role,
});

describe.each(testDatabaseKinds())("personal data on %s", (kind) => {
  const database = useTestDatabase(kind);
  let auth: Auth;
  beforeAll(() => {
    vi.stubEnv("EMAIL_TRANSPORT", "outbox");
    auth = makeAuth(database.client);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  let worlds = 0;
  /**
   * People of their own for each test, with addresses and client addresses no other test uses:
   * Asha (Harbour Food Bank's administrator, signed up and signed in, invited, asked for a password
   * reset) and Ben (Quayside Mentors'), both invited by Cara of Wessex Borough Council to rate
   * Anvil on one contract.
   */
  async function world() {
    const n = ++worlds;
    const { client } = database;
    const scenario = await createRatingScenario(client, {
      commissioner: "Wessex Borough Council",
      title: "Wessex Employment Support",
      primes: [{ name: "Anvil Services Ltd" }],
      partners: [{ name: "Harbour Food Bank" }, { name: "Quayside Mentors" }],
    });
    const { commissioner: council, prime, contractId } = scenario;
    const [partner, quayside] = scenario.partners as [Actor, Actor];
    const person = (name: string, email: string, agent: string, ip: string) => ({
      id: "",
      cookie: "",
      name,
      email,
      agent,
      ip,
    });
    const asha = person("Asha Patel", `asha${n}@harbour.example`, "AshaBrowser/1.0", `198.51.100.${n}`);
    const ben = person("Ben Carter", `ben${n}@quayside.example`, "BenBrowser/2.0", `203.0.113.${n}`);
    for (const who of [asha, ben]) {
      const response = await post(
        auth,
        "/sign-up/email",
        { name: who.name, email: who.email, password: PASSWORD },
        who,
      );
      expect(response.status).toBe(200);
      who.cookie = sessionCookie(response);
      who.id = (await client.user.findUniqueOrThrow({ where: { email: who.email } })).id;
    }
    const cara = await createUser(client, { name: "Cara Jones", email: `cara${n}@wessex.example` });
    await client.membership.createMany({
      data: [member(asha, partner, "ADMIN"), member(ben, quayside, "ADMIN"), member(cara, council, "ADMIN")],
    });
    await client.session.updateMany({
      where: { userId: asha.id },
      data: { activeOrganisationId: partner.organisationId },
    });
    // Cara invites both; each invitation is the invitee's data, and the log of it names their address.
    const caraActs = as(council, cara, "ADMIN");
    for (const [org, email] of [
      [partner, asha.email.replace("asha", "Asha")],
      [quayside, ben.email],
    ] as const) {
      await createInvitation(
        caraActs,
        {
          contractId,
          primeId: prime.organisationId,
          organisationId: org.organisationId,
          email,
          perspective: "subcontractor",
        },
        NOW,
      );
    }
    await recordAudit({
      organisationId: partner.organisationId,
      userId: asha.id,
      action: "sign-in",
      summary: "Asha Patel signed in",
    });
    await recordAudit({
      organisationId: quayside.organisationId,
      userId: ben.id,
      action: "sign-in",
      summary: "Ben Carter signed in",
    });
    const reset = await post(
      auth,
      "/request-password-reset",
      { email: asha.email, redirectTo: "/reset-password" },
      asha,
    );
    expect(reset.status).toBe(200);
    return {
      council,
      partner,
      quayside,
      primeId: prime.organisationId,
      primeName: prime.organisationName,
      contract: { id: contractId, title: scenario.contractTitle },
      cycleId: scenario.cycleId,
      asha,
      ben,
      cara,
    };
  }

  /** Everything written about the world's organisations' activity, oldest first. */
  const eventsOf = (orgs: Actor[]) =>
    database.client.auditEvent.findMany({
      where: { organisationId: { in: orgs.map((o) => o.organisationId) } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });

  it("holds no column this test does not know of, so a new one must be added to the export or excluded", () => {
    expect(Object.keys(Prisma.UserScalarFieldEnum)).toEqual([
      "id",
      "name",
      "email",
      "emailVerified",
      "image",
      "operator",
      "createdAt",
      "updatedAt",
    ]);
    expect(Object.keys(Prisma.JoinRequestScalarFieldEnum)).toEqual([
      "id",
      "organisationId",
      "userId",
      "reason",
      "createdAt",
      "decidedAt",
      "approved",
      "decidedById",
    ]);
    expect(Object.keys(Prisma.AccountRequestScalarFieldEnum)).toEqual([
      "id",
      "organisationName",
      "contactName",
      "email",
      "jobTitle",
      "message",
      "status",
      "createdAt",
      "decidedAt",
      "decidedById",
      "organisationId",
    ]);
    expect(Object.keys(Prisma.SessionScalarFieldEnum)).toEqual([
      "id",
      "expiresAt",
      "token",
      "createdAt",
      "updatedAt",
      "ipAddress",
      "userAgent",
      "userId",
      "activeOrganisationId",
    ]);
    expect(Object.keys(Prisma.AccountScalarFieldEnum)).toEqual([
      "id",
      "accountId",
      "providerId",
      "userId",
      "accessToken",
      "refreshToken",
      "idToken",
      "accessTokenExpiresAt",
      "refreshTokenExpiresAt",
      "scope",
      "password",
      "createdAt",
      "updatedAt",
    ]);
    expect(Object.keys(Prisma.MembershipScalarFieldEnum)).toEqual([
      "id",
      "userId",
      "organisationId",
      "role",
      "createdAt",
    ]);
    // Nothing in an assessment or an answer can name a person: they belong to the organisation.
    expect(Object.keys(Prisma.AssessmentScalarFieldEnum).filter((f) => /user|person|by/i.test(f))).toEqual(
      [],
    );
    expect(Object.keys(Prisma.AnswerScalarFieldEnum).filter((f) => /user|person|by/i.test(f))).toEqual([]);
  });

  /** A rating of the world's prime that Asha submits for Harbour Food Bank. */
  async function submitRating({
    asha,
    partner,
    contract,
    cycleId,
    primeId,
  }: Awaited<ReturnType<typeof world>>) {
    const draft = await createAssessment(database.client, {
      contractId: contract.id,
      cycleId,
      primeId,
      respondentOrgId: partner.organisationId,
      perspective: "subcontractor",
      answers: demoAnswers("subcontractor", 0.6, "privacy"),
    });
    await submit(as(partner, asha, "ADMIN"), draft.id, 0, { now: NOW });
    return draft;
  }

  it("lists the report keys the person made, and never the keys themselves", async () => {
    const { asha, ben } = await world();
    const { client } = database;
    const organisationId = (await client.membership.findFirstOrThrow({ where: { userId: asha.id } }))
      .organisationId;
    await client.apiToken.create({
      data: { organisationId, name: "Asha's dashboard", tokenHash: "a".repeat(64), createdById: asha.id },
    });
    await client.apiToken.create({
      data: { organisationId, name: "Someone else's key", tokenHash: "b".repeat(64), createdById: ben.id },
    });
    const data = await exportPersonalData(asha.id, { now: NOW });
    expect(data?.apiKeysYouMade).toEqual([
      {
        organisation: "Harbour Food Bank",
        name: "Asha's dashboard",
        createdAt: expect.any(Date),
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(data)).not.toContain("a".repeat(64));
  });

  it("exports every personal field held about the person, and nothing about anyone else", async () => {
    const { asha, ben, cara, primeName } = await world();
    const { client } = database;
    const data = await exportPersonalData(asha.id, { now: NOW });
    expect(data).not.toBeNull();
    if (!data) return;
    const user = await client.user.findUniqueOrThrow({ where: { id: asha.id } });
    expect(data.person).toEqual({
      id: user.id,
      name: "Asha Patel",
      email: asha.email,
      emailVerified: false,
      image: null,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    });
    const account = await client.account.findFirstOrThrow({ where: { userId: asha.id } });
    expect(data.signInMethods).toEqual([
      {
        provider: "credential",
        accountId: account.accountId,
        passwordSet: true,
        tokensStored: false,
        createdAt: account.createdAt,
        updatedAt: account.updatedAt,
      },
    ]);
    const session = await client.session.findFirstOrThrow({ where: { userId: asha.id } });
    expect(data.sessions).toEqual([
      {
        signedInAt: session.createdAt,
        lastRenewedAt: session.updatedAt,
        expiresAt: session.expiresAt,
        ipAddress: asha.ip,
        userAgent: "AshaBrowser/1.0",
        actingFor: "Harbour Food Bank",
        thisSession: false,
      },
    ]);
    expect(data.memberships).toEqual([
      { organisation: "Harbour Food Bank", role: "administrator", since: expect.any(Date) },
    ]);
    expect(data.invitationsToYou).toEqual([
      {
        email: asha.email,
        organisation: "Harbour Food Bank",
        contract: "Wessex Employment Support",
        prime: primeName,
        perspective: "subcontractor",
        invitedBy: "Wessex Borough Council",
        sentAt: NOW,
        expiresAt: new Date(NOW.getTime() + 14 * DAY),
        acceptedAt: null,
        remindedAt: null,
        state: "pending",
      },
    ]);
    expect(data.activity.map((e) => [e.organisation, e.action, e.summary])).toEqual([
      [
        "Wessex Borough Council",
        "invitation.sent",
        `Invited ${asha.email} of Harbour Food Bank to rate ${primeName} on “Wessex Employment Support”`,
      ],
      ["Harbour Food Bank", "sign-in", "Asha Patel signed in"],
    ]);
    expect(data.passwordResetRequests).toHaveLength(1);
    expect(data.emails.map((m) => m.subject)).toEqual([
      `Rate how ${primeName} works with you`,
      "Reset your Chainwise password",
    ]);

    // Credentials never; other people never.
    const text = JSON.stringify(data);
    expect(account.password).toBeTruthy();
    expect(text).not.toContain(account.password);
    expect(text).not.toContain(session.token);
    const invitation = await client.invitation.findFirstOrThrow({ where: { email: asha.email } });
    expect(text).not.toContain(invitation.tokenHash);
    for (const other of ["Ben Carter", ben.email, ben.id, ben.ip, ben.agent, "Cara", cara.email, cara.id]) {
      expect(text).not.toContain(other);
    }
  });

  it("links a submitted rating to the organisation and never to the person who submitted it", async () => {
    const people = await world();
    const { asha, primeName } = people;
    const { client } = database;
    const draft = await submitRating(people);

    const stored = await client.assessment.findUniqueOrThrow({
      where: { id: draft.id },
      include: { answers: true },
    });
    expect(stored.status).toBe("SUBMITTED");
    const storedText = JSON.stringify(stored);
    for (const person of [asha.id, "Asha Patel", asha.email]) expect(storedText).not.toContain(person);
    // The log says she submitted a rating; nothing in it leads to which one, or what it said.
    const logged = await client.auditEvent.findFirstOrThrow({
      where: { userId: asha.id, action: "assessment.submitted" },
    });
    expect(logged.summary).toBe(`Submitted a rating of ${primeName} for Wessex Employment Support (2026–27)`);
    const everything = JSON.stringify(await client.auditEvent.findMany());
    expect(everything).not.toContain(stored.id);
    expect(everything).not.toContain(stored.reference);
    const exported = JSON.stringify(await exportPersonalData(asha.id, { now: NOW }));
    expect(exported).not.toContain(stored.id);
    expect(exported).not.toContain(stored.reference);
  });

  it("deletes an account only with the password, and never leaves an organisation without an administrator", async () => {
    const { asha, partner } = await world();
    const { client } = database;
    // A colleague who would be left with no administrator.
    const dev = await createUser(client, { name: "Dev Shah", email: `dev.${asha.email}` });
    await client.membership.create({ data: member(dev, partner, "MEMBER") });

    const wrong = await post(auth, "/delete-user", { password: "not the password at all" }, asha);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).code).toBe("INVALID_PASSWORD");
    const lastAdmin = await post(auth, "/delete-user", { password: PASSWORD }, asha);
    expect(lastAdmin.status).toBe(400);
    expect(await lastAdmin.json()).toMatchObject({
      code: ACCOUNT_NOT_DELETABLE,
      message: expect.stringContaining("You are the only administrator of Harbour Food Bank"),
    });
    expect(await client.user.count({ where: { id: asha.id } })).toBe(1);
    expect(await client.auditEvent.count({ where: { userId: asha.id } })).toBeGreaterThan(0);
  });

  it("deletes the person and every link to them, and keeps their organisation's assessments exactly as they were", async () => {
    const people = await world();
    const { asha, ben, council, partner, quayside, contract, cycleId, primeId, primeName } = people;
    const { client } = database;
    // She submitted a rating for Harbour Food Bank, and made a colleague its second administrator
    // so that she may leave.
    await submitRating(people);
    const dev = await createUser(client, { name: "Dev Shah", email: `dev.${asha.email}` });
    const devMembership = await client.membership.create({ data: member(dev, partner, "MEMBER") });
    await changeRole(as(partner, asha, "ADMIN"), devMembership.id, "ADMIN");
    // A draft she alone was working on (a member from before it was started): it belongs to
    // Quayside Mentors and stays.
    await client.membership.create({ data: member(asha, quayside, "MEMBER") });
    const draft = await createAssessment(client, {
      contractId: contract.id,
      cycleId,
      primeId,
      respondentOrgId: quayside.organisationId,
      perspective: "subcontractor",
      answers: {},
    });
    await savePrinciple(as(quayside, asha, "MEMBER"), {
      id: draft.id,
      revision: 0,
      principle: "fair-payment",
      answers: new Map(),
    });
    const assessmentsBefore = await client.assessment.findMany({
      include: { answers: true },
      orderBy: { id: "asc" },
    });
    expect(
      assessmentsBefore.some((a) => a.status === "SUBMITTED" && a.respondentOrgId === partner.organisationId),
    ).toBe(true);
    const eventsBefore = await client.auditEvent.count();
    const key = await client.apiToken.create({
      data: {
        organisationId: quayside.organisationId,
        name: "Quayside key",
        tokenHash: "c".repeat(64),
        createdById: asha.id,
      },
    });
    // A likely match from an import, decided by her for the council (she is not a member: only the link is tested).
    await client.likelyMatch.create({
      data: {
        commissionerId: council.organisationId,
        supplierName: "Harbour Supplies Ltd",
        contractLabel: "a notice",
        existingName: "Harbour Supplies",
        decision: "DIFFERENT",
        decidedAt: new Date(),
        decidedById: asha.id,
      },
    });

    const deleted = await post(auth, "/delete-user", { password: PASSWORD }, asha);
    expect(deleted.status).toBe(200);
    // Signed out: the cookie is expired, and the session it named no longer exists.
    expect(deleted.headers.get("set-cookie")).toMatch(/better-auth\.session_token=;.*Max-Age=0/);
    expect(await auth.api.getSession({ headers: new Headers({ cookie: asha.cookie }) })).toBeNull();

    expect(await client.assessment.findMany({ include: { answers: true }, orderBy: { id: "asc" } })).toEqual(
      assessmentsBefore,
    );
    expect(await client.user.count({ where: { id: asha.id } })).toBe(0);
    for (const count of [
      client.session.count({ where: { userId: asha.id } }),
      client.account.count({ where: { userId: asha.id } }),
      client.membership.count({ where: { userId: asha.id } }),
      client.verification.count({ where: { value: asha.id } }),
      client.invitation.count({ where: { email: asha.email } }),
      client.outboxMessage.count({ where: { to: asha.email } }),
      client.auditEvent.count({ where: { userId: asha.id } }),
      client.apiToken.count({ where: { createdById: asha.id } }),
      client.likelyMatch.count({ where: { decidedById: asha.id } }),
    ]) {
      expect(await count).toBe(0);
    }
    // The events stay (plus one per organisation saying a member left), but name her nowhere.
    expect(await client.auditEvent.count()).toBe(eventsBefore + 2);
    const events = await eventsOf([council, partner, quayside]);
    const text = JSON.stringify(events);
    for (const trace of [asha.id, "Asha", asha.email]) expect(text).not.toContain(trace);
    expect(events.filter((e) => e.formerMember).map((e) => e.summary)).toEqual([
      "A former member signed in",
      `Submitted a rating of ${primeName} for Wessex Employment Support (2026–27)`,
      "Made Dev Shah an administrator",
      "A member deleted their account",
      "A member deleted their account",
    ]);
    expect(events.map((e) => e.summary)).toContain(
      `Invited someone (address removed) of Harbour Food Bank to rate ${primeName} on “Wessex Employment Support”`,
    );
    // The organisation keeps its report key; only who made it is forgotten.
    expect(await client.apiToken.findUnique({ where: { id: key.id } })).toMatchObject({ createdById: null });
    // Others are untouched.
    expect(await client.user.count({ where: { id: ben.id } })).toBe(1);
    expect(await client.invitation.count({ where: { email: ben.email } })).toBe(1);
    expect(events.map((e) => e.summary)).toContain("Ben Carter signed in");

    const log = await listAudit(as(partner, dev, "ADMIN"));
    expect(log.find((e) => e.summary === "A former member signed in")?.person).toBe("A former member");
  });

  // On the same database: each test makes its own organisations and reads only their log.
  describe("member management", () => {
    /**
     * Riverside Trust with Ola (administrator) and Kit (member, acting for it), and Zed, who
     * administers another organisation: new for each test.
     */
    async function team() {
      const { client } = database;
      const trust = actorFor(await createSubcontractor(client, { name: "Riverside Trust" }));
      const other = actorFor(await createSubcontractor(client, { name: "Elsewhere CIC" }));
      const ola = await createUser(client, { name: "Ola Nowak" });
      const kit = await createUser(client, { name: "Kit Moss" });
      const zed = await createUser(client, { name: "Zed Ali" });
      const olaMembership = (await client.membership.create({ data: member(ola, trust, "ADMIN") })).id;
      const kitMembership = (await client.membership.create({ data: member(kit, trust, "MEMBER") })).id;
      await client.membership.create({ data: member(zed, other, "ADMIN") });
      await client.session.updateMany({
        where: { userId: kit.id },
        data: { activeOrganisationId: trust.organisationId },
      });
      const roles = async () =>
        (
          await client.membership.findMany({
            where: { organisationId: trust.organisationId },
            select: { userId: true, role: true },
            orderBy: { userId: "asc" },
          })
        ).map((m) => `${m.userId}:${m.role}`);
      return { trust, other, ola, kit, zed, olaMembership, kitMembership, roles };
    }

    it("refuses anyone but an administrator of the organisation, and changes nothing", async () => {
      const { trust, other, kit, zed, olaMembership, kitMembership, roles } = await team();
      const before = await roles();
      const attempts = [
        // A member, a demo visitor, an administrator of another organisation, and an actor whose
        // role was read before they were demoted (the service checks again in the database).
        [as(trust, kit, "MEMBER"), ForbiddenError],
        [{ ...trust, userId: null, role: null }, ForbiddenError],
        [as(other, zed, "ADMIN"), NotFoundError],
        [as(trust, kit, "ADMIN"), ForbiddenError],
      ] as const;
      for (const [actor, refusal] of attempts) {
        await expect(changeRole(actor, kitMembership, "ADMIN")).rejects.toBeInstanceOf(refusal);
        await expect(changeRole(actor, olaMembership, "MEMBER")).rejects.toBeInstanceOf(refusal);
        await expect(removeMember(actor, olaMembership)).rejects.toBeInstanceOf(refusal);
      }
      await expect(listMembers(as(trust, kit, "MEMBER"))).rejects.toBeInstanceOf(ForbiddenError);
      expect(await roles()).toEqual(before);
      expect(
        await database.client.auditEvent.count({
          where: { organisationId: { in: [trust.organisationId, other.organisationId] } },
        }),
      ).toBe(0);
    });

    it("keeps at least one administrator", async () => {
      const { trust, ola, olaMembership, roles } = await team();
      const olaActs = as(trust, ola, "ADMIN");
      await expect(changeRole(olaActs, olaMembership, "MEMBER")).rejects.toThrow(LAST_ADMIN);
      await expect(removeMember(olaActs, olaMembership)).rejects.toBeInstanceOf(RuleError);
      expect(await roles()).toContain(`${ola.id}:ADMIN`);
    });

    it("changes roles and removes members, logging each change", async () => {
      const { trust, ola, kit, olaMembership, kitMembership, roles } = await team();
      const olaActs = as(trust, ola, "ADMIN");
      expect(await changeRole(olaActs, kitMembership, "ADMIN")).toEqual({ name: "Kit Moss", role: "ADMIN" });
      // Two administrators stepping each other down at once: one wins, one administrator is left.
      const results = await Promise.allSettled([
        changeRole(olaActs, kitMembership, "MEMBER"),
        changeRole(as(trust, kit, "ADMIN"), olaMembership, "MEMBER"),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect((await roles()).filter((r) => r.endsWith(":ADMIN"))).toHaveLength(1);

      // Whoever is still the administrator removes the other.
      const admin = (await roles()).includes(`${ola.id}:ADMIN`) ? ola : kit;
      const [removed, membership] = admin === ola ? [kit, kitMembership] : [ola, olaMembership];
      await removeMember(as(trust, admin, "ADMIN"), membership);
      expect(await roles()).toEqual([`${admin.id}:ADMIN`]);
      const sessions = await database.client.session.findMany({ where: { userId: removed.id } });
      expect(nonEmpty(sessions, "sessions").every((s) => s.activeOrganisationId === null)).toBe(true);
      expect(await database.client.user.count({ where: { id: removed.id } })).toBe(1);

      const log = await listAudit(as(trust, admin, "ADMIN"));
      expect(log.map((e) => [e.person, e.action, e.summary]).reverse()).toEqual([
        ["Ola Nowak", "member.role-changed", "Made Kit Moss an administrator"],
        [admin.name, "member.role-changed", `Made ${removed.name} a member instead of an administrator`],
        [admin.name, "member.removed", `Removed ${removed.name} from Riverside Trust`],
      ]);
    });
  });
});

describe.each(testDatabaseKinds())("retention on %s", (kind) => {
  const database = useTestDatabase(kind);

  it("removes exactly the stale drafts, the expired unaccepted invitations and expired credentials", async () => {
    const { client } = database;
    const scenario = await createRatingScenario(client, {
      primes: [{ name: "Anvil Services Ltd" }],
      partners: [{ name: "Harbour Food Bank" }, {}, {}, {}],
    });
    const [partner, ...others] = scenario.partners as [Actor, Actor, Actor, Actor];
    const person = await createUser(client);
    const monthsAgo = (n: number) => new Date(Date.UTC(2026, 10 - n, 22, 12));

    // Each from its own partner: one assessment per partner, prime and cycle.
    const assessment = async (
      touched: Date,
      by: Actor,
      { submitted = false, answerTouched = touched } = {},
    ) => {
      const row = await scenario.rate(
        by,
        demoAnswers("subcontractor", 0.5, `retention-${touched.toISOString()}`),
        { submittedAt: null },
      );
      await client.assessment.update({ where: { id: row.id }, data: { updatedAt: touched } });
      await client.answer.updateMany({ where: { assessmentId: row.id }, data: { updatedAt: answerTouched } });
      // Submitted last, by hand so its timestamps stay old: the database refuses any later change.
      if (submitted) {
        await client.$executeRaw`UPDATE "Assessment" SET status = 'SUBMITTED', "submittedAt" = ${touched} WHERE id = ${row.id}`;
      }
      return row.id;
    };
    const stale = await assessment(monthsAgo(13), partner);
    const kept = [
      await assessment(monthsAgo(11), others[0]),
      await assessment(monthsAgo(13), others[1], { answerTouched: monthsAgo(1) }),
      await assessment(monthsAgo(30), others[2], { submitted: true }),
    ];

    const invitation = (expiresAt: Date, acceptedAt: Date | null) =>
      client.invitation.create({
        data: {
          tokenHash: `hash-${expiresAt.toISOString()}-${acceptedAt !== null}`,
          email: "pat@harbour.example",
          organisationId: partner.organisationId,
          contractId: scenario.contractId,
          primeId: scenario.prime.organisationId,
          perspective: "SUBCONTRACTOR",
          invitedByOrgId: scenario.commissioner.organisationId,
          expiresAt,
          acceptedAt,
        },
      });
    const expired = await invitation(new Date(NOW.getTime() - DAY), null);
    const accepted = await invitation(new Date(NOW.getTime() - DAY), new Date(NOW.getTime() - 2 * DAY));
    const pending = await invitation(new Date(NOW.getTime() + DAY), null);

    const session = (id: string, expiresAt: Date) =>
      client.session.create({
        data: { id, token: `token-${id}`, userId: person.id, expiresAt, ipAddress: "192.0.2.1" },
      });
    await session("old", new Date(NOW.getTime() - 1000));
    await session("live", new Date(NOW.getTime() + DAY));
    const verification = (id: string, expiresAt: Date) =>
      client.verification.create({
        data: { id, identifier: `reset-password:${id}`, value: person.id, expiresAt },
      });
    await verification("old-reset", new Date(NOW.getTime() - 1000));
    await verification("live-reset", new Date(NOW.getTime() + 1000));
    const counter = (key: string, at: number) =>
      client.rateLimit.create({ data: { id: key, key, count: 3, lastRequest: BigInt(at) } });
    await counter("192.0.2.1/sign-in/email", NOW.getTime() - 2 * DAY);
    await counter("192.0.2.2/sign-in/email", NOW.getTime() - 60_000);

    const staleReference = (await client.assessment.findUniqueOrThrow({ where: { id: stale } })).reference;
    const result = await purgeStaleData(NOW, { draftMonths: 12 });
    expect(result).toEqual({
      draftCutoff: new Date("2025-11-22T12:00:00Z"),
      drafts: [{ reference: staleReference, organisation: "Harbour Food Bank" }],
      evidenceFiles: 0,
      invitations: 1,
      sessions: 1,
      resetTokens: 1,
      rateCounters: 1,
      joinRequests: 0,
      accountRequests: 0,
    });
    expect((await client.assessment.findMany({ select: { id: true } })).map((a) => a.id).sort()).toEqual(
      kept.sort(),
    );
    expect(await client.answer.count({ where: { assessmentId: stale } })).toBe(0);
    expect((await client.invitation.findMany({ select: { id: true } })).map((i) => i.id).sort()).toEqual(
      [accepted.id, pending.id].sort(),
    );
    expect(await client.invitation.count({ where: { id: expired.id } })).toBe(0);
    expect((await client.session.findMany()).map((s) => s.id).sort()).toEqual(
      ["live", person.sessionId].sort(),
    );
    expect((await client.verification.findMany()).map((v) => v.id)).toEqual(["live-reset"]);
    expect((await client.rateLimit.findMany()).map((r) => r.key)).toEqual(["192.0.2.2/sign-in/email"]);
    expect(await client.user.count({ where: { id: person.id } })).toBe(1);
    // The organisation's log says a draft was deleted, and why.
    const log = await client.auditEvent.findMany({ where: { organisationId: partner.organisationId } });
    expect(log.map((e) => [e.userId, e.action, e.summary])).toEqual([
      [
        null,
        "retention.draft-removed",
        expect.stringMatching(
          /^Deleted an unfinished rating of Anvil Services Ltd for .* \(2026–27\): nobody had changed it since 22 October 2025$/,
        ),
      ],
    ]);

    // Running again removes nothing more.
    expect(await purgeStaleData(NOW, { draftMonths: 12 })).toMatchObject({
      drafts: [],
      invitations: 0,
      sessions: 0,
      resetTokens: 0,
      rateCounters: 0,
    });
  });
});
