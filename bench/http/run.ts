import { framework } from "@/lib/framework";
import type { BenchDatabase } from "../reports/targets";
import { loadPage, type PageLoad, type PageSpec } from "./load";
import { startServer } from "./server";

export interface HttpResult {
  database: string;
  connections: number;
  seconds: number;
  pages: PageLoad[];
  /** The bare page's throughput: the mean of its runs before and after the others. */
  bareRequestsPerSecond: number;
  questionnaireRatio: number;
  questionnaireP99OverP50: number;
  reportRatio: number;
  /** The server's resident memory just after it started, before any load. */
  idleRssMb: number;
  /** The server's largest resident memory while the report pages were under load. */
  peakRssUnderReportsMb: number;
}

export async function httpBenchmark(
  db: BenchDatabase,
  { port = 3401, connections = 50, seconds = 10 } = {},
): Promise<HttpResult> {
  if (db.target.kind !== "postgres") throw new Error("the HTTP benchmark runs on a PostgreSQL server");
  const { actors } = db;
  const bare: PageSpec = { page: "bare", path: "/bench/bare", who: "partner", expect: "Benchmark baseline" };
  const specs: PageSpec[] = [
    bare,
    {
      page: "questionnaire",
      path: `/assessments/${actors.draftId}/${framework.principles[0]?.key}`,
      who: "partner",
      expect: framework.principles[0]?.title ?? "",
    },
    {
      page: "prime report",
      path: `/contracts/${actors.contractId}/primes/${actors.prime.organisationId}/report`,
      who: "prime",
      expect: actors.prime.organisationName,
    },
    {
      page: "programme report",
      path: "/reports",
      who: "commissioner",
      expect: "Primes across your contracts",
    },
    { ...bare, page: "bare (again)" },
  ];
  const server = await startServer(db.target.url, port);
  try {
    server.resetPeak();
    const idleRssMb = server.peakRssMb();
    const pages: PageLoad[] = [];
    for (const spec of specs) {
      process.stderr.write(`bench: http ${spec.page}…\n`);
      pages.push(await loadPage(server, spec, { connections, seconds }));
    }
    const find = (page: string) => pages.find((p) => p.page === page) as PageLoad;
    const bareRps = (find("bare").requestsPerSecond + find("bare (again)").requestsPerSecond) / 2;
    const questionnaire = find("questionnaire");
    const ratio = (n: number) => Math.round(n * 100) / 100;
    return {
      database: db.label,
      connections,
      seconds,
      idleRssMb,
      pages,
      bareRequestsPerSecond: ratio(bareRps),
      questionnaireRatio: ratio(questionnaire.requestsPerSecond / bareRps),
      questionnaireP99OverP50: ratio(questionnaire.p99Ms / Math.max(1, questionnaire.p50Ms)),
      reportRatio: ratio(find("prime report").requestsPerSecond / bareRps),
      peakRssUnderReportsMb: Math.max(find("prime report").peakRssMb, find("programme report").peakRssMb),
    };
  } finally {
    await server.stop();
  }
}
