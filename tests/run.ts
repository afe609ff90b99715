import { spawnSync } from "node:child_process";

/**
 * `npm test`: every check in order, stopping at the first that fails, with the time each took
 * (docs/testing.md keeps the figures for an idle 2-core machine). Each stage is the npm script of
 * the same name, so `npm run test:e2e` and the others still run on their own.
 */
const STAGES: [name: string, script: string][] = [
  ["typecheck", "typecheck"],
  ["lint", "lint"],
  ["unit tests", "test:unit"],
  ["integration tests", "test:integration"],
  ["browser tests", "test:e2e"],
];

const format = (ms: number) => {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
};

const started = Date.now();
const done: string[] = [];
let failed: string | null = null;
for (const [name, script] of STAGES) {
  const begun = Date.now();
  console.info(`\n== npm test: ${name} (npm run ${script})`);
  const run = spawnSync("npm", ["run", "--silent", script], { stdio: "inherit" });
  done.push(`${name} ${format(Date.now() - begun)}`);
  if (run.status !== 0) {
    failed = name;
    break;
  }
}
console.info(
  `\n== npm test ${failed ? `FAILED at ${failed}` : "passed"} in ${format(Date.now() - started)}: ${done.join(", ")}`,
);
process.exit(failed ? 1 : 0);
