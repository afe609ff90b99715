import { MEASURE_KEYS } from "@/lib/scoring";
import type { ProgrammeReport } from "@/lib/services/programme-report";
import { measureTitle } from "./labels";
import { measureLines } from "./lines";
import type { Table } from "./tables";

/** The programme report's one table, for the page's CSV. */
export function programmeTable(report: ProgrammeReport): Table {
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
    rows: report.rows.map((row) => [
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
