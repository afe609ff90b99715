import { connection } from "next/server";
import { exportReport } from "@/lib/reports/export-response";

/**
 * The read-only JSON of a contract's report, for a signed-in member or an API key
 * (`Authorization: Bearer cw_…`). `?cycle=<id>` picks a cycle, `?prime=<id>` one prime.
 */
export async function GET(request: Request, { params }: { params: Promise<{ contractId: string }> }) {
  await connection();
  const { contractId } = await params;
  const url = new URL(request.url);
  url.searchParams.set("format", "json");
  const prime = url.searchParams.get("prime") ?? undefined;
  return exportReport(new Request(url, { headers: request.headers }), { contractId, primeId: prime });
}
