import { beforeAll, describe, expect, it } from "vitest";
import { type Auth, createAuth, RATE_LIMITS } from "@/lib/auth/auth";
import { openConnection } from "@/lib/db/adapter";
import { createClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { expectConsoleWarn } from "@/tests/support/console";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

const BASE = "http://chainwise.test";
/** Password-reset emails, as the app would send them. */
const resets: { email: string; url: string }[] = [];

function makeAuth(client: PrismaClient): Auth {
  return createAuth(client, {
    baseURL: BASE,
    secret: "a-test-secret-that-is-long-enough-0123456789",
    sendResetPassword: async (email, url) => {
      resets.push({ email, url });
    },
  });
}

/** A request as a browser behind our load balancer would send it: JSON, our origin, a client address. */
function post(auth: Auth, path: string, body: unknown, ip: string, cookie?: string) {
  return auth.handler(
    new Request(`${BASE}/api/auth${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: BASE,
        "x-forwarded-for": ip,
        ...(cookie ? { cookie } : {}),
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
    ?.trim();

describe.each(testDatabaseKinds())("sign-in on %s", (kind) => {
  const database = useTestDatabase(kind);
  let auth: Auth;
  beforeAll(() => {
    auth = makeAuth(database.client);
  });

  /** An account of the test's own, so no test depends on another's sign-ups or password changes. */
  async function signUp(email: string, password: string, ip: string) {
    const response = await post(auth, "/sign-up/email", { name: "Asha Patel", email, password }, ip);
    expect(response.status).toBe(200);
  }

  it("signs up with a hashed password, starts a database session, and signs in again", async () => {
    const signUp = await post(
      auth,
      "/sign-up/email",
      { name: "Asha Patel", email: "asha@riverside.example", password: "correct horse battery" },
      "198.51.100.1",
    );
    expect(signUp.status).toBe(200);
    const cookie = sessionCookie(signUp);
    expect(cookie).toBeDefined();

    const account = await database.client.account.findFirstOrThrow({
      where: { user: { email: "asha@riverside.example" } },
    });
    expect(account.password).toBeTruthy();
    expect(account.password).not.toContain("correct horse");
    expect(
      await database.client.session.count({ where: { user: { email: "asha@riverside.example" } } }),
    ).toBe(1);

    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookie ?? "" }) });
    expect(session?.user.email).toBe("asha@riverside.example");

    const signIn = await post(
      auth,
      "/sign-in/email",
      { email: "asha@riverside.example", password: "correct horse battery" },
      "198.51.100.1",
    );
    expect(signIn.status).toBe(200);
    const signOut = await post(auth, "/sign-out", {}, "198.51.100.1", sessionCookie(signIn));
    expect(signOut.status).toBe(200);
    expect(
      await auth.api.getSession({ headers: new Headers({ cookie: sessionCookie(signIn) ?? "" }) }),
    ).toBeNull();
  });

  it("refuses a wrong password and a short one, without saying which accounts exist", async () => {
    // Better Auth logs each refusal; the server log is where an operator would look for an attack.
    expectConsoleWarn("[Better Auth]: Invalid password");
    expectConsoleWarn("[Better Auth]: User not found");
    expectConsoleWarn("[Better Auth]: Password is too short");
    await signUp("bea@riverside.example", "correct horse battery", "198.51.100.2");
    const wrong = await post(
      auth,
      "/sign-in/email",
      { email: "bea@riverside.example", password: "not the password" },
      "198.51.100.2",
    );
    const unknown = await post(
      auth,
      "/sign-in/email",
      { email: "nobody@riverside.example", password: "not the password" },
      "198.51.100.2",
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    const short = await post(
      auth,
      "/sign-up/email",
      { name: "B", email: "b@riverside.example", password: "short" },
      "198.51.100.3",
    );
    expect(short.status).toBe(400);
  });

  it("resets a password through a single-use emailed link, ending old sessions", async () => {
    await signUp("cal@riverside.example", "correct horse battery", "198.51.100.4");
    const before = await post(
      auth,
      "/sign-in/email",
      { email: "cal@riverside.example", password: "correct horse battery" },
      "198.51.100.4",
    );
    const oldCookie = sessionCookie(before);
    expect(oldCookie).toBeDefined();
    const earlier = resets.length;
    await post(
      auth,
      "/request-password-reset",
      { email: "cal@riverside.example", redirectTo: "/reset-password" },
      "198.51.100.4",
    );
    const sent = resets.slice(earlier);
    expect(sent).toEqual([{ email: "cal@riverside.example", url: expect.any(String) }]);
    const token = sent[0]?.url.match(/reset-password\/([^?]+)/)?.[1];
    expect(token).toBeTruthy();

    const reset = await post(
      auth,
      "/reset-password",
      { newPassword: "a brand new passphrase", token },
      "198.51.100.4",
    );
    expect(reset.status).toBe(200);
    const again = await post(
      auth,
      "/reset-password",
      { newPassword: "another new passphrase", token },
      "198.51.100.4",
    );
    expect(again.status).toBe(400);
    expect(await auth.api.getSession({ headers: new Headers({ cookie: oldCookie ?? "" }) })).toBeNull();
    const signIn = await post(
      auth,
      "/sign-in/email",
      { email: "cal@riverside.example", password: "a brand new passphrase" },
      "198.51.100.4",
    );
    expect(signIn.status).toBe(200);
  });

  it("limits sign-in attempts per client across two app instances sharing the database", async () => {
    expectConsoleWarn("[Better Auth]: Invalid password");
    await signUp("dee@riverside.example", "correct horse battery", "203.0.113.8");
    // A second instance: on a server, its own client and connection pool on the same database;
    // PGlite has one owner per process, so there the second client shares its connection.
    const secondConnection = database.url
      ? openConnection({ kind: "postgres", url: database.url }, { poolSize: 2 })
      : database.connection;
    try {
      const second = makeAuth(createClient(secondConnection));
      const { max } = RATE_LIMITS["/sign-in/email"];
      const attempt = (instance: Auth) =>
        post(
          instance,
          "/sign-in/email",
          { email: "dee@riverside.example", password: "guess" },
          "203.0.113.9",
        );
      const statuses = [];
      for (let i = 0; i < max; i++) statuses.push((await attempt(i % 2 === 0 ? auth : second)).status);
      expect(statuses).toEqual(Array(max).fill(401));
      expect((await attempt(second)).status).toBe(429);
      expect((await attempt(auth)).status).toBe(429);
      // Another client address is not blocked by this one's attempts.
      const other = await post(
        second,
        "/sign-in/email",
        { email: "dee@riverside.example", password: "correct horse battery" },
        "203.0.113.10",
      );
      expect(other.status).toBe(200);
      const row = await database.client.rateLimit.findFirst({ where: { key: { contains: "203.0.113.9" } } });
      expect(row?.count).toBeGreaterThanOrEqual(max);
    } finally {
      if (database.url) await secondConnection.close();
    }
  });
});
