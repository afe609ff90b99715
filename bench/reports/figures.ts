import type { Aggregate } from "@/lib/scoring";
import type { ProgrammeReport } from "@/lib/services/programme-report";
import type { ContractReport } from "@/lib/services/reports";
import type { FigureRow } from "./raw-sql";

/**
 * Both sides of the comparison as one flat map of figures ("cycle/prime/measure/overall" → "n mean
 * median …"), so "the same numbers" is a plain equality of two maps, and any difference is named.
 * Zero counts are left out on both sides: a report says 0 where SQL has no row.
 */
export type Figures = Map<string, string>;

const num = (v: number | null | undefined) => (v === null || v === undefined ? "-" : String(Number(v)));

function addAggregate(into: Figures, prefix: string, aggregate: Aggregate) {
  if (aggregate.suppressed) return;
  for (const m of [aggregate.overall, ...aggregate.principles]) {
    if (m.suppressed) continue;
    const d = m.distribution;
    into.set(
      `${prefix}/measure/${m.key}`,
      [m.n, m.mean, m.median, d?.strong, d?.good, d?.developing, d?.concern].map(num).join(" "),
    );
  }
  for (const q of aggregate.questions) {
    if (q.suppressed) continue;
    // A question without a red flag shows none; SQL counts its (never) flagged answers as 0.
    into.set(
      `${prefix}/question/${q.key}`,
      [q.n, q.mean, q.flagged ?? 0, q.flaggedShare ?? 0].map(num).join(" "),
    );
  }
}

function addRow(into: Figures, r: FigureRow) {
  const prefix = `${r.cycleId}/${r.primeId}`;
  switch (r.kind) {
    case "measure":
      into.set(
        `${prefix}/measure/${r.key}`,
        [r.n, r.mean, r.median, r.strong, r.good, r.developing, r.concern].map(num).join(" "),
      );
      return;
    case "question":
      into.set(`${prefix}/question/${r.key}`, [r.n, r.mean, r.flagged, r.share].map(num).join(" "));
      return;
    case "submitted":
    case "roster":
      if (r.n) into.set(`${prefix}/${r.kind}`, num(r.n));
      return;
    case "self":
      into.set(`${prefix}/self/${r.key}`, num(r.mean));
      return;
    case "chain":
      if (r.n) into.set(`${r.primeId}/chain/${r.key}`, num(r.n));
      return;
    case "note":
      into.set(`${prefix}/notes`, `${into.get(`${prefix}/notes`) ?? ""}${r.key}:${r.text}\n`);
  }
}

export function rawFigures(rows: readonly FigureRow[]): Figures {
  const figures: Figures = new Map();
  for (const row of rows) addRow(figures, row);
  // Notes are compared as a set: neither side promises an order beyond the report's own.
  for (const [key, value] of figures)
    if (key.endsWith("/notes")) figures.set(key, value.split("\n").filter(Boolean).sort().join("\n"));
  return figures;
}

export function programmeReportFigures(report: ProgrammeReport): Figures {
  const figures: Figures = new Map();
  for (const row of report.rows) {
    const prefix = `${row.cycleId}/${row.prime.id}`;
    if (row.submitted) figures.set(`${prefix}/submitted`, num(row.submitted));
    if (row.roster) figures.set(`${prefix}/roster`, num(row.roster));
    addAggregate(figures, prefix, row.partners);
    for (const [measure, score] of Object.entries(row.self ?? {}))
      figures.set(`${prefix}/self/${measure}`, num(score));
  }
  return figures;
}

/**
 * One prime's report: its current cycle in full, and the figures behind its trend. The trend shows
 * each earlier cycle's overall mean, so the earlier cycles' other figures are the SQL's alone and
 * are left out of the comparison.
 */
export function primeReportFigures(report: ContractReport, raw: Figures): Figures {
  const figures: Figures = new Map();
  const prime = report.primes[0];
  if (!prime || !report.cycle) return figures;
  const prefix = `${report.cycle.id}/${prime.prime.id}`;
  if (prime.submitted) figures.set(`${prefix}/submitted`, num(prime.submitted));
  addAggregate(figures, prefix, prime.partners);
  if (prime.self) {
    figures.set(`${prefix}/self/overall`, num(prime.self.score));
    for (const p of prime.self.principles) figures.set(`${prefix}/self/${p.key}`, num(p.score));
  }
  for (const [key, value] of Object.entries(prime.supplyChain)) {
    const n = Array.isArray(value) ? value.length : Number(value);
    if (n) figures.set(`${prime.prime.id}/chain/${key}`, num(n));
  }
  const notes = prime.notes.map((n) => `${n.questionKey}:${n.evidence}`).sort();
  if (notes.length) figures.set(`${prefix}/notes`, notes.join("\n"));
  // Cycles the report does not show (not released, so not in the trend) are the SQL's alone.
  const shown = new Set([report.cycle.id, ...prime.trend.cycles.map((c) => c.id)]);
  for (const key of [...raw.keys()]) {
    const [cycle, primeId] = key.split("/");
    if (primeId === prime.prime.id && !shown.has(cycle as string)) raw.delete(key);
  }
  for (const cycle of prime.trend.cycles) {
    if (cycle.id === report.cycle.id) continue;
    const p = `${cycle.id}/${prime.prime.id}`;
    const overall = raw.get(`${p}/measure/overall`);
    figures.set(`${p}/trend/overall`, num(cycle.overall));
    if (cycle.self !== null) figures.set(`${p}/trend/self`, num(cycle.self));
    // The trend's own numbers, taken from the SQL's rows for that cycle.
    raw.set(`${p}/trend/overall`, overall ? (overall.split(" ")[1] ?? "-") : "-");
    const self = raw.get(`${p}/self/overall`);
    if (self !== undefined && cycle.self !== null) raw.set(`${p}/trend/self`, self);
    for (const key of [...raw.keys()])
      if (key.startsWith(`${p}/`) && !key.includes("/trend/")) raw.delete(key);
  }
  return figures;
}

/** The figures that differ, as "key: report … / sql …" lines; empty when both agree. */
export function differences(report: Figures, raw: Figures, limit = 10): string[] {
  const lines: string[] = [];
  for (const key of new Set([...report.keys(), ...raw.keys()])) {
    if (report.get(key) !== raw.get(key))
      lines.push(`${key}: report ${report.get(key)} / sql ${raw.get(key)}`);
    if (lines.length >= limit) break;
  }
  return lines;
}
