import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ACCOUNT_NOT_DELETABLE, type Auth, createAuth } from "@/lib/auth/auth";
import { sendPasswordReset } from "@/lib/auth/mail";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { erasePerson } from "@/lib/services/account-deletion";
import { savePrinciple, submit } from "@/lib/services/assessments";
import { listAudit, recordAudit } from "@/lib/services/audit";
import { createInvitation } from "@/lib/services/invitations";
import { changeRole, LAST_ADMIN, listMembers, removeMember } from "@/lib/services/members";
import { exportPersonalData } from "@/lib/services/personal-data";
import { purgeStaleData } from "@/lib/services/retention";
import { demoAnswers } from "@/prisma/demo-answers";
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
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from "@/tests/support/test-database";

const BASE = "http://chainwise.test";
const NOW = new Date("2026-11-22T12:00:00Z");
const DAY = 86_400_000;
const PASSWORD = "a long enough passphrase";

function makeAuth(database: TestDatabase): Auth {
  return createAuth(database.client, {
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
  let database: TestDatabase;
  let auth: Auth;
  let council: Actor;
  let partner: Actor;
  let quayside: Actor;
  let primeName: string;
  let contract: { id: string; title: string };
  let cycleId: string;
  let primeId: string;
  const asha = { id: "", cookie: "", ip: "198.51.100.10", agent: "AshaBrowser/1.0" };
  const ben = { id: "", cookie: "", ip: "198.51.100.20", agent: "BenBrowser/2.0" };

  async function signUp(who: typeof asha, name: string, email: string) {
    const response = await post(auth, "/sign-up/email", { name, email, password: PASSWORD }, who);
    expect(response.status).toBe(200);
    who.cookie = sessionCookie(response);
    who.id = (await database.client.user.findUniqueOrThrow({ where: { email } })).id;
  }

  beforeAll(async () => {
    vi.stubEnv("EMAIL_TRANSPORT", "outbox");
    database = await openTestDatabase(kind);
    database.use();
    auth = makeAuth(database);
    const { client } = database;
    council = actorFor(await createCommissioner(client, "Wessex Borough Council"));
    const prime = await createPrime(client, "Anvil Services Ltd");
    primeId = prime.id;
    primeName = prime.name;
    partner = actorFor(await createSubcontractor(client, { name: "Harbour Food Bank" }));
    quayside = actorFor(await createSubcontractor(client, { name: "Quayside Mentors" }));
    contract = await createContract(client, {
      commissionerId: council.organisationId,
      title: "Wessex Employment Support",
      primes: [{ primeId }],
    });
    for (const org of [partner, quayside]) {
      await addToSupplyChain(client, {
        contractId: contract.id,
        primeId,
        organisationId: org.organisationId,
      });
    }
    cycleId = (await createCycle(client, { contractId: contract.id })).id;

    await signUp(asha, "Asha Patel", "asha@harbour.example");
    await signUp(ben, "Ben Carter", "ben@quayside.example");
    const cara = await createUser(client, { name: "Cara Jones", email: "cara@wessex.example" });
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
      [partner, "Asha@Harbour.example"],
      [quayside, "ben@quayside.example"],
    ] as const) {
      await createInvitation(
        caraActs,
        {
          contractId: contract.id,
          primeId,
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
      { email: "asha@harbour.example", redirectTo: "/reset-password" },
      asha,
    );
    expect(reset.status).toBe(200);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database?.close();
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

  it("lists the report keys the person made, and never the keys themselves", async () => {
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
    await client.apiToken.deleteMany({ where: { tokenHash: { in: ["a".repeat(64), "b".repeat(64)] } } });
  });

  it("exports every personal field held about the person, and nothing about anyone else", async () => {
    const { client } = database;
    const data = await exportPersonalData(asha.id, { now: NOW });
    expect(data).not.toBeNull();
    if (!data) return;
    const user = await client.user.findUniqueOrThrow({ where: { id: asha.id } });
    expect(data.person).toEqual({
      id: user.id,
      name: "Asha Patel",
      email: "asha@harbour.example",
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
        ipAddress: "198.51.100.10",
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
        email: "asha@harbour.example",
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
        `Invited asha@harbour.example of Harbour Food Bank to rate ${primeName} on “Wessex Employment Support”`,
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
    const invitation = await client.invitation.findFirstOrThrow({ where: { email: "asha@harbour.example" } });
    expect(text).not.toContain(invitation.tokenHash);
    for (const other of [
      "Ben Carter",
      "ben@quayside.example",
      ben.id,
      ben.ip,
      ben.agent,
      "Cara",
      "cara@wessex",
    ]) {
      expect(text).not.toContain(other);
    }
  });

  it("links a submitted rating to the organisation and never to the person who submitted it", async () => {
    const { client } = database;
    const draft = await createAssessment(client, {
      contractId: contract.id,
      cycleId,
      primeId,
      respondentOrgId: partner.organisationId,
      perspective: "subcontractor",
      answers: demoAnswers("subcontractor", 0.6, "privacy"),
    });
    await submit(as(partner, asha, "ADMIN"), draft.id, 0, { now: NOW });

    const stored = await client.assessment.findUniqueOrThrow({
      where: { id: draft.id },
      include: { answers: true },
    });
    expect(stored.status).toBe("SUBMITTED");
    const storedText = JSON.stringify(stored);
    for (const person of [asha.id, "Asha Patel", "asha@harbour.example"])
      expect(storedText).not.toContain(person);
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
    const { client } = database;
    const dev = await createUser(client, { name: "Dev Shah", email: "dev@harbour.example" });
    const devMembership = await client.membership.create({ data: member(dev, partner, "MEMBER") });

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

    await changeRole(as(partner, asha, "ADMIN"), devMembership.id, "ADMIN");
  });

  it("deletes the person and every link to them, and keeps their organisation's assessments exactly as they were", async () => {
    const { client } = database;
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
      client.invitation.count({ where: { email: "asha@harbour.example" } }),
      client.outboxMessage.count({ where: { to: "asha@harbour.example" } }),
      client.auditEvent.count({ where: { userId: asha.id } }),
      client.apiToken.count({ where: { createdById: asha.id } }),
    ]) {
      expect(await count).toBe(0);
    }
    // The events stay (plus one per organisation saying a member left), but name her nowhere.
    expect(await client.auditEvent.count()).toBe(eventsBefore + 2);
    const events = await client.auditEvent.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    const text = JSON.stringify(events);
    for (const trace of [asha.id, "Asha", "asha@harbour.example"]) expect(text).not.toContain(trace);
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
    expect(await client.invitation.count({ where: { email: "ben@quayside.example" } })).toBe(1);
    expect(events.map((e) => e.summary)).toContain("Ben Carter signed in");

    const dev = await client.user.findUniqueOrThrow({ where: { email: "dev@harbour.example" } });
    const log = await listAudit(as(partner, dev, "ADMIN"));
    expect(log.find((e) => e.summary === "A former member signed in")?.person).toBe("A former member");
  });
});

describe.each(testDatabaseKinds())("member management on %s", (kind) => {
  let database: TestDatabase;
  let trust: Actor;
  let other: Actor;
  let ola: Awaited<ReturnType<typeof createUser>>;
  let kit: Awaited<ReturnType<typeof createUser>>;
  let zed: Awaited<ReturnType<typeof createUser>>;
  let olaMembership: string;
  let kitMembership: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    database.use();
    const { client } = database;
    trust = actorFor(await createSubcontractor(client, { name: "Riverside Trust" }));
    other = actorFor(await createSubcontractor(client, { name: "Elsewhere CIC" }));
    ola = await createUser(client, { name: "Ola Nowak" });
    kit = await createUser(client, { name: "Kit Moss" });
    zed = await createUser(client, { name: "Zed Ali" });
    olaMembership = (await client.membership.create({ data: member(ola, trust, "ADMIN") })).id;
    kitMembership = (await client.membership.create({ data: member(kit, trust, "MEMBER") })).id;
    await client.membership.create({ data: member(zed, other, "ADMIN") });
    await client.session.updateMany({
      where: { userId: kit.id },
      data: { activeOrganisationId: trust.organisationId },
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  const roles = async () =>
    (
      await database.client.membership.findMany({
        where: { organisationId: trust.organisationId },
        select: { userId: true, role: true },
        orderBy: { userId: "asc" },
      })
    ).map((m) => `${m.userId}:${m.role}`);

  it("refuses anyone but an administrator of the organisation, and changes nothing", async () => {
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
    expect(await database.client.auditEvent.count()).toBe(0);
  });

  it("keeps at least one administrator", async () => {
    const olaActs = as(trust, ola, "ADMIN");
    await expect(changeRole(olaActs, olaMembership, "MEMBER")).rejects.toThrow(LAST_ADMIN);
    await expect(removeMember(olaActs, olaMembership)).rejects.toBeInstanceOf(RuleError);
    expect(await roles()).toContain(`${ola.id}:ADMIN`);
  });

  it("changes roles and removes members, logging each change", async () => {
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
    expect(sessions.every((s) => s.activeOrganisationId === null)).toBe(true);
    expect(await database.client.user.count({ where: { id: removed.id } })).toBe(1);

    const log = await listAudit(as(trust, admin, "ADMIN"));
    expect(log.map((e) => [e.person, e.action, e.summary]).reverse()).toEqual([
      ["Ola Nowak", "member.role-changed", "Made Kit Moss an administrator"],
      [admin.name, "member.role-changed", `Made ${removed.name} a member instead of an administrator`],
      [admin.name, "member.removed", `Removed ${removed.name} from Riverside Trust`],
    ]);
  });
});

describe.each(testDatabaseKinds())("retention on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    database.use();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("removes exactly the stale drafts, the expired unaccepted invitations and expired credentials", async () => {
    const { client } = database;
    const council = await createCommissioner(client);
    const prime = await createPrime(client, "Anvil Services Ltd");
    const partner = await createSubcontractor(client, { name: "Harbour Food Bank" });
    const contract = await createContract(client, {
      commissionerId: council.id,
      primes: [{ primeId: prime.id }],
    });
    const cycle = await createCycle(client, { contractId: contract.id });
    const person = await createUser(client);
    const monthsAgo = (n: number) => new Date(Date.UTC(2026, 10 - n, 22, 12));

    // Each from its own partner: one assessment per partner, prime and cycle.
    const assessment = async (
      touched: Date,
      { submitted = false, answerTouched = touched, by = partner } = {},
    ) => {
      const row = await createAssessment(client, {
        contractId: contract.id,
        cycleId: cycle.id,
        primeId: prime.id,
        respondentOrgId: by.id,
        perspective: "subcontractor",
        answers: demoAnswers("subcontractor", 0.5, `retention-${touched.toISOString()}`),
        submittedAt: submitted ? touched : undefined,
      });
      await client.assessment.update({ where: { id: row.id }, data: { updatedAt: touched } });
      await client.answer.updateMany({ where: { assessmentId: row.id }, data: { updatedAt: answerTouched } });
      return row.id;
    };
    const stale = await assessment(monthsAgo(13));
    const kept = [
      await assessment(monthsAgo(11), { by: await createSubcontractor(client) }),
      await assessment(monthsAgo(13), { answerTouched: monthsAgo(1), by: await createSubcontractor(client) }),
      await assessment(monthsAgo(30), { submitted: true, by: await createSubcontractor(client) }),
    ];

    const invitation = (expiresAt: Date, acceptedAt: Date | null) =>
      client.invitation.create({
        data: {
          tokenHash: `hash-${expiresAt.toISOString()}-${acceptedAt !== null}`,
          email: "pat@harbour.example",
          organisationId: partner.id,
          contractId: contract.id,
          primeId: prime.id,
          perspective: "SUBCONTRACTOR",
          invitedByOrgId: council.id,
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
    const log = await client.auditEvent.findMany({ where: { organisationId: partner.id } });
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
