import { describe, expect, it } from "vitest";
import { filterOverview, readOverviewFilter } from "./overview-filter";

const row = (name: string, lot: string | null, band: "good" | "concern" | null) => ({
  prime: { name, lot },
  contract: { title: "Working Well", reference: "NCC-1" },
  band,
});
const rows = [row("Anvil", "Lot 1", "concern"), row("Brook", "Lot 2", "good"), row("Cedar", "Lot 1", null)];
const names = (filter: Parameters<typeof readOverviewFilter>[0]) =>
  filterOverview(rows, readOverviewFilter(filter)).map((r) => r.prime.name);

describe("the overview's filters", () => {
  it("filters by band, by rows without released figures, and by lot", () => {
    expect(names({ band: "concern" })).toEqual(["Anvil"]);
    expect(names({ band: "none" })).toEqual(["Cedar"]);
    expect(names({ lot: "Lot 1" })).toEqual(["Anvil", "Cedar"]);
    expect(names({ lot: "Lot 1", band: "concern", q: "anvil" })).toEqual(["Anvil"]);
  });

  it("ignores values it does not know rather than showing nothing", () => {
    expect(names({ band: "terrible", lot: ["Lot 1"], q: 3 })).toEqual(["Anvil", "Brook", "Cedar"]);
  });
});
