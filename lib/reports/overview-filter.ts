import { SERVICE_AREAS } from "@/lib/contracts/options";
import { BANDS, type Band } from "@/lib/scoring/numbers";
import { searchRows } from "./row-search";

/** The overview's filters, as read from its plain GET form: anything unknown is ignored. */
export interface OverviewFilter {
  q: string;
  lot: string;
  /** A service area, "none" for contracts that state none, or "" for every row. */
  area: string;
  /** A band, "none" for rows without released figures, or "" for every row. */
  band: Band | "none" | "";
}

export function readOverviewFilter(params: {
  q?: unknown;
  lot?: unknown;
  area?: unknown;
  band?: unknown;
}): OverviewFilter {
  const text = (value: unknown) => (typeof value === "string" ? value.trim().slice(0, 200) : "");
  const band = text(params.band);
  const area = text(params.area);
  return {
    q: text(params.q),
    lot: text(params.lot),
    area: area === "none" || SERVICE_AREAS.some((a) => a.value === area) ? area : "",
    band: band === "none" || (BANDS as readonly string[]).includes(band) ? (band as Band | "none") : "",
  };
}

interface FilterableRow {
  contract: { title: string; reference: string; serviceArea: string | null };
  prime: { name: string; lot: string | null };
  band: Band | null;
}

export function filterOverview<T extends FilterableRow>(
  rows: readonly T[],
  filter: OverviewFilter,
): readonly T[] {
  return searchRows(rows, filter.q).filter(
    (row) =>
      (!filter.lot || row.prime.lot === filter.lot) &&
      (!filter.area || row.contract.serviceArea === (filter.area === "none" ? null : filter.area)) &&
      (!filter.band || (filter.band === "none" ? row.band === null : row.band === filter.band)),
  );
}
