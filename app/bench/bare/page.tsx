import type { Metadata } from "next";
import { connection } from "next/server";

export const metadata: Metadata = { title: "Benchmark baseline", robots: { index: false } };

/**
 * Exists only for `npm run bench`: the HTTP benchmark's baseline. It renders on every request, in
 * the site's own layout (which looks up who is signed in), and does nothing else, so a real page's
 * throughput divided by this one's is the cost of that page's own work. It reads no data.
 */
export default async function BareBenchmarkPage() {
  await connection();
  return (
    <>
      <h1 className="mb-4 text-4xl font-bold">Benchmark baseline</h1>
      <p>This page is the baseline for the HTTP benchmark (npm run bench). It shows nothing else.</p>
    </>
  );
}
