import { describe, expect, it } from "vitest";
import { resetFailure, safeNext, signInFailure, signUpFailure } from "./forms";

describe("where to go after signing in", () => {
  it("keeps paths on this site", () => {
    expect(safeNext("/assessments/abc?x=1#q")).toBe("/assessments/abc?x=1#q");
  });

  it("refuses other sites and anything a Location header cannot carry", () => {
    for (const next of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "/a\u0000b",
      "/a b",
      "/é",
      "x",
    ]) {
      expect(safeNext(next), next).toBe("/dashboard");
    }
    expect(safeNext(null, "/account")).toBe("/account");
    expect(safeNext(`/${"a".repeat(2001)}`)).toBe("/dashboard");
  });
});

describe("signInFailure", () => {
  it("does not blame the person's password for a problem on our side", () => {
    expect(signInFailure(500)).toEqual({
      kind: "service",
      message: expect.stringContaining("problem on our side"),
    });
    expect(signInFailure(503).message).not.toContain("do not match");
    expect(signInFailure(401).message).toContain("They do not match");
    expect(signInFailure(429).message).toContain("Too many attempts");
  });
});

describe("signUpFailure and resetFailure", () => {
  it("do not send the person to fix their details or their link for a problem on our side", () => {
    for (const status of [500, 503]) {
      expect(signUpFailure(status, null)).toEqual({
        kind: "service",
        message: expect.stringContaining("problem on our side"),
      });
      expect(resetFailure(status)).toEqual({
        kind: "service",
        message: expect.stringContaining("still works"),
      });
    }
    expect(signUpFailure(422, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL").message).toContain("already uses");
    expect(signUpFailure(400, null).message).toContain("Check your details");
    expect(signUpFailure(429, null).message).toContain("Too many attempts");
    expect(resetFailure(400).message).toContain("has expired");
    expect(resetFailure(429).message).toContain("Too many attempts");
  });
});
