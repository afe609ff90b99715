import { framework } from "@/lib/framework";
import type { BenchDatabase } from "../reports/targets";
import { RELEASED_PERIOD } from "../seed/release";
import { checkPage, drain, loadSlice, type PageLoad, type PageSpec, pool, type Slice } from "./load";
import { startServer } from "./server";

export interface HttpResult {
  database: string;
  connections: number;
  /** The server's NODE_OPTIONS (its heap limit, as `npm start` sets it). */
  serverNodeOptions?: string;
  /** Seconds of load per page in each of the two passes. */
  seconds: number;
  pages: PageLoad[];
  bareRequestsPerSecond: number;
  questionnaireRatio: number;
  questionnaireP99OverP50: number;
  reportRatio: number;
  /** The server's resident memory just after it started, before any load. */
  idleRssMb: number;
  /** The server's largest resident memory while the report pages were under load. */
  peakRssUnderReportsMb: number;
  /** The largest over the whole run (memory a process has taken is seldom given back). */
  peakRssMb: number;
}

/**
 * Every page is first loaded briefly (so nothing is measured cold), then measured in two passes in
 * mirrored order (bare, questionnaire, prime report, then back), so a change in the machine's load
 * during the run falls on every page alike; the programme report follows, on its own. Response
 * times of both passes are pooled. The server finishes left-over requests between runs.
 */
export async function httpBenchmark(
  db: BenchDatabase,
  { port = 3401, connections = 50, seconds = 10, nodeOptions = "" } = {},
): Promise<HttpResult> {
  if (db.target.kind !== "postgres") throw new Error("the HTTP benchmark runs on a PostgreSQL server");
  const { actors } = db;
  const specs: PageSpec[] = [
    { page: "bare", path: "/bench/bare", who: "partner", expect: "Benchmark baseline" },
    {
      page: "questionnaire",
      path: `/assessments/${actors.draftId}/${framework.principles[0]?.key}`,
      who: "partner",
      expect: framework.principles[0]?.title ?? "",
    },
    {
      page: "prime report",
      // The released period: the page reads stored figures, not counts only.
      path: `/contracts/${actors.contractId}/primes/${actors.prime.organisationId}/report?cycle=${actors.releasedCycleId}`,
      who: "prime",
      expect: actors.prime.organisationName,
    },
    {
      page: "programme report",
      path: `/reports?cycle=${encodeURIComponent(RELEASED_PERIOD)}`,
      who: "commissioner",
      expect: "Primes across your contracts",
    },
  ];
  const server = await startServer(db.target.url, port, nodeOptions);
  try {
    server.resetPeak();
    const idleRssMb = server.peakRssMb();
    const slices = new Map<string, Slice[]>(specs.map((s) => [s.page, []]));
    // The programme report is by far the heaviest page and memory a process takes is seldom given
    // back, so it runs last: the other pages' figures, memory included, are their own.
    const light = specs.filter((s) => s.page !== "programme report");
    const heavy = specs.filter((s) => s.page === "programme report");
    for (const group of [light, heavy]) {
      for (const spec of group) {
        await checkPage(server, spec);
        await loadSlice(server, spec, { connections, seconds: 3 });
        await drain(server);
      }
      for (const order of [group, [...group].reverse()]) {
        for (const spec of order) {
          process.stderr.write(`bench: http ${spec.page}…\n`);
          slices.get(spec.page)?.push(await loadSlice(server, spec, { connections, seconds }));
          await drain(server);
        }
      }
    }
    const pages = specs.map((spec) => pool(spec, slices.get(spec.page) ?? []));
    const find = (page: string) => pages.find((p) => p.page === page) as PageLoad;
    const bare = find("bare").requestsPerSecond;
    const questionnaire = find("questionnaire");
    const ratio = (n: number) => Math.round(n * 100) / 100;
    return {
      database: db.label,
      connections,
      serverNodeOptions: server.nodeOptions,
      seconds,
      idleRssMb,
      pages,
      bareRequestsPerSecond: bare,
      questionnaireRatio: ratio(questionnaire.requestsPerSecond / bare),
      questionnaireP99OverP50: ratio(questionnaire.p99Ms / Math.max(1, questionnaire.p50Ms)),
      reportRatio: ratio(find("prime report").requestsPerSecond / bare),
      peakRssUnderReportsMb: Math.max(find("prime report").peakRssMb, find("programme report").peakRssMb),
      peakRssMb: Math.max(...pages.map((p) => p.peakRssMb)),
    };
  } finally {
    await server.stop();
  }
}
