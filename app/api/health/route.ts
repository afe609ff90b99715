import { connection } from "next/server";
import { checkDatabase } from "@/lib/services/health";

/** For load balancers and uptime checks: 200 when the app can reach its database, 503 when not. */
export async function GET() {
  await connection();
  const database = await checkDatabase();
  return Response.json(
    { status: database.ok ? "ok" : "unavailable", database },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
