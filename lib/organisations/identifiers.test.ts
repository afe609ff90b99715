import { describe, expect, it } from "vitest";
import { checkIdentifier, formatIdentifier, parseIdentifier } from "./identifiers";

describe("checkIdentifier", () => {
  it("normalises ids as registers write them", () => {
    expect(checkIdentifier("gb-coh", " 1234567 ")).toEqual({
      ok: true,
      identifier: { scheme: "GB-COH", id: "01234567" },
    });
    expect(checkIdentifier("GB-COH", "sc123456")).toMatchObject({ identifier: { id: "SC123456" } });
    expect(checkIdentifier("GB-SC", "012345")).toMatchObject({ identifier: { id: "SC012345" } });
    expect(checkIdentifier("GB-NIC", "NIC100123")).toMatchObject({ identifier: { id: "100123" } });
    expect(checkIdentifier("GB-CHC", "1098 765")).toMatchObject({ identifier: { id: "1098765" } });
    expect(checkIdentifier("GB-MPR", "12345R")).toMatchObject({ identifier: { id: "12345R" } });
  });

  it("refuses an id that does not fit its register, naming the register and an example", () => {
    expect(checkIdentifier("GB-COH", "123456789")).toEqual({
      ok: false,
      message: '"123456789" is not a Companies House number: it looks like 01234567 or SC123456.',
    });
    expect(checkIdentifier("GB-CHC", "SC012345")).toMatchObject({ ok: false });
    expect(checkIdentifier("GB-SC", "1098765")).toMatchObject({ ok: false });
    expect(checkIdentifier("GB-COH", "  ")).toEqual({
      ok: false,
      message: "Enter the number the register gives.",
    });
    expect(checkIdentifier("companies house", "01234567")).toMatchObject({ ok: false });
  });

  it("keeps other schemes as given", () => {
    expect(checkIdentifier("GB-GOR", "pb123")).toEqual({
      ok: true,
      identifier: { scheme: "GB-GOR", id: "PB123" },
    });
    expect(checkIdentifier("XI-PB", "a b<c")).toMatchObject({ ok: false });
  });
});

describe("parseIdentifier", () => {
  it("reads OCDS party ids and identifiers, and gives them back the same", () => {
    const coh = parseIdentifier("GB-COH-01234567");
    expect(coh).toEqual({ scheme: "GB-COH", id: "01234567" });
    expect(coh && formatIdentifier(coh)).toBe("GB-COH-01234567");
    expect(parseIdentifier("GB-CHC-1098765")).toEqual({ scheme: "GB-CHC", id: "1098765" });
    expect(parseIdentifier("GB-SC-SC012345")).toEqual({ scheme: "GB-SC", id: "SC012345" });
    expect(parseIdentifier("GB-GOR-PB123")).toEqual({ scheme: "GB-GOR", id: "PB123" });
  });

  it("gives null for ids that name no scheme or break their scheme's rules", () => {
    expect(parseIdentifier("1234")).toBeNull();
    expect(parseIdentifier("GB-COH-999999999")).toBeNull();
    expect(parseIdentifier("supplier-3")).toBeNull();
  });
});
