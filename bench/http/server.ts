import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { BENCH_AUTH_SECRET } from "../seed/load";

/**
 * The production server the HTTP benchmark loads: `npm start`'s two steps (prepare, which migrates
 * and builds when the sources changed, then `next start`), on a private port and a benchmark
 * database, signed-in sessions only (demo mode off). Its memory is sampled from /proc.
 */

export interface BenchServer {
  url: string;
  pid: number;
  /** The NODE_OPTIONS the server runs with. */
  nodeOptions: string;
  /** Largest resident memory of the server and its child processes since the last reset, in MB. */
  peakRssMb(): number;
  resetPeak(): void;
  stop(): Promise<void>;
}

function serverEnv(databaseUrl: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    SEED_DEMO_DATA: "never",
    DEMO_MODE: "off",
    AUTH_SECRET: BENCH_AUTH_SECRET,
    EMAIL_TRANSPORT: "outbox",
    APP_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/** Resident memory of a process and everything it started, in kB, from /proc. */
function treeRssKb(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces and brackets: the parent pid follows the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      continue;
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * The heap limit `npm start` gives the server (package.json's start script), so the benchmark
 * loads the server as it is deployed; SERVER_HEAP_MB overrides it there and here alike.
 */
export function startHeapOption(): string {
  const start = JSON.parse(readFileSync("package.json", "utf8")).scripts.start as string;
  const mb = process.env.SERVER_HEAP_MB ?? /SERVER_HEAP_MB:-(\d+)/.exec(start)?.[1];
  if (!mb) throw new Error("package.json's start script sets no heap limit (SERVER_HEAP_MB)");
  return `--max-old-space-size=${mb}`;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

export async function startServer(databaseUrl: string, port: number, nodeOptions = ""): Promise<BenchServer> {
  const env = serverEnv(databaseUrl, port);
  // prepare.ts runs `next build`, which sets NODE_ENV itself.
  const prepareEnv: Record<string, string | undefined> = { ...env };
  delete prepareEnv.NODE_ENV;
  // Migrates the benchmark database and builds the app when its sources are newer than the build.
  const prepared = spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "prisma/prepare.ts", "--build"],
    {
      env: prepareEnv as NodeJS.ProcessEnv,
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  if (prepared.status !== 0) throw new Error("preparing the server (migrate, build) failed; see above");
  // Options given to the benchmark come last, so they win over the start script's.
  const options = `${startHeapOption()} ${nodeOptions}`.trim();
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...env, NODE_OPTIONS: options },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRssKb(child.pid));
  }, 100);
  const stop = async () => {
    clearInterval(sampler);
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    pid: child.pid as number,
    nodeOptions: options,
    peakRssMb: () => Math.round(peak / 1024),
    resetPeak: () => {
      peak = child.pid ? treeRssKb(child.pid) : 0;
    },
    stop,
  };
}
