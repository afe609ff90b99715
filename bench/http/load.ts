import autocannon from "autocannon";
import { BENCH_SESSIONS, sessionCookie } from "../seed/load";
import type { BenchServer } from "./server";

/**
 * Throughput and latency of real pages under load (autocannon, 50 connections), each beside the
 * bare page served by the same server with the same signed-in session, so the ratio is the page's
 * own cost and not the machine's. Each page is checked first: a redirect to sign-in or a "not
 * found" would be fast and prove nothing.
 */

export interface PageLoad {
  page: string;
  path: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Largest resident memory of the server during this page's run. */
  peakRssMb: number;
}

export interface PageSpec {
  page: string;
  path: string;
  who: keyof typeof BENCH_SESSIONS;
  /** Text the page must contain, proving it rendered what it should. */
  expect: string;
}

async function checkPage(server: BenchServer, spec: PageSpec, cookie: string) {
  const response = await fetch(`${server.url}${spec.path}`, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(spec.expect))
    throw new Error(`${spec.page} (${spec.path}) answered ${response.status} without "${spec.expect}"`);
}

export async function loadPage(
  server: BenchServer,
  spec: PageSpec,
  { connections = 50, seconds = 10 } = {},
): Promise<PageLoad> {
  const cookie = sessionCookie(BENCH_SESSIONS[spec.who]);
  await checkPage(server, spec, cookie);
  // A short warm-up, so the first compile of each route is not counted.
  await autocannon({ url: `${server.url}${spec.path}`, connections: 4, duration: 2, headers: { cookie } });
  server.resetPeak();
  const result = await autocannon({
    url: `${server.url}${spec.path}`,
    connections,
    duration: seconds,
    timeout: 60,
    headers: { cookie },
  });
  return {
    page: spec.page,
    path: spec.path,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    peakRssMb: server.peakRssMb(),
  };
}
