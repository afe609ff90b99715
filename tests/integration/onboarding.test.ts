import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import {
  decideAccountRequest,
  listAccountRequests,
  requestAccount,
  TOO_MANY_REQUESTS,
} from "@/lib/services/account-requests";
import { getAuth } from "@/lib/services/auth-instance";
import { addOperator, createOrganisationWithAdmin } from "@/lib/services/operators";
import { exportPersonalData } from "@/lib/services/personal-data";
import { purgeStaleData } from "@/lib/services/retention";
import { latestTo } from "@/tests/support/email";
import { createUser } from "@/tests/support/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/**
 * A real council gets started without the demo: it asks on the site, an operator approves, and its
 * first administrator chooses a password from the emailed link and signs in.
 */

const request = (organisationName: string, email: string) => ({
  organisationName,
  contactName: "Ann Smith",
  jobTitle: "Commissioning manager",
  email,
  message: "For our employment support contracts.",
});

/** The reset token in a welcome email's link, as Better Auth writes it. */
function welcomeToken(text: string): string {
  const token = text.match(
    /\/api\/auth\/reset-password\/([A-Za-z0-9]+)\?callbackURL=%2Freset-password%3Fwelcome%3D1/,
  )?.[1];
  if (!token) throw new Error(`no welcome link in:\n${text}`);
  return token;
}

describe.each(testDatabaseKinds())("onboarding a council on %s", (kind) => {
  const database = useTestDatabase(kind);
  let operator: { id: string };

  beforeAll(async () => {
    await addOperator({ email: "ops@chainwise.example", name: "Olu Operator" });
    operator = await database.client.user.findUniqueOrThrow({ where: { email: "ops@chainwise.example" } });
  });

  it("records a request once, tells the operators, and limits requests per client address", async () => {
    await requestAccount(request("Northmoor County Council", "ann@northmoor.example"), {
      client: "198.51.100.7",
    });
    await requestAccount(request("Northmoor County Council", "Ann@Northmoor.example"), {
      client: "198.51.100.7",
    });
    expect(
      await database.client.accountRequest.count({ where: { organisationName: "Northmoor County Council" } }),
    ).toBe(1);
    expect((await latestTo("ops@chainwise.example"))?.subject).toBe(
      "Account request: Northmoor County Council",
    );
    for (let i = 0; i < 3; i++) {
      await requestAccount(request(`Council ${i}`, `c${i}@example.org`), { client: "198.51.100.7" });
    }
    await expect(
      requestAccount(request("One too many", "x@example.org"), { client: "198.51.100.7" }),
    ).rejects.toThrow(TOO_MANY_REQUESTS);
    // Another address is not held back by this one.
    await requestAccount(request("Eastshire Council", "e@eastshire.example"), { client: "198.51.100.8" });
  });

  it("lets only an operator decide, once; approval makes the council and welcomes its administrator", async () => {
    await requestAccount(request("Westvale Council", "wes@westvale.example"), { client: "203.0.113.1" });
    const [waiting] = (await listAccountRequests(operator.id)).filter(
      (r) => r.organisationName === "Westvale Council",
    );
    if (!waiting) throw new Error("no request");
    const stranger = await createUser(database.client);
    await expect(listAccountRequests(stranger.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(decideAccountRequest(stranger.id, waiting.id, true)).rejects.toBeInstanceOf(ForbiddenError);

    await decideAccountRequest(operator.id, waiting.id, true);
    await expect(decideAccountRequest(operator.id, waiting.id, false)).rejects.toBeInstanceOf(NotFoundError);
    const council = await database.client.organisation.findFirstOrThrow({
      where: { name: "Westvale Council" },
      include: { members: { include: { user: true } } },
    });
    expect(council.type).toBe("COMMISSIONER");
    expect(council.demo).toBe(false);
    expect(council.members.map((m) => [m.user.email, m.role])).toEqual([["wes@westvale.example", "ADMIN"]]);

    // The welcome link sets a password; then the administrator signs in with it.
    const welcome = await latestTo("wes@westvale.example");
    expect(welcome?.subject).toBe("Your Chainwise account for Westvale Council");
    await getAuth().api.resetPassword({
      body: { token: welcomeToken(welcome?.text ?? ""), newPassword: "a long new password" },
    });
    const signedIn = await getAuth().api.signInEmail({
      body: { email: "wes@westvale.example", password: "a long new password" },
    });
    expect(signedIn.user.email).toBe("wes@westvale.example");

    // Their data download holds the request they made; the operator's says they are one.
    const data = await exportPersonalData(signedIn.user.id);
    expect(data?.accountRequests).toEqual([
      expect.objectContaining({
        organisation: "Westvale Council",
        jobTitle: "Commissioning manager",
        status: "approved",
      }),
    ]);
    expect(data?.operator).toBe(false);
    expect((await exportPersonalData(operator.id))?.operator).toBe(true);
  });

  it("tells the person when their request is declined, and makes nothing", async () => {
    await requestAccount(request("Fake Council", "fake@example.org"), { client: "203.0.113.2" });
    const [waiting] = (await listAccountRequests(operator.id)).filter(
      (r) => r.organisationName === "Fake Council",
    );
    if (!waiting) throw new Error("no request");
    await decideAccountRequest(operator.id, waiting.id, false);
    expect(await database.client.organisation.count({ where: { name: "Fake Council" } })).toBe(0);
    expect((await latestTo("fake@example.org"))?.subject).toBe(
      "Your Chainwise account request for Fake Council",
    );
  });

  it("refuses to give an organisation with members a new administrator from outside", async () => {
    await createOrganisationWithAdmin({
      type: "COMMISSIONER",
      name: "Southport Borough Council",
      adminEmail: "first@southport.example",
      adminName: "First",
    });
    await expect(
      createOrganisationWithAdmin({
        type: "COMMISSIONER",
        name: "southport borough council",
        adminEmail: "intruder@example.org",
        adminName: "Intruder",
      }),
    ).rejects.toBeInstanceOf(RuleError);
    const intruder = await database.client.user.findUnique({ where: { email: "intruder@example.org" } });
    expect(intruder).toBeNull();
  });

  it("deletes decided requests after their retention period, and keeps the rest", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 100 * 86_400_000);
    const recent = new Date(now.getTime() - 10 * 86_400_000);
    const person = await createUser(database.client);
    const council = await database.client.organisation.findFirstOrThrow({
      where: { name: "Westvale Council" },
    });
    await database.client.joinRequest.createMany({
      data: [
        { organisationId: council.id, userId: person.id, reason: "old", decidedAt: old, approved: false },
        {
          organisationId: council.id,
          userId: person.id,
          reason: "recent",
          decidedAt: recent,
          approved: false,
        },
        { organisationId: council.id, userId: person.id, reason: "waiting" },
      ],
    });
    await database.client.accountRequest.updateMany({
      where: { status: "DECLINED" },
      data: { decidedAt: old },
    });
    const result = await purgeStaleData(now, { draftMonths: 12 });
    expect(result).toMatchObject({ joinRequests: 1, accountRequests: 1 });
    expect(
      (await database.client.joinRequest.findMany({ where: { userId: person.id } }))
        .map((r) => r.reason)
        .sort(),
    ).toEqual(["recent", "waiting"]);
    expect(await database.client.accountRequest.count({ where: { status: "PENDING" } })).toBeGreaterThan(0);
  });
});
