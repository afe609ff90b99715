import { connection } from "next/server";
import { packPdfResponse } from "@/lib/reports/pack-response";

/** The meeting pack of one prime on one contract as a PDF (`?cycle=` as the print view). */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ contractId: string; primeId: string }> },
) {
  await connection();
  return packPdfResponse(request, await params);
}
