import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type HttpResult, httpBenchmark } from "./http/run";
import { type ImportBenchResult, importBenchmark } from "./import/run";
import { type DatabaseTimings, measureReports } from "./reports/measure";
import { type BenchDatabase, openBenchDatabase } from "./reports/targets";
import { environment } from "./results/environment";
import { markdown, type RunResults } from "./results/markdown";
import { judgeTargets } from "./results/targets";
import { type ScoringBenchResult, scoringBenchmark } from "./scoring";
import { parseScale, type Scale } from "./seed/scale";
import { DEFAULT_SERVER, resolveTarget, serverAvailable } from "./seed/target";

/**
 * `npm run bench`: reports beside their SQL at each scale and on each database, pages under load,
 * scoring beside a plain loop; writes bench/results.md and bench/results.json. Benchmark databases
 * are seeded on first use (and again when the generator changes). Not part of the tests: timings
 * depend on the machine. Exits 1 when a measured target is missed.
 */

const usage = `Usage: npm run bench -- [--large] [--pglite-large] [--scales S,M] [--only reports,http,scoring,import]
  --large         add L (2,000 primes, 200,000 assessments) on the PostgreSQL server
  --pglite-large  with --large, L on PGlite too (seeding it takes far longer)
  --scales        the scales to measure (default S,M)
  --only          the parts to run (default reports,http,scoring; import only when named: it runs on its
                  own database, chainwise_bench_import_s, and --only import keeps the last run's other
                  figures in results.md beside its own)
  --suppliers     suppliers in the import's generated file (default 20000, about 47 MB)
  --rounds        rounds of the programme report per database (default 5; one prime's report gets 4×)
  --server        the PostgreSQL server (default the CI cluster, ${DEFAULT_SERVER.replace(/:[^:@/]+@/, ":***@")})
  --port          the port for next start (default 3401)
  --seconds       seconds of load per page and pass (default 10)
  --node-options  NODE_OPTIONS for the server under load, e.g. --max-old-space-size=256
  --rewrite       measure nothing: write results.md again from results.json and changes.md`;

