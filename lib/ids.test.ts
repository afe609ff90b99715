import { describe, expect, it } from "vitest";
import { NotFoundError } from "./errors";
import { hasNul, isRecordId, requireRecordIds } from "./ids";

describe("record ids", () => {
  it("accept cuids and Better Auth's ids", () => {
    expect(isRecordId("cmx6bvuv9000bpy7dfdk4gwi8")).toBe(true);
    expect(isRecordId("Xk3_9-aB")).toBe(true);
  });

  it("refuse anything else, so it never reaches the database", () => {
    for (const bad of [
      "",
      "abc\u0000def",
      "x".repeat(65),
      "a b",
      "../x",
      "1;DROP",
      "é",
      5,
      null,
      undefined,
    ]) {
      expect(isRecordId(bad), String(bad)).toBe(false);
    }
    expect(() => requireRecordIds("ok", "not ok")).toThrow(NotFoundError);
    expect(() => requireRecordIds("ok", "also-ok")).not.toThrow();
  });

  it("spot the NUL character", () => {
    expect(hasNul("a\u0000b")).toBe(true);
    expect(hasNul("a\tb")).toBe(false);
  });
});
