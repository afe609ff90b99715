import { connection } from "next/server";
import { exportReport } from "@/lib/reports/export-response";

/** CSV, PDF or JSON of a contract's report (`?format=csv&table=primes`, `?format=pdf`). */
export async function GET(request: Request, { params }: { params: Promise<{ contractId: string }> }) {
  await connection();
  return exportReport(request, await params);
}