async function main() {
  const { values } = parseArgs({
    options: {
      large: { type: "boolean", default: false },
      "pglite-large": { type: "boolean", default: false },
      scales: { type: "string", default: "S,M" },
      only: { type: "string", default: "reports,http,scoring" },
      rounds: { type: "string", default: "5" },
      server: { type: "string", default: DEFAULT_SERVER },
      port: { type: "string", default: "3401" },
      seconds: { type: "string", default: "10" },
      "node-options": { type: "string", default: "" },
      suppliers: { type: "string", default: "20000" },
      rewrite: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return console.info(usage);
  if (values.rewrite) return rewrite();
  if (values.only === "import")
    return importOnly(values.server, Number(values.suppliers), values["node-options"]);
  const scales = [
    ...new Set([...values.scales.split(",").map(parseScale), ...(values.large ? (["L"] as Scale[]) : [])]),
  ];
  const parts = new Set(values.only.split(","));
  const server = values.server;
  const postgres = await serverAvailable(server);
  const notes: string[] = [];
  if (!postgres)
    notes.push(`No PostgreSQL server answered at the --server address: PGlite only, and no HTTP benchmark.`);

  const env = await environment(server);
  const wanted: { scale: Scale; kind: "pglite" | "postgres" }[] = [];
  for (const scale of scales) {
    if (scale !== "L" || values["pglite-large"]) wanted.push({ scale, kind: "pglite" });
    if (postgres) wanted.push({ scale, kind: "postgres" });
  }
  if (scales.includes("L") && !values["pglite-large"])
    notes.push(
      "L ran on the PostgreSQL server only; add --pglite-large to seed and measure it on PGlite too.",
    );

  const databases: BenchDatabase[] = [];
  let reports: DatabaseTimings[] | null = null;
  let http: HttpResult | null = null;
  let scoring: ScoringBenchResult | null = null;
  try {
    if (parts.has("reports") || parts.has("http")) {
      for (const w of wanted) {
        console.info(`bench: opening ${w.scale} on ${w.kind}…`);
        databases.push(await openBenchDatabase(w.scale, resolveTarget(w.kind, w.scale, server)));
      }
    }
    if (parts.has("reports")) reports = await measureReports(databases, Number(values.rounds));
    if (parts.has("http")) {
      const largest = databases.filter((d) => d.kind === "postgres").at(-1);
      if (largest) {
        // The server opens the database itself; the benchmark lets go of it first.
        http = await httpBenchmark(largest, {
          port: Number(values.port),
          seconds: Number(values.seconds),
          nodeOptions: values["node-options"],
        });
      } else notes.push("The HTTP benchmark needs the PostgreSQL server: not run.");
    }
    if (parts.has("scoring")) {
      console.info("bench: scoring…");
      scoring = await scoringBenchmark();
    }
  } finally {
    for (const db of databases) await db.close();
  }

  const seeded = databases.flatMap((d) => (d.seeded ? [d.seeded] : []));
  const results: RunResults = {
    environment: env,
    options: {
      scales,
      only: [...parts],
      rounds: Number(values.rounds),
      pgliteLarge: values["pglite-large"],
      serverNodeOptions: values["node-options"],
    },
    seeded,
    reports,
    http,
    scoring,
    targets: judgeTargets(reports, http, scoring, seeded),
    notes,
  };
  writeFileSync(new URL("results.json", dir), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(new URL("results.md", dir), markdown(results, changes()));
  for (const t of results.targets) console.info(`bench: ${t.status.padEnd(12)} ${t.target}: ${t.figure}`);
  if (results.targets.some((t) => t.status === "not met")) process.exitCode = 1;
}

const dir = new URL(".", import.meta.url);

/**
 * The import benchmark alone: its figures replace the last run's import section, every other figure
 * in results.json stays as that run measured it (the large report runs take an hour; this minutes).
 */
async function importOnly(server: string, suppliers: number, nodeOptions: string) {
  if (!(await serverAvailable(server))) throw new Error("the import benchmark needs the PostgreSQL server");
  // Its own database: the import adds thousands of organisations the report benchmarks must not see.
  const url = new URL(server);
  url.pathname = "/chainwise_bench_import_s";
  console.info("bench: opening S for the import…");
  const db = await openBenchDatabase("S", resolveTarget(url.toString(), "S", server));
  let result: ImportBenchResult;
  try {
    console.info(`bench: importing ${suppliers} suppliers while loading a page…`);
    result = await importBenchmark(db, { suppliers, nodeOptions });
  } finally {
    await db.close();
  }
  const file = new URL("results.json", dir);
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as RunResults) : null;
  const target = {
    target: "Page loads during a 50 MB / 20,000-supplier OCDS import within 2× idle (median, issue 14)",
    figure: `${result.ratio}× (${result.during.p50Ms} ms beside ${result.idle.p50Ms} ms) with ${result.suppliers} suppliers; import ${result.importSeconds} s`,
    status: result.suppliers >= 20_000 ? (result.ratio <= 2 ? "met" : "not met") : "not measured",
  } as const;
  const results: RunResults = {
    ...(previous ?? {
      environment: await environment(server),
      options: {},
      seeded: [],
      reports: null,
      http: null,
      scoring: null,
      targets: [],
      notes: [],
    }),
    import: result,
  };
  results.targets = [...results.targets.filter((t) => !t.target.includes("OCDS import")), target];
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(new URL("results.md", dir), markdown(results, changes()));
  console.info(`bench: ${target.status.padEnd(12)} ${target.target}: ${target.figure}`);
}

function changes(): string {
  const file = new URL("changes.md", dir);
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

/** After editing changes.md: the same figures, the new text. */
function rewrite() {
  const results = JSON.parse(readFileSync(new URL("results.json", dir), "utf8")) as RunResults;
  writeFileSync(new URL("results.md", dir), markdown(results, changes()));
}

await main();
