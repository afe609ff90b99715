import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * `npm run test:stress [-- playwright arguments]`: the browser tests while two CPU-bound processes
 * (busy loops, one per core of a 2-core machine) compete with them, as other work on a shared
 * machine does. Prints how long the run took, the load while it ran and what came of it, as a row
 * for the table in docs/testing.md. Exits with Playwright's exit code.
 */

const BURNERS = Number(process.env.STRESS_BURNERS ?? 2);
const REPORT = path.resolve("test-results/stress-report.json");

function burner(): ChildProcess {
  // A busy loop in a process of its own: all the CPU time one core has, at normal priority.
  return spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" });
}

function stop(child: ChildProcess) {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

async function main() {
  const started = new Date();
  const loadBefore = os.loadavg()[0] ?? 0;
  const burners = Array.from({ length: BURNERS }, burner);
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(os.loadavg()[0] ?? 0), 5_000);
  let code: number;
  try {
    code = await new Promise<number>((resolve) => {
      const run = spawn("npx", ["playwright", "test", "--reporter=list,json", ...process.argv.slice(2)], {
        stdio: "inherit",
        env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: REPORT },
      });
      run.on("exit", (exit, signal) => resolve(exit ?? (signal ? 1 : 0)));
    });
  } finally {
    clearInterval(sampler);
    for (const child of burners) stop(child);
  }

  const seconds = Math.round((Date.now() - started.getTime()) / 1000);
  const mean = samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : loadBefore;
  const peak = Math.max(loadBefore, ...samples);
  const counts = readCounts();
  const result = code === 0 ? "passed" : "FAILED";
  console.info(
    [
      "",
      `test:stress: ${result} in ${Math.floor(seconds / 60)} min ${seconds % 60} s with ${BURNERS} CPU burners on ${os.availableParallelism()} cores`,
      `  load average (1 min): ${loadBefore.toFixed(1)} before, ${mean.toFixed(1)} mean, ${peak.toFixed(1)} peak`,
      `  ${counts}`,
      "  for docs/testing.md:",
      `  | ${started.toISOString().slice(0, 16).replace("T", " ")} | ${Math.floor(seconds / 60)} min ${seconds % 60} s | ${mean.toFixed(1)} (peak ${peak.toFixed(1)}) | ${process.env.E2E_WORKERS ?? "default"} | ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"} | ${result}: ${counts} |`,
    ].join("\n"),
  );
  process.exit(code);
}

function readCounts(): string {
  if (!existsSync(REPORT)) return "no report";
  const stats = (
    JSON.parse(readFileSync(REPORT, "utf8")) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    }
  ).stats;
  return `${stats.expected} passed, ${stats.unexpected} failed, ${stats.flaky} flaky, ${stats.skipped} skipped`;
}

void main();
