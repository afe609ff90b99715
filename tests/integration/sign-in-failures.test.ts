import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@/lib/auth/auth";
import { answerOf } from "@/lib/auth/endpoint";
import { signInFailure } from "@/lib/auth/forms";
import { openConnection } from "@/lib/db/adapter";
import { createClient } from "@/lib/db/client";
import { expectConsoleError } from "@/tests/support/console";

const BASE = "http://chainwise.test";

/**
 * A sign-in that fails on our side is not blamed on the person's password (issue 19). Here the
 * database drops every connection, as a server going away does: Better Auth's handler throws (its
 * rate limiter reads the database before any endpoint runs), which crashed the sign-in action into
 * the error page. answerOf turns it into a 503, which the form reports as our problem.
 */
describe("signing in while the database drops every connection", () => {
  let server: net.Server;
  let port: number;

  beforeAll(async () => {
    server = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers 503, and the form says the problem is ours, not the password", async () => {
    const connection = openConnection(
      { kind: "postgres", url: `postgres://chainwise:chainwise@127.0.0.1:${port}/chainwise` },
      { poolSize: 1 },
    );
    const auth = createAuth(createClient(connection), {
      baseURL: BASE,
      secret: "a-test-secret-that-is-long-enough-0123456789",
      sendResetPassword: async () => {},
    });
    expectConsoleError("Better Auth could not answer");
    const response = await answerOf(
      auth,
      new Request(`${BASE}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": "198.51.100.7" },
        body: JSON.stringify({ email: "asha@riverside.example", password: "correct horse battery" }),
      }),
    );
    expect(response.status).toBe(503);
    const failure = signInFailure(response.status);
    expect(failure.kind).toBe("service");
    expect(failure.message).not.toMatch(/do not match/);
    await connection.close();
  });
});
