import type { HttpResult } from "../http/run";
import { importSection } from "../import/markdown";
import type { ImportBenchResult } from "../import/run";
import type { DatabaseTimings } from "../reports/measure";
import type { ScoringBenchResult } from "../scoring";
import type { SeedResult } from "../seed/seed";
import type { Environment } from "./environment";
import { primeGrowth, type TargetResult } from "./targets";

/** bench/results.md: the run's figures for people, with the machine first and the targets last. */

export interface RunResults {
  environment: Environment;
  options: Record<string, unknown>;
  seeded: SeedResult[];
  reports: DatabaseTimings[] | null;
  http: HttpResult | null;
  scoring: ScoringBenchResult | null;
  /** A large OCDS import beside page loads (issue 14); absent from runs before it existed. */
  import?: ImportBenchResult | null;
  targets: TargetResult[];
  notes: string[];
}

const ms = (n: number) => `${n.toLocaleString("en-GB")} ms`;

function reportsSection(reports: DatabaseTimings[]): string[] {
  const same = (t: DatabaseTimings["programme"]) =>
    t.same ? `yes (${t.figures})` : `**no**: ${t.mismatches[0]}`;
  const lines = [
    "## Reports beside their SQL",
    "",
    "Each report through its service for the released period (`getProgrammeReport` for the programme's commissioner, `getContractReport` with `primeId` for one prime on one of its contracts), timed beside one hand-written SQL statement that reads the same figures from the stored releases (bench/reports/raw-sql.ts) on the same database; first both are checked to give the same numbers. Cold: the first call of a round, with no kept report (a closed period's programme report answers readers for 5 s); the database's own buffers are warm after round 0. Warm: a second call right after, as a reader reloading the page gets. Medians over the rounds.",
    "",
    "| Database | Programme rows | Programme: service cold | warm | SQL | cold ÷ SQL | Same numbers (figures) | Prime: service cold | warm | SQL | cold ÷ SQL | Same numbers (figures) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of reports) {
    lines.push(
      `| ${r.label} | ${r.programmeRows.toLocaleString("en-GB")} | ${ms(r.programme.serviceMs)} | ${ms(r.programme.warmMs)} | ${ms(r.programme.rawMs)} | **${r.programme.ratio}×** | ${same(r.programme)} | ${ms(r.prime.serviceMs)} | ${ms(r.prime.warmMs)} | ${ms(r.prime.rawMs)} | **${r.prime.ratio}×** | ${same(r.prime)} |`,
    );
  }
  const growth = primeGrowth(reports);
  if (growth.length) {
    lines.push(
      "",
      "How cost grows with the data (the data grows 10× from S to M and 100× from S to L):",
      "",
      "| Database | From → to | One prime's report (service) | One prime's report (SQL) | Programme report (service) |",
      "| --- | --- | --- | --- | --- |",
      ...growth.map(
        (g) =>
          `| ${g.kind === "postgres" ? "PostgreSQL" : "PGlite"} | ${g.from} → ${g.to} | **${g.serviceGrowth}×** | ${g.rawGrowth}× | ${g.programmeGrowth}× |`,
      ),
    );
  }
  return [...lines, ""];
}

function httpSection(http: HttpResult): string[] {
  return [
    "## Pages under load",
    "",
    `\`next start\` on ${http.database} with NODE_OPTIONS \`${http.serverNodeOptions ?? "(not recorded)"}\` (as \`npm start\` sets them), signed in (a Better Auth session cookie), autocannon with ${http.connections} connections: every page warmed for 3 s, then loaded for ${http.seconds} s in each of two passes in mirrored order (bare, questionnaire, prime report, and back), the programme report last on its own (its memory is not given back); response times pooled, and the server left to finish left-over requests between runs. The bare page (app/bench/bare) renders the site's layout and nothing else: the baseline.`,
    "",
    "| Page | Path | Requests/s | ÷ bare | p50 | p99 | p99 ÷ p50 | Requests | Non-2xx | Errors | Peak RSS |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...http.pages.map(
      (p) =>
        `| ${p.page} | \`${p.path}\` | ${p.requestsPerSecond} | ${Math.round((p.requestsPerSecond / http.bareRequestsPerSecond) * 100) / 100}× | ${ms(p.p50Ms)} | ${ms(p.p99Ms)} | ${Math.round((p.p99Ms / Math.max(1, p.p50Ms)) * 100) / 100}× | ${p.requests} | ${p.non2xx} | ${p.errors} | ${p.peakRssMb} MB |`,
    ),
    "",
    `Resident memory of the server (all its processes): ${http.idleRssMb} MB just started; largest while the report pages were under load **${http.peakRssUnderReportsMb} MB**; largest over the run ${http.peakRssMb} MB.`,
    "",
  ];
}

