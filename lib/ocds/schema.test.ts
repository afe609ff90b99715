import { describe, expect, it } from "vitest";
import { tidy } from "./schema";

describe("tidy", () => {
  it("collapses whitespace and drops control characters that cannot be stored", () => {
    expect(tidy("  Acme\n   Ltd ")).toBe("Acme Ltd");
    expect(tidy("Acme\u0000 Ltd\u0007")).toBe("Acme Ltd");
    expect(tidy("\u0000")).toBe("");
  });
});
