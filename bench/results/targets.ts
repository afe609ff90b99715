import type { HttpResult } from "../http/run";
import type { DatabaseTimings } from "../reports/measure";
import type { ScoringBenchResult } from "../scoring";
import type { SeedResult } from "../seed/seed";

/**
 * The issue's targets, judged from one run's figures. They are reported, never asserted in tests:
 * timings depend on the machine. A target whose measurement was not in this run says so.
 */

export interface TargetResult {
  target: string;
  figure: string;
  status: "met" | "not met" | "not measured";
}

const judge = (ok: boolean): TargetResult["status"] => (ok ? "met" : "not met");
const x = (n: number) => `${Math.round(n * 100) / 100}×`;

/** How one prime's report grows from the smallest to the largest scale measured, per database kind. */
export function primeGrowth(reports: DatabaseTimings[]) {
  return (["postgres", "pglite"] as const).flatMap((kind) => {
    const own = reports.filter((r) => r.kind === kind);
    const small = own.find((r) => r.scale === "S");
    const large = own.at(-1);
    if (!small || !large || large === small) return [];
    return [
      {
        kind,
        from: small.scale,
        to: large.scale,
        serviceGrowth: Math.round((large.prime.serviceMs / small.prime.serviceMs) * 100) / 100,
        rawGrowth: Math.round((large.prime.rawMs / small.prime.rawMs) * 100) / 100,
        programmeGrowth: Math.round((large.programme.serviceMs / small.programme.serviceMs) * 10) / 10,
      },
    ];
  });
}

/** Issue 13's targets at L on PostgreSQL: reports read stored releases, and a release is quick. */
function releaseTargets(
  reports: DatabaseTimings[] | null,
  http: HttpResult | null,
  seeded: readonly SeedResult[],
): TargetResult[] {
  const results: TargetResult[] = [];
  const report = reports?.find((r) => r.scale === "L" && r.kind === "postgres");
  const cold = "Programme report through its service, cold, ≤ 100 ms (L on PostgreSQL)";
  results.push(
    report
      ? {
          target: cold,
          figure: `${report.programme.serviceMs} ms`,
          status: judge(report.programme.serviceMs <= 100),
        }
      : { target: cold, figure: "L on PostgreSQL not in this run (--large)", status: "not measured" },
  );
  const pages = [
    { target: "Programme page ≥ 0.5× the bare page's throughput, 50 connections", page: "programme report" },
    {
      target: "One prime's report page ≥ 0.5× the bare page's throughput, 50 connections",
      page: "prime report",
    },
  ];
  for (const { target, page } of pages) {
    const load = http?.pages.find((p) => p.page === page);
    results.push(
      http && load
        ? {
            target,
            figure: `${x(load.requestsPerSecond / http.bareRequestsPerSecond)} (${http.database})`,
            status: http.database.startsWith("L")
              ? judge(load.requestsPerSecond / http.bareRequestsPerSecond >= 0.5)
              : "not measured",
          }
        : { target, figure: "HTTP not in this run", status: "not measured" },
    );
  }
  const whole = seeded.find((s) => s.scale === "L" && s.database.startsWith("PostgreSQL"));
  const release = "A release of the whole of L in under 2 minutes (PostgreSQL)";
  results.push(
    whole
      ? {
          target: release,
          figure: `${Math.round((whole.release.commissionerSeconds + whole.release.nationalSeconds) * 10) / 10} s (${whole.release.commissioners} programmes ${whole.release.commissionerSeconds} s, national ${whole.release.nationalSeconds} s)`,
          status: judge(whole.release.commissionerSeconds + whole.release.nationalSeconds < 120),
        }
      : { target: release, figure: "L was not seeded on PostgreSQL in this run", status: "not measured" },
  );
  return results;
}

export function judgeTargets(
  reports: DatabaseTimings[] | null,
  http: HttpResult | null,
  scoring: ScoringBenchResult | null,
  seeded: readonly SeedResult[] = [],
): TargetResult[] {
  const results: TargetResult[] = releaseTargets(reports, http, seeded);
  const atL = reports?.filter((r) => r.scale === "L") ?? [];
  results.push(
    atL.length
      ? {
          target: "Programme report ≤ 2× its raw SQL at L",
          figure: atL.map((r) => `${x(r.programme.ratio)} (${r.label})`).join(", "),
          status: judge(atL.every((r) => r.programme.ratio <= 2)),
        }
      : {
          target: "Programme report ≤ 2× its raw SQL at L",
          figure: "L not in this run (--large)",
          status: "not measured",
        },
  );
  const growth = reports ? primeGrowth(reports) : [];
  const pg = growth.find((g) => g.kind === "postgres");
  results.push(
    pg && pg.to === "L"
      ? {
          target: "One prime's report flat from S to L (≤ 1.2×)",
          figure: growth.map((g) => `${x(g.serviceGrowth)} ${g.from}→${g.to} on ${g.kind}`).join(", "),
          status: judge(pg.serviceGrowth <= 1.2),
        }
      : {
          target: "One prime's report flat from S to L (≤ 1.2×)",
          figure: growth.length
            ? `L not in this run; ${growth.map((g) => `${x(g.serviceGrowth)} ${g.from}→${g.to} on ${g.kind}`).join(", ")}`
            : "not measured",
          status: "not measured",
        },
  );
  if (http) {
    results.push({
      target: "Questionnaire page ≥ 0.5× the bare page's throughput",
      figure: `${x(http.questionnaireRatio)} (${http.database})`,
      status: judge(http.questionnaireRatio >= 0.5),
    });
    results.push({
      target: "Questionnaire page p99 < 4× its p50",
      figure: x(http.questionnaireP99OverP50),
      status: judge(http.questionnaireP99OverP50 < 4),
    });
    results.push({
      target: "Server peak memory (RSS) under report load < 400 MB",
      figure: `${http.peakRssUnderReportsMb} MB`,
      status: judge(http.peakRssUnderReportsMb < 400),
    });
  } else {
    for (const target of [
      "Questionnaire page ≥ 0.5× the bare page's throughput",
      "Questionnaire page p99 < 4× its p50",
      "Server peak memory (RSS) under report load < 400 MB",
    ])
      results.push({ target, figure: "HTTP not in this run", status: "not measured" });
  }
  results.push(
    scoring
      ? { target: "Scoring ≤ 3× a plain loop", figure: x(scoring.ratio), status: judge(scoring.withinTarget) }
      : { target: "Scoring ≤ 3× a plain loop", figure: "not in this run", status: "not measured" },
  );
  return results;
}
