import { loadavg } from "node:os";
import { getImportRun, queueImport } from "@/lib/services/import-runs";
import { largePackage } from "@/tests/support/ocds-files";
import { checkPage, type PageSpec } from "../http/load";
import { startServer } from "../http/server";
import type { BenchDatabase } from "../reports/targets";
import { BENCH_SESSIONS, sessionCookie } from "../seed/load";

/**
 * Issue 14's target: while a large OCDS file imports, the rest of the app stays responsive — page
 * loads during the import within 2× their idle time. A production server (`next start`, working
 * the queue itself) on its own benchmark database; the commissioner's contracts page is loaded one
 * request at a time, as a person would, first idle, then for as long as the import runs. The file
 * is queued as the upload action queues it (stored as uploaded, read by the server's worker).
 */

export interface ImportBenchResult {
  date: string;
  database: string;
  suppliers: number;
  contracts: number;
  fileMb: number;
  /** From queueing to the run's end, as the run's page would show it. */
  importSeconds: number;
  suppliersPerSecond: number;
  status: string;
  page: string;
  idle: LoadFigures;
  during: LoadFigures;
  /** Median page load during the import over idle: the target is at most 2. */
  ratio: number;
  idleRssMb: number;
  peakRssMb: number;
  /** The machine's 1-minute load average before and after: other work makes every figure slower. */
  loadAverage?: [number, number];
}

export interface LoadFigures {
  loads: number;
  p50Ms: number;
  p95Ms: number;
}

export async function importBenchmark(
  db: BenchDatabase,
  { port = 6650, suppliers = 20_000, nodeOptions = "", idleLoads = 30 } = {},
): Promise<ImportBenchResult> {
  if (db.target.kind !== "postgres") throw new Error("the import benchmark runs on a PostgreSQL server");
  const { commissioner } = db.actors;
  const actor = { ...commissioner, userId: "bench-user-commissioner", role: "ADMIN" as const };
  const run = `${Date.now()}`;
  const bytes = largePackage({ buyer: commissioner.organisationName, suppliers, run });
  const spec: PageSpec = {
    page: "contracts",
    path: "/contracts",
    who: "commissioner",
    expect: "Your contracts",
  };
  const server = await startServer(db.target.url, port, nodeOptions);
  try {
    const loadBefore = Math.round((loadavg()[0] ?? 0) * 10) / 10;
    await checkPage(server, spec);
    for (let i = 0; i < 5; i++) await load(server.url, spec); // warm
    server.resetPeak();
    const idleRssMb = server.peakRssMb();
    const idle: number[] = [];
    for (let i = 0; i < idleLoads; i++) idle.push(await load(server.url, spec));

    db.use();
    const started = performance.now();
    const runId = await queueImport(actor, { fileName: `bench-${suppliers}.json`, bytes });
    const during: number[] = [];
    let view = await getImportRun(actor, runId);
    while (view.status === "queued" || view.status === "running") {
      during.push(await load(server.url, spec));
      view = await getImportRun(actor, runId);
    }
    const importSeconds = (performance.now() - started) / 1000;
    const idleFigures = figures(idle);
    const duringFigures = figures(during);
    return {
      date: new Date().toISOString(),
      database: db.label,
      suppliers,
      contracts: view.total,
      fileMb: Math.round((bytes.length / 1024 / 1024) * 10) / 10,
      importSeconds: Math.round(importSeconds * 10) / 10,
      suppliersPerSecond: Math.round(suppliers / importSeconds),
      status: view.status === "done" ? "done" : `${view.status}: ${view.failure ?? ""}`,
      page: spec.path,
      idle: idleFigures,
      during: duringFigures,
      ratio: Math.round((duringFigures.p50Ms / Math.max(1, idleFigures.p50Ms)) * 100) / 100,
      idleRssMb,
      peakRssMb: server.peakRssMb(),
      loadAverage: [loadBefore, Math.round((loadavg()[0] ?? 0) * 10) / 10],
    };
  } finally {
    await server.stop();
  }
}

async function load(url: string, spec: PageSpec): Promise<number> {
  const start = performance.now();
  const response = await fetch(`${url}${spec.path}`, {
    headers: { cookie: sessionCookie(BENCH_SESSIONS[spec.who]) },
    redirect: "manual",
  });
  await response.text();
  if (response.status !== 200) throw new Error(`${spec.path} answered ${response.status}`);
  return performance.now() - start;
}

function figures(times: number[]): LoadFigures {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { loads: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95) };
}
