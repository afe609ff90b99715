import { writeFileSync } from "node:fs";
import os from "node:os";
import { pathToFileURL } from "node:url";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { CHROMIUM_ARGS, findChromium } from "@/tests/e2e/chromium";
import { keyPages } from "./pages";

/**
 * `npm run check:lighthouse [-- URL]`: Lighthouse's accessibility and best-practices categories on
 * the home page, a questionnaire page and a report page of a running `npm start` (default
 * http://localhost:$PORT), each as its actor (the demo cookie sent with every request). Runs the
 * system Chromium with the browser tests' flags, so nothing is looked up on the internet. Writes
 * bench/lighthouse.json and bench/lighthouse.md; exits 1 when a page misses its targets.
 * tests/e2e/lighthouse.spec.ts checks the same targets in `npm test` (about 30 s), writing nothing.
 */

export const TARGETS = { accessibility: 100, "best-practices": 95 } as const;
type Category = keyof typeof TARGETS;
const CATEGORIES = Object.keys(TARGETS) as Category[];
const PAGES = ["home", "questionnaire", "contract-report"];

export interface PageResult {
  name: string;
  path: string;
  scores: Record<Category, number>;
  /** Audits in these categories that did not pass, with the first few things each found. */
  failed: { category: Category; id: string; title: string; found: string[] }[];
}

export interface LighthouseRun {
  results: PageResult[];
  /** Chromium's user agent and Lighthouse's version, for the results page. */
  browser: string;
  version: string;
}

/** What an audit found, briefly: the first few items of its details. */
function found(audit: { details?: unknown } | undefined): string[] {
  const items = (audit?.details as { items?: unknown[] } | undefined)?.items ?? [];
  return items.slice(0, 3).map((item) => JSON.stringify(item).slice(0, 300));
}

/** Runs both categories on each page, in one Chromium that is closed afterwards. */
export async function runLighthouse(base: string): Promise<LighthouseRun> {
  const pages = (await keyPages(base)).filter((p) => PAGES.includes(p.name));
  const chromePath = findChromium();
  if (!chromePath)
    throw new Error("No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.");
  const chrome = await launch({ chromePath, chromeFlags: CHROMIUM_ARGS, logLevel: "error" });
  const results: PageResult[] = [];
  let browser = "";
  let version = "";
  try {
    for (const page of pages) {
      const run = await lighthouse(
        new URL(page.path, base).toString(),
        {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: CATEGORIES,
          extraHeaders: page.cookie ? { Cookie: page.cookie } : undefined,
        },
        desktopConfig,
      );
      if (!run) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      const { lhr } = run;
      if (lhr.runtimeError) throw new Error(`${page.path}: ${lhr.runtimeError.message}`);
      browser = lhr.environment.hostUserAgent;
      version = lhr.lighthouseVersion;
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
      ) as Record<Category, number>;
      const failed = CATEGORIES.flatMap((category) =>
        (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((audit) => audit && audit.score !== null && audit.score < 1)
          .map((audit) => ({
            category,
            id: audit?.id ?? "",
            title: audit?.title ?? "",
            found: found(audit),
          })),
      );
      results.push({ name: page.name, path: page.path, scores, failed });
    }
  } finally {
    await chrome.kill();
  }
  return { results, browser, version };
}

/** One line per page, and one per audit that did not pass with what it found. */
export const summary = (results: PageResult[]): string[] =>
  results.flatMap((r) => [
    `${r.name}: ${CATEGORIES.map((c) => `${c} ${r.scores[c]}`).join(", ")}`,
    ...r.failed.map((f) => `  ${f.category}: ${f.id} (${f.title}) ${f.found.join(" ")}`),
  ]);

export const belowTarget = (results: PageResult[]) =>
  results.filter((r) => CATEGORIES.some((c) => r.scores[c] < TARGETS[c]));

function report(machine: { date: string } & Record<string, string>, results: PageResult[]): string {
  const lines = [
    "# Lighthouse",
    "",
    `Written by \`npm run check:lighthouse\` on ${machine.date.slice(0, 10)}. Accessibility and best practices`,
    `(desktop settings) on key pages of \`npm start\`, each as its actor. Targets: accessibility`,
    `${TARGETS.accessibility}, best practices at least ${TARGETS["best-practices"]}.`,
    "",
    "| Page | Path | Accessibility | Best practices |",
    "| --- | --- | --- | --- |",
    ...results.map(
      (r) =>
        `| ${r.name} | \`${r.path.replace(/\/c[a-z0-9]{20,}/g, "/…")}\` | ${r.scores.accessibility} | ${r.scores["best-practices"]} |`,
    ),
    "",
    "Audits not passed:",
    "",
    ...(results.some((r) => r.failed.length > 0)
      ? results.flatMap((r) => r.failed.map((f) => `- ${r.name}, ${f.category}: \`${f.id}\` (${f.title})`))
      : ["- none"]),
    "",
    "Machine:",
    "",
    ...Object.entries(machine).map(([key, value]) => `- ${key}: ${value}`),
    "",
  ];
  return lines.join("\n");
}

async function main() {
  const base = process.argv[2] ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const { results, browser, version } = await runLighthouse(base);
  for (const line of summary(results)) console.info(line);
  const machine = {
    date: new Date().toISOString(),
    cpu: `${os.cpus()[0]?.model ?? "unknown"} × ${os.cpus().length}`,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    browser,
    lighthouse: version,
  };
  writeFileSync(
    "bench/lighthouse.json",
    `${JSON.stringify({ machine, targets: TARGETS, results }, null, 2)}\n`,
  );
  writeFileSync("bench/lighthouse.md", report(machine, results));
  console.info("Wrote bench/lighthouse.md and bench/lighthouse.json.");
  const missed = belowTarget(results);
  if (missed.length > 0) {
    console.error(`Below target: ${missed.map((r) => r.name).join(", ")}.`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
