import type { Actor } from "@/lib/auth/types";
import { getImportRun, queueImport, runImport } from "@/lib/services/import-runs";
import { largePackage } from "@/tests/support/ocds-files";
import { openBenchDatabase } from "../reports/targets";
import { DEFAULT_SERVER, resolveTarget } from "../seed/target";

/**
 * The memory of reading one stored upload (issue 14): a 20,000-supplier package is queued on the
 * import benchmark's database ("queue", which prints the run's id), then, in a process of its
 * own, the worker reads it (decodes and parses it, stores its contracts) and stops before its
 * first batch ("read <id>"). That process's resident memory is sampled every 20 ms from before
 * the read to its end ("import <id>": to the import's end). Read with the server's heap limit:
 *   id=$(npx tsx --conditions=react-server bench/import/read-memory.ts queue 20000 | tail -1)
 *   NODE_OPTIONS="--expose-gc --max-old-space-size=256" \
 *     npx tsx --conditions=react-server bench/import/read-memory.ts read "$id"
 */
const [step = "queue", given] = process.argv.slice(2);
const url = new URL(DEFAULT_SERVER);
url.pathname = "/chainwise_bench_import_s";
const db = await openBenchDatabase("S", resolveTarget(url.toString(), "S", DEFAULT_SERVER));
db.use();
const actor: Actor = { ...db.actors.commissioner, userId: "bench-user-commissioner", role: "ADMIN" };
if (step === "queue") {
  // Queued by a process of its own, so the one measured holds none of the file to begin with.
  const suppliers = Number(given ?? 20_000);
  const bytes = largePackage({ buyer: actor.organisationName, suppliers, run: `${Date.now()}` });
  const runId = await queueImport(actor, { fileName: `memory-${suppliers}.json`, bytes });
  console.info(runId);
  await db.close();
  process.exit(0);
}
const runId = given as string;
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
await new Promise((resolve) => setTimeout(resolve, 500));
gc?.();
const mb = (n: number) => Math.round(n / 1024 / 1024);
const start = process.memoryUsage();
let peakRss = start.rss;
let peakHeap = start.heapUsed;
let peakExternal = start.external + start.arrayBuffers;
const sampler = setInterval(() => {
  const now = process.memoryUsage();
  peakRss = Math.max(peakRss, now.rss);
  peakHeap = Math.max(peakHeap, now.heapUsed);
  peakExternal = Math.max(peakExternal, now.external + now.arrayBuffers);
}, 20);
const started = performance.now();
// "read": stop before the first batch; "import": every batch too, with no pages beside them.
await runImport(runId, { shouldStop: () => step === "read" });
clearInterval(sampler);
const run = await getImportRun(actor, runId);
console.info(
  JSON.stringify({
    status: run.status,
    contracts: run.total,
    readSeconds: Math.round((performance.now() - started) / 100) / 10,
    rssBeforeMb: mb(start.rss),
    peakRssMb: mb(peakRss),
    riseMb: mb(peakRss - start.rss),
    heapBeforeMb: mb(start.heapUsed),
    peakHeapMb: mb(peakHeap),
    peakExternalMb: mb(peakExternal),
  }),
);
await db.close();
process.exit(0);
