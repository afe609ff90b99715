import { stringify } from "csv-stringify/sync";
import { MEASURE_KEYS } from "@/lib/scoring";
import type { ContractReport } from "@/lib/services/reports";
import { measureTitle } from "./labels";
import { flagLines, measureLines } from "./lines";

/**
 * A report's tables as plain rows, for CSV and PDF. Built from the same guarded report the page
 * shows, so an export can never hold a figure the page would hide.
 */

export const TABLES = ["principles", "flags", "primes"] as const;
export type TableName = (typeof TABLES)[number];

export interface Table {
  title: string;
  header: string[];
  rows: (string | number | null)[][];
}

const primeLabel = (p: ContractReport["primes"][number]) =>
  p.prime.name + (p.prime.lot ? ` (${p.prime.lot})` : "");

export function reportTable(report: ContractReport, name: TableName): Table {
  const seesSelf = report.viewer !== "partner";
  const cycle = report.cycle?.name ?? "";
  switch (name) {
    case "principles":
      return {
        title: "Scores by principle",
        header: [
          "Prime",
          "Cycle",
          "Principle",
          ...(seesSelf ? ["Prime's own score"] : []),
          "Partners' mean",
          "Partners' median",
          "Partners counted",
          "Band",
          ...(seesSelf ? ["Gap (prime − partners)", "View"] : []),
        ],
        rows: report.primes.flatMap((p) =>
          measureLines(p.partners, p.self, p.comparison).map((line) => [
            primeLabel(p),
            cycle,
            measureTitle(line.key),
            ...(seesSelf ? [line.self] : []),
            line.partners?.mean ?? null,
            line.partners?.median ?? null,
            line.partners?.n ?? null,
            line.partners?.band ?? null,
            ...(seesSelf ? [line.gap, line.view] : []),
          ]),
        ),
      };
    case "flags":
      return {
        title: "Red flags partners raised",
        header: [
          "Prime",
          "Cycle",
          "Flag",
          "What it means",
          "Partners raising it",
          "Partners answering",
          "Share (%)",
        ],
        rows: report.primes.flatMap((p) =>
          flagLines(p.partners).map((line) => [
            primeLabel(p),
            cycle,
            line.title,
            line.label,
            line.partners?.flagged ?? null,
            line.partners?.n ?? null,
            line.partners?.share ?? null,
          ]),
        ),
      };
    case "primes":
      return {
        title: "Primes side by side",
        header: [
          "Prime",
          "Cycle",
          "Partners answered",
          "Partners on the rating list",
          "Response rate (%)",
          ...MEASURE_KEYS.map((key) => `Partners: ${measureTitle(key)}`),
          ...(seesSelf ? ["Prime's own overall score"] : []),
          "Named in bid",
          "Named in bid and delivering",
        ],
        rows: report.primes.map((p) => {
          const lines = measureLines(p.partners, p.self, p.comparison);
          return [
            primeLabel(p),
            cycle,
            p.submitted,
            p.supplyChain.roster,
            p.responseRate,
            ...lines.map((l) => l.partners?.mean ?? null),
            ...(seesSelf ? [p.self?.score ?? null] : []),
            p.supplyChain.namedInBid,
            p.supplyChain.namedDelivering,
          ];
        }),
      };
  }
}

/**
 * CSV for spreadsheets. Text that a spreadsheet would run as a formula (starting =, +, -, @) is
 * prefixed with an apostrophe, since names come from people; numbers are left as numbers.
 */
export function toCsv(table: Table): string {
  const safe = (cell: string | number | null) =>
    typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : (cell ?? "");
  return stringify([table.header, ...table.rows.map((row) => row.map(safe))], { record_delimiter: "\r\n" });
}
