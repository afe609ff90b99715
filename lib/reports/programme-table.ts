import { MEASURE_KEYS } from "@/lib/scoring";
import type { ProgrammeReport } from "@/lib/services/programme-report";
import { measureTitle } from "./labels";
import { measureLines } from "./lines";
import { searchRows } from "./row-search";
import type { Table } from "./tables";

/** The programme report's one table, for the page's CSV: the rows the page's search matches. */
export function programmeTable(report: ProgrammeReport, search?: string): Table {
  return {
    title: "Primes across your contracts",
    header: [
      "Contract reference",
      "Contract",
      "Prime",
      "Cycle",
      "Partners answered",
      "Partners on the rating list",
      ...MEASURE_KEYS.map((key) => `Partners: ${measureTitle(key)}`),
      "Prime's own overall score",
    ],
    rows: searchRows(report.rows, search).map((row) => [
      row.contract.reference,
      row.contract.title,
      row.prime.name + (row.prime.lot ? ` (${row.prime.lot})` : ""),
      report.cycleName,
      row.submitted,
      row.roster,
      ...measureLines(row.partners, null, null).map((l) => l.partners?.mean ?? null),
      row.self?.overall ?? null,
    ]),
  };
}
