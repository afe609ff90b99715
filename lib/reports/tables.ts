import { stringify } from "csv-stringify/sync";
import { MEASURE_KEYS } from "@/lib/scoring";
import type { ContractReport } from "@/lib/services/reports";
import { type Answers, formatGap, formatScore } from "./format";
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

/**
 * `shown`: figures as a reader sees them, to the precision their count supports (the PDF). Without
 * it, figures stay numbers at their stored precision, one decimal (the CSV; ADR 0021).
 */
export function reportTable(report: ContractReport, name: TableName, { shown = false } = {}): Table {
  const seesSelf = report.viewer !== "partner";
  const fig = (value: number | null, answers: Answers) =>
    value === null || !shown ? value : formatScore(value, answers);
  const gap = (value: number | null, answers: Answers) =>
    value === null || !shown ? value : formatGap(value, answers);
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
            ...(seesSelf ? [fig(line.self, "own")] : []),
            fig(line.partners?.mean ?? null, line.partners?.answers ?? 0),
            fig(line.partners?.median ?? null, line.partners?.answers ?? 0),
            line.partners?.n ?? null,
            line.partners?.band ?? null,
            ...(seesSelf ? [gap(line.gap, line.partners?.answers ?? "own"), line.view] : []),
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
            fig(line.partners?.share ?? null, line.partners?.n ?? 0),
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
            fig(p.responseRate, p.supplyChain.roster),
            ...lines.map((l) => fig(l.partners?.mean ?? null, l.partners?.answers ?? 0)),
            ...(seesSelf ? [fig(p.self?.score ?? null, "own")] : []),
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
