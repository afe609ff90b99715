import { describe, expect, it } from "vitest";
import { createAuth } from "@/lib/auth/auth";
import { useTestDatabase } from "@/tests/support/test-database";

/** The session cookie's attributes as Better Auth sets them, over HTTPS and over plain HTTP. */
describe("session cookie", () => {
  const database = useTestDatabase("pglite");

  it.each([
    ["https://chainwise.example.org", "nia@example.org"],
    ["http://localhost:3000", "noor@example.org"],
  ])(
    "at %s is HttpOnly and SameSite=Lax, and Secure with the __Secure- prefix over HTTPS",
    async (base, email) => {
      const auth = createAuth(database.client, {
        baseURL: base,
        secret: "a-test-secret-that-is-long-enough-0123456789",
        sendResetPassword: async () => {},
      });
      const response = await auth.handler(
        new Request(`${base}/api/auth/sign-up/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: base, "x-forwarded-for": "198.51.100.7" },
          body: JSON.stringify({
            name: "Nia Evans",
            email,
            password: "a long enough password",
          }),
        }),
      );
      expect(response.status).toBe(200);
      const cookie = (response.headers.get("set-cookie") ?? "")
        .split(/,(?=\s*[\w.-]+=)/)
        .map((c) => c.trim())
        .find((c) => c.includes("better-auth.session_token="));
      expect(cookie).toBeDefined();
      const attributes = (cookie ?? "").split(";").map((a) => a.trim().toLowerCase());
      expect(attributes).toContain("httponly");
      expect(attributes).toContain("samesite=lax");
      if (base.startsWith("https://")) {
        expect(cookie).toMatch(/^__Secure-better-auth\.session_token=/);
        expect(attributes).toContain("secure");
      } else {
        expect(cookie).toMatch(/^better-auth\.session_token=/);
        expect(attributes).not.toContain("secure");
      }
    },
  );
});
