import { writeFileSync } from "node:fs";
import os from "node:os";
import { scoringBenchmark } from "./scoring";

/**
 * `npm run bench`: runs each named benchmark in turn and writes bench/results.json and
 * bench/results.md, one section per benchmark, with the machine they ran on. Not part of the
 * tests: timings depend on the machine. Add a benchmark by adding an entry to BENCHMARKS.
 */

interface Benchmark<R> {
  name: string;
  /** One line saying what is measured, for the results page. */
  describe: string;
  run: () => Promise<R>;
  /** Markdown lines for the results page. */
  report: (result: R) => string[];
  /** False when the result misses its target; the run still writes every result, then exits 1. */
  passed: (result: R) => boolean;
}

const define = <R>(benchmark: Benchmark<R>) => benchmark as Benchmark<unknown>;

const BENCHMARKS: Benchmark<unknown>[] = [
  define({
    name: "scoring",
    describe:
      "scoreAssessment over 200,000 synthetic partner assessments of about 30 answers, against a plain loop that reads the same answers and sums them as numbers (an option counts as its position in a lookup table)",
    run: () => scoringBenchmark(),
    report: (r) => [
      "| Assessments | Answers each | Runs | Scoring (median) | Plain loop (median) | Ratio | Target | Ratio by CPU time |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      `| ${r.assessments.toLocaleString("en-GB")} | ${r.answersPerAssessment} | ${r.runs} | ${r.scoringMs} ms | ${r.baselineMs} ms | **${r.ratio}×** | ≤ ${r.target}× ${r.withinTarget ? "(met)" : "(missed)"} | ${r.cpuRatio}× |`,
    ],
    passed: (r) => r.withinTarget,
  }),
];

function environment() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

async function main() {
  const only = process.argv.slice(2);
  const selected = BENCHMARKS.filter((b) => only.length === 0 || only.includes(b.name));
  const env = environment();
  const results: Record<string, unknown> = {};
  const sections: string[] = [];
  let failed = false;
  for (const benchmark of selected) {
    console.info(`bench: ${benchmark.name}…`);
    const result = await benchmark.run();
    results[benchmark.name] = result;
    failed ||= !benchmark.passed(result);
    sections.push(`## ${benchmark.name}`, "", `${benchmark.describe}.`, "", ...benchmark.report(result), "");
    console.info(JSON.stringify(result));
  }
  const dir = new URL(".", import.meta.url);
  writeFileSync(new URL("results.json", dir), `${JSON.stringify({ environment: env, results }, null, 2)}\n`);
  const machine = [
    `- Date: ${env.date}`,
    `- Node: ${env.node}`,
    `- OS: ${env.platform}`,
    `- CPU: ${env.cpu}, ${env.cores} cores`,
    `- Memory: ${env.memoryGb} GB`,
    `- Load average at start (1, 5, 15 min): ${env.loadAverage.join(", ")}`,
  ];
  const md = ["# Benchmark results", "", "Written by `npm run bench`.", "", ...machine, "", ...sections];
  writeFileSync(new URL("results.md", dir), md.join("\n"));
  if (failed) process.exitCode = 1;
}

await main();
