import autocannon from "autocannon";
import { BENCH_SESSIONS, sessionCookie } from "../seed/load";
import type { BenchServer } from "./server";

/**
 * Throughput and latency of real pages under load (autocannon, 50 connections), each beside the
 * bare page served by the same server with the same signed-in session, so the ratio is the page's
 * own cost and not the machine's. Each page is checked first: a redirect to sign-in or a "not
 * found" would be fast and prove nothing.
 */

export interface PageSpec {
  page: string;
  path: string;
  who: keyof typeof BENCH_SESSIONS;
  /** Text the page must contain, proving it rendered what it should. */
  expect: string;
}

/** One page's load runs, added together. */
export interface PageLoad {
  page: string;
  path: string;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** Largest resident memory of the server during this page's runs. */
  peakRssMb: number;
}

export interface Slice {
  seconds: number;
  latencies: number[];
  non2xx: number;
  errors: number;
  peakRssMb: number;
}

const cookieFor = (spec: PageSpec) => sessionCookie(BENCH_SESSIONS[spec.who]);

export async function checkPage(server: BenchServer, spec: PageSpec) {
  const response = await fetch(`${server.url}${spec.path}`, {
    headers: { cookie: cookieFor(spec) },
    redirect: "manual",
  });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(spec.expect))
    throw new Error(`${spec.page} (${spec.path}) answered ${response.status} without "${spec.expect}"`);
}

/** Loads one page for `seconds`, keeping every response time so runs can be pooled exactly. */
export function loadSlice(
  server: BenchServer,
  spec: PageSpec,
  { connections, seconds }: { connections: number; seconds: number },
): Promise<Slice> {
  server.resetPeak();
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${server.url}${spec.path}`,
        connections,
        duration: seconds,
        timeout: 60,
        headers: { cookie: cookieFor(spec) },
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          seconds: result.duration,
          latencies,
          non2xx: result.non2xx,
          errors: result.errors,
          peakRssMb: server.peakRssMb(),
        });
      },
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
    });
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number) : 0;

export function pool(spec: PageSpec, slices: Slice[]): PageLoad {
  const latencies = slices.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = slices.reduce((n, s) => n + s.seconds, 0);
  return {
    page: spec.page,
    path: spec.path,
    seconds: Math.round(seconds * 10) / 10,
    requests: latencies.length,
    requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    p50Ms: Math.round(percentile(latencies, 0.5)),
    p99Ms: Math.round(percentile(latencies, 0.99)),
    non2xx: slices.reduce((n, s) => n + s.non2xx, 0),
    errors: slices.reduce((n, s) => n + s.errors, 0),
    peakRssMb: Math.max(...slices.map((s) => s.peakRssMb)),
  };
}

/**
 * Waits until the server has finished the requests a run left behind (autocannon stops sending,
 * but the server still renders what it received), so they do not slow the next page's run.
 */
export async function drain(server: BenchServer, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  let quick = 0;
  while (quick < 3 && Date.now() < until) {
    const start = performance.now();
    await fetch(`${server.url}/api/health`).catch(() => null);
    quick = performance.now() - start < 200 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