function scoringSection(r: ScoringBenchResult): string[] {
  return [
    "## Scoring",
    "",
    "scoreAssessment over synthetic partner assessments of about 30 answers, against a plain loop that reads the same answers and sums them as numbers (bench/scoring.ts).",
    "",
    "| Assessments | Answers each | Runs | Scoring (median) | Plain loop (median) | Ratio | Ratio by CPU time |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    `| ${r.assessments.toLocaleString("en-GB")} | ${r.answersPerAssessment} | ${r.runs} | ${ms(r.scoringMs)} | ${ms(r.baselineMs)} | **${r.ratio}×** | ${r.cpuRatio}× |`,
    "",
  ];
}

export function markdown(results: RunResults, changes: string): string {
  const env = results.environment;
  const lines = [
    "# Benchmark results",
    "",
    "Written by `npm run bench` (see docs/decisions/0007-benchmarks.md). Ratios are measured side by side in one run; absolute times depend on the machine and on what else it was doing.",
    "",
    `- Date: ${env.date}`,
    `- Node: ${env.node}; OS: ${env.platform}`,
    `- CPU: ${env.cpu}, ${env.cores} cores; memory ${env.memoryGb} GB; load average at start ${env.loadAverage.join(", ")}`,
    `- PostgreSQL server: ${env.postgres ?? "not reachable"}; embedded: ${env.pglite}`,
    `- Options: \`${JSON.stringify(results.options)}\``,
    "",
    "## Targets",
    "",
    "| Target | This run | Status |",
    "| --- | --- | --- |",
    ...results.targets.map(
      (t) => `| ${t.target} | ${t.figure} | ${t.status === "met" ? "met" : `**${t.status}**`} |`,
    ),
    "",
    ...results.notes.map((n) => `- ${n}`),
    ...(results.notes.length ? [""] : []),
  ];
  if (results.seeded.length) {
    lines.push(
      "## Data seeded in this run",
      "",
      "| Scale | Database | Rows | Time | Rows/s |",
      "| --- | --- | --- | --- | --- |",
      ...results.seeded.map(
        (s) =>
          `| ${s.scale} | ${s.database} | ${s.rows.toLocaleString("en-GB")} | ${s.seconds} s | ${s.rowsPerSecond.toLocaleString("en-GB")} |`,
      ),
      "",
      "## Releases",
      "",
      "After seeding, the closed period (2025–26) is released as production would: every programme through the daily job (`releaseDue`: per prime, its ratings read, `computeRelease`, scopes and figures written with values aggregated in SQL and checked against the reference's), then `releaseNational`. The reports below read only these releases.",
      "",
      "| Scale | Database | Programmes released | Scopes | Figures | Programmes' releases | National release | Whole release |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      ...results.seeded
        .filter((s) => s.release)
        .map(
          (s) =>
            `| ${s.scale} | ${s.database} | ${s.release.commissioners} | ${s.release.scopes.toLocaleString("en-GB")} | ${s.release.figures.toLocaleString("en-GB")} | ${s.release.commissionerSeconds} s | ${s.release.nationalSeconds} s | **${Math.round((s.release.commissionerSeconds + s.release.nationalSeconds) * 10) / 10} s** |`,
        ),
      "",
    );
  }
  if (results.reports) lines.push(...reportsSection(results.reports));
  if (results.http) lines.push(...httpSection(results.http));
  if (results.scoring) lines.push(...scoringSection(results.scoring));
  if (results.import) lines.push(...importSection(results.import));
  lines.push(changes.trim(), "");
  return lines.join("\n");
}
