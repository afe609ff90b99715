import type { ImportBenchResult } from "./run";

/** bench/results.md's section on a large OCDS import and the pages beside it (issue 14). */
export function importSection(result: ImportBenchResult): string[] {
  const ms = (n: number) => `${n} ms`;
  return [
    "## A large OCDS import, and pages during it",
    "",
    `Run ${result.date}. \`next start\` on ${result.database}, working the queue itself. A generated release package of ${result.suppliers.toLocaleString("en-GB")} suppliers in ${result.contracts} award releases (${result.fileMb} MB, every supplier new to the database) queued as an upload is; meanwhile the commissioner's \`${result.page}\` is loaded one request at a time, as a person would, beside the same page idle just before (bench/import/).`,
    "",
    `Import: **${result.importSeconds} s**, ${result.suppliersPerSecond} suppliers/s (${result.status}).`,
    "",
    "| page loads | loads | median | p95 |",
    "| --- | --- | --- | --- |",
    `| idle | ${result.idle.loads} | ${ms(result.idle.p50Ms)} | ${ms(result.idle.p95Ms)} |`,
    `| during the import | ${result.during.loads} | ${ms(result.during.p50Ms)} | ${ms(result.during.p95Ms)} |`,
    "",
    `Median during the import over idle: **${result.ratio}×** (target: at most 2×). Server memory: ${result.idleRssMb} MB idle, largest during the import ${result.peakRssMb} MB.${result.loadAverage ? ` The machine's load average (${result.loadAverage.join(" before, ")} after, on its cores) is other work: it slows the idle and the busy figures alike.` : ""}`,
    "",
  ];
}
