import { fork } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { createClient } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/migrate";
import {
  type ColdResult,
  type FullResult,
  LABELS,
  type MigrationOutcome,
  OPTIONS,
  type Option,
  openOption,
  POOL_SIZE,
  type Prepared,
  SIZES,
  type Stats,
  scratchDatabase,
} from "./adapters-options";

/**
 * `npx tsx bench/adapters.ts`: the database options of docs/decisions/0001, side by side on this
 * machine: (a) PGlite through pglite-prisma-adapter (what the app uses), (b) PGlite served by
 * @electric-sql/pglite-socket to the official @prisma/adapter-pg, (c) a PostgreSQL server through
 * @prisma/adapter-pg, for reference. Each option runs in its own process (bench/adapters-workload.ts)
 * on the real schema, migrated by the project's runner. (c) runs when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL names a server whose role has CREATEDB; it uses scratch databases and drops
 * them. Writes bench/adapters-results.md.
 */

const COLD_RUNS = 3;
const WORKLOAD = fileURLToPath(new URL("adapters-workload.ts", import.meta.url));

function child<R>(option: Option, location: string, mode: "cold" | "full", prepared: Prepared) {
  return new Promise<R>((resolve, reject) => {
    let result: R | undefined;
    const proc = fork(WORKLOAD, [option, location, mode], {
      env: {
        ...process.env,
        BENCH_PREPARED: JSON.stringify(prepared),
      },
    });
    proc.on("message", (message) => {
      result = message as R;
    });
    proc.on("exit", (code) =>
      result ? resolve(result) : reject(new Error(`${option} ${mode} run exited with code ${code}`)),
    );
  });
}

