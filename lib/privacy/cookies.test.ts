import { describe, expect, it } from "vitest";
import { essentialCookies } from "./cookies";

describe("essentialCookies", () => {
  it("names Better Auth's session cookie and its week-long lifetime", () => {
    const [session, ...rest] = essentialCookies({ appUrl: "http://localhost:3000", demoMode: false });
    expect(session?.name).toBe("better-auth.session_token");
    expect(session?.lifetime).toBe("7 days from when you last used Chainwise, or until you sign out.");
    expect(rest).toEqual([]);
  });

  it("gives the secure name browsers see over https", () => {
    const [session] = essentialCookies({ appUrl: "https://chainwise.example.org", demoMode: false });
    expect(session?.name).toBe("__Secure-better-auth.session_token");
  });

  it("lists the demo cookie only when the demo is on", () => {
    const names = essentialCookies({ appUrl: "http://localhost:3000", demoMode: true }).map((c) => c.name);
    expect(names).toEqual(["better-auth.session_token", "chainwise-demo-org"]);
  });
});
