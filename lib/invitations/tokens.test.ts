import { describe, expect, it } from "vitest";
import { expiryFor, hashToken, isTokenShaped, newToken, sameEmail, stateOf } from "./tokens";

describe("invitation tokens", () => {
  it("are 32 random bytes in base64url, stored only as their SHA-256", () => {
    const { token, tokenHash } = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(isTokenShaped(token)).toBe(true);
    expect(tokenHash).toBe(hashToken(token));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).not.toContain(token);
    expect(newToken().token).not.toBe(token);
    expect(isTokenShaped("not-a-token")).toBe(false);
    expect(isTokenShaped(`${token}/..`)).toBe(false);
  });

  it("expire after 14 days, or when the cycle closes if that is sooner", () => {
    const now = new Date("2026-11-22T12:00:00Z");
    expect(expiryFor(now, new Date("2027-01-31T23:59:59Z"))).toEqual(new Date("2026-12-06T12:00:00Z"));
    expect(expiryFor(now, new Date("2026-11-30T23:59:59Z"))).toEqual(new Date("2026-11-30T23:59:59Z"));
  });

  it("are pending, expired or accepted; accepted wins", () => {
    const now = new Date("2026-11-22T12:00:00Z");
    expect(stateOf({ acceptedAt: null, expiresAt: new Date("2026-11-23") }, now)).toBe("pending");
    expect(stateOf({ acceptedAt: null, expiresAt: now }, now)).toBe("expired");
    expect(stateOf({ acceptedAt: new Date("2026-11-01"), expiresAt: new Date("2026-11-02") }, now)).toBe(
      "accepted",
    );
  });

  it("belong to an address whatever its case", () => {
    expect(sameEmail(" Pat@Example.ORG", "pat@example.org")).toBe(true);
    expect(sameEmail("pat@example.org", "pat@example.org.evil")).toBe(false);
  });
});
