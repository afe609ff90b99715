import { describe, expect, it } from "vitest";
import { searchRows, searchText } from "./row-search";

const row = (name: string, title: string, reference: string, lot: string | null = null) => ({
  prime: { name, lot },
  contract: { title, reference },
});

const rows = [
  row("Anvil Employment Services Ltd", "Restart Scheme — North East", "DWP/2024/017", "Lot 2"),
  row("Brightpath Probation CIC", "Creative Futures (Café Work)", "MOJ-88"),
  row("Anvil Employment Services Ltd", "Work and Health Programme", "DWP/2023/004"),
];

describe("searchRows", () => {
  it("keeps every row when nothing is typed", () => {
    expect(searchRows(rows, undefined)).toHaveLength(3);
    expect(searchRows(rows, "  ")).toHaveLength(3);
  });

  it("matches a prime's name, a contract's title or reference, whatever the case", () => {
    expect(searchRows(rows, "anvil").map((r) => r.contract.reference)).toEqual([
      "DWP/2024/017",
      "DWP/2023/004",
    ]);
    expect(searchRows(rows, "RESTART")).toEqual([rows[0]]);
    expect(searchRows(rows, "moj-88")).toEqual([rows[1]]);
  });

  it("needs every word, in any order, across prime and contract", () => {
    expect(searchRows(rows, "health anvil")).toEqual([rows[2]]);
    expect(searchRows(rows, "anvil probation")).toEqual([]);
  });

  it("ignores accents and punctuation, and finds the lot", () => {
    expect(searchRows(rows, "cafe")).toEqual([rows[1]]);
    expect(searchRows(rows, "dwp 2024")).toEqual([rows[0]]);
    expect(searchRows(rows, "lot 2")).toEqual([rows[0]]);
  });

  it("reads a dash between words as a space", () => {
    expect(searchText("North–East")).toBe("north east");
  });
});