function machine() {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const models = [...cpuinfo.matchAll(/^model name\s*:\s*(.+)$/gm)].map((m) => m[1]);
  // Read from node_modules: some of these packages do not export their package.json.
  const version = (name: string) =>
    (JSON.parse(readFileSync(path.join("node_modules", name, "package.json"), "utf8")) as { version: string })
      .version;
  return {
    date: new Date().toISOString(),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: `${models[0] ?? os.cpus()[0]?.model ?? "unknown"} × ${models.length || os.cpus().length} (/proc/cpuinfo)`,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    load: os.loadavg().map((x) => x.toFixed(2)),
    versions: [
      "@electric-sql/pglite",
      "pglite-prisma-adapter",
      "@electric-sql/pglite-socket",
      "@prisma/adapter-pg",
      "pg",
      "@prisma/client",
    ].map((name) => `${name} ${version(name)}`),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ms = (x: number) => (x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(x >= 10 ? 1 : 2)} ms`);
const spread = (s: Stats) => `${ms(s.medianMs)} / ${ms(s.p95Ms)} (CPU ${ms(s.cpuMsPerOp)})`;

function outcome(o: MigrationOutcome) {
  const parts = [
    o.threw ? `deploy failed ("${o.threw.slice(0, 90)}")` : "deploy succeeded",
    o.recordedFinished ? "recorded as applied" : "not recorded as applied",
    o.effect ? `left: ${o.effect}` : "left nothing",
  ];
  if (o.unhandled) parts.push(`unhandled rejection ("${o.unhandled.slice(0, 60)}")`);
  return parts.join("; ");
}

interface Run {
  env: ReturnType<typeof machine>;
  serverVersion: string | null;
  options: Option[];
  /** Creating a new PGlite folder (initdb), as the first `npm start` does. */
  initdbMs: number;
  cold: Record<Option, ColdResult[]>;
  full: Partial<Record<Option, FullResult>>;
  seconds: number;
  loadAtEnd: string[];
}

function report({ env, serverVersion, options, initdbMs, cold, full, seconds, loadAtEnd }: Run) {
  const row = (label: string, cell: (r: FullResult, o: Option) => string) =>
    `| ${label} | ${options.map((o) => (full[o] ? cell(full[o], o) : "—")).join(" | ")} |`;
  const head = [
    `| | ${options.map((o) => LABELS[o]).join(" | ")} |`,
    `| --- |${" --- |".repeat(options.length)}`,
  ];
  return [
    "# Database options measured side by side",
    "",
    "Written by `npx tsx bench/adapters.ts`; the decision is docs/decisions/0001. Each option runs in a",
    "process of its own, on the real schema migrated by the project's runner, through the generated",
    "Prisma client. (b) serves PGlite in the same process as the client, on a loopback port, accepting",
    `${POOL_SIZE} connections; (b) and (c) use a pool of ${POOL_SIZE} (the app's default). "median / p95" is`,
    "wall-clock time per operation; CPU is the client process's CPU time per operation (PGlite's work",
    "included for (a) and (b), the server's not for (c)), which other load on the machine disturbs less.",
    "",
    `- Date: ${env.date}`,
    `- Node: ${env.node}`,
    `- CPU: ${env.cpu}`,
    `- Memory: ${env.memoryGb} GB; OS: ${env.os}`,
    `- Load average (1, 5, 15 min) at start: ${env.load.join(", ")}; at end: ${loadAtEnd.join(", ")}`,
    `- Versions: ${env.versions.join(", ")}${serverVersion ? `; server ${serverVersion}` : ""}`,
    `- Whole run: ${seconds} s`,
    "",
    "## Speed and memory",
    "",
    ...head,
    `| Cold start: open, first query (median of ${COLD_RUNS} processes) | ${options.map((o) => ms(median(cold[o].map((c) => c.coldStartMs)))).join(" | ")} |`,
    `| Cold start, each run | ${options.map((o) => cold[o].map((c) => Math.round(c.coldStartMs)).join(", ")).join(" | ")} |`,
    `| Cold start in CPU time (median) | ${options.map((o) => ms(median(cold[o].map((c) => c.coldStartCpuMs)))).join(" | ")} |`,
    `| New database folder (initdb, first start only) | ${options.map((o) => (o === "postgres" ? "n/a" : ms(initdbMs))).join(" | ")} |`,
    row(
      "Migrate an empty database (deploy, all migrations)",
      (r) => `${ms(r.migrateEmpty.ms)} (CPU ${ms(r.migrateEmpty.cpuMs)})`,
    ),
    row(
      `Write a rating: organisation, contract, cycle, assessment with ${SIZES.answers} answers in one interactive transaction (×${SIZES.writes})`,
      (r) => spread(r.writes),
    ),
    row(`Read an assessment with its answers (×${SIZES.reads})`, (r) => spread(r.reads)),
    row(
      `Grouped aggregate by prime and principle, \`$queryRaw\` over ${SIZES.writes * SIZES.answers} answers (×${SIZES.aggregates})`,
      (r) => spread(r.aggregates),
    ),
    row(
      `Save a page: interactive transaction that claims the revision and replaces 8 answers (×${SIZES.saves})`,
      (r) => spread(r.saves),
    ),
    row(
      `${SIZES.concurrent} point reads (two shapes), ${POOL_SIZE} in flight`,
      (r) => `${ms(r.concurrentReads.ms)} (${r.concurrentReads.perSecond}/s)`,
    ),
    row("Resident memory after open", (r) => `${r.rssAfterOpenMb} MB`),
    row(
      "After the workload: resident / peak / JS heap / external",
      (r) => `${r.memory.rssMb} / ${r.memory.peakRssMb} / ${r.memory.heapUsedMb} / ${r.memory.externalMb} MB`,
    ),
    "",
    "Memory is the client process's. For (a) and (b) that includes the database; for (c) the",
    "PostgreSQL server's own memory is not counted.",
    "",
    "## Correctness",
    "",
    ...head,
    row(
      "20 concurrent saves of one page from the same revision (exactly one may win)",
      (r) =>
        `${r.staleSaves.won} won, ${r.staleSaves.conflicts} refused as stale, ${r.staleSaves.errors.length} errors${r.staleSaves.errors[0] ? ` ("${r.staleSaves.errors[0].slice(0, 80)}")` : ""}; revision ${r.staleSaves.revisionOk ? "consistent" : "INCONSISTENT"}`,
    ),
    row(
      `The ${SIZES.concurrent} concurrent reads, ${POOL_SIZE} in flight, two query shapes`,
      (r) => `${r.concurrentReads.errors} errors, ${r.concurrentReads.wrong} wrong answers`,
    ),
    row("A read while another request holds an interactive transaction open for 200 ms: the read took", (r) =>
      ms(r.readDuringTransactionMs),
    ),
    row(
      "Migration runner on an empty database: deploy, then status",
      (r) =>
        `${r.migrateEmpty.applied} applied; status ${r.migrateEmpty.upToDate ? "up to date" : "NOT up to date"}`,
    ),
    row("A migration with `;` inside a string literal", (r) => outcome(r.migrationChecks.semicolonInString)),
    row("A migration whose second statement fails", (r) => outcome(r.migrationChecks.failingStatement)),
    row("pglite-socket with a pool of 2 and `maxConnections: 1` (its default)", (r, o) =>
      o === "pglite-socket" ? (r.socketLimit ?? "") : "n/a",
    ),
    "",
  ].join("\n");
}

/** Migrated databases to copy: a PGlite folder for (a) and (b), a template database for (c). */
async function prepare(tmp: string, serverUrl: string | null) {
  const pglite = { empty: path.join(tmp, "empty"), migrated: path.join(tmp, "migrated") };
  const initdbStart = performance.now();
  const empty = new PGlite(pglite.empty);
  await empty.waitReady;
  const initdbMs = performance.now() - initdbStart;
  await empty.close();
  cpSync(pglite.empty, pglite.migrated, { recursive: true });
  const embedded = await openOption("pglite-adapter", pglite.migrated);
  await deployMigrations(embedded);
  await embedded.close();
  if (!serverUrl) return { prepared: { serverUrl, serverTemplate: null, pglite }, initdbMs, server: null };

  const server = await scratchDatabase(serverUrl, `chainwise_adr_template_${process.pid}`);
  const connection = await openOption("postgres", server.url);
  await deployMigrations(connection);
  const [row] = await createClient(connection).$queryRaw<{ v: string }[]>`SELECT version() AS v`;
  await connection.close();
  const prepared: Prepared = { serverUrl, serverTemplate: `chainwise_adr_template_${process.pid}`, pglite };
  return { prepared, initdbMs, server: { drop: server.drop, version: row?.v.split(" on ")[0] ?? "" } };
}

async function main() {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) / 1000);
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || null;
  const options = OPTIONS.filter((o) => o !== "postgres" || serverUrl);
  if (!serverUrl)
    console.warn("bench: no BENCH_DATABASE_URL or TEST_DATABASE_URL, so (c) PostgreSQL is skipped");
  const env = machine();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "chainwise-bench-adapters-"));
  const { prepared, initdbMs, server } = await prepare(tmp, serverUrl);
  const benchDb =
    serverUrl && prepared.serverTemplate
      ? await scratchDatabase(serverUrl, `chainwise_adr_bench_${process.pid}`, prepared.serverTemplate)
      : null;
  try {
    // (a) and (b) open copies of one migrated folder; (c) a copy of the migrated template.
    const locations = {} as Record<Option, string>;
    for (const option of options) {
      if (option === "postgres" && benchDb) locations[option] = benchDb.url;
      else {
        locations[option] = path.join(tmp, option);
        cpSync(prepared.pglite.migrated, locations[option], { recursive: true });
      }
    }
    const cold = Object.fromEntries(options.map((o) => [o, [] as ColdResult[]])) as Record<
      Option,
      ColdResult[]
    >;
    for (let run = 0; run < COLD_RUNS; run++) {
      for (const option of options) {
        console.info(`bench: ${elapsed()} s, cold start ${run + 1}/${COLD_RUNS}, ${option}`);
        cold[option].push(await child<ColdResult>(option, locations[option], "cold", prepared));
      }
    }
    const full: Partial<Record<Option, FullResult>> = {};
    for (const option of options) {
      console.info(`bench: ${elapsed()} s, workload, ${option}`);
      full[option] = await child<FullResult>(option, locations[option], "full", prepared);
    }
    const seconds = elapsed();
    const loadAtEnd = os.loadavg().map((x) => x.toFixed(2));
    const serverVersion = server?.version ?? null;
    const markdown = report({ env, serverVersion, options, initdbMs, cold, full, seconds, loadAtEnd });
    writeFileSync(new URL("adapters-results.md", import.meta.url), markdown);
    console.info(markdown);
  } finally {
    await benchDb?.drop();
    await server?.drop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
// The schema engine's leftover timer (see adapters-workload.ts) would hold the exit for 10 s.
process.exit(0);
