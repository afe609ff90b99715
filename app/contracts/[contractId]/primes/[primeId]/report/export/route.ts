import { connection } from "next/server";
import { exportReport } from "@/lib/reports/export-response";

/** CSV, PDF or JSON of one prime's report (`?format=csv&table=principles`, `?format=pdf`). */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ contractId: string; primeId: string }> },
) {
  await connection();
  return exportReport(request, await params);
}
