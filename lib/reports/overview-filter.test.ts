import { describe, expect, it } from "vitest";
import { filterOverview, readOverviewFilter } from "./overview-filter";

const row = (
  name: string,
  lot: string | null,
  band: "good" | "concern" | null,
  serviceArea: string | null = "employment",
) => ({
  prime: { name, lot },
  contract: { title: "Working Well", reference: "NCC-1", serviceArea },
  band,
});
const rows = [
  row("Anvil", "Lot 1", "concern"),
  row("Brook", "Lot 2", "good", "justice"),
  row("Cedar", "Lot 1", null, null),
];
const names = (filter: Parameters<typeof readOverviewFilter>[0]) =>
  filterOverview(rows, readOverviewFilter(filter)).map((r) => r.prime.name);

describe("the overview's filters", () => {
  it("filters by band, by rows without released figures, and by lot", () => {
    expect(names({ band: "concern" })).toEqual(["Anvil"]);
    expect(names({ band: "none" })).toEqual(["Cedar"]);
    expect(names({ lot: "Lot 1" })).toEqual(["Anvil", "Cedar"]);
    expect(names({ lot: "Lot 1", band: "concern", q: "anvil" })).toEqual(["Anvil"]);
  });

  it("filters by service area, and by contracts that state none", () => {
    expect(names({ area: "justice" })).toEqual(["Brook"]);
    expect(names({ area: "none" })).toEqual(["Cedar"]);
    expect(names({ area: "employment", band: "good" })).toEqual([]);
  });

  it("ignores values it does not know rather than showing nothing", () => {
    expect(names({ band: "terrible", lot: ["Lot 1"], q: 3 })).toEqual(["Anvil", "Brook", "Cedar"]);
    expect(names({ area: "probation" })).toEqual(["Anvil", "Brook", "Cedar"]);
  });
});
