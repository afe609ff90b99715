import { connection } from "next/server";
import { currentActor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { programmeTable } from "@/lib/reports/programme-table";
import { toCsv } from "@/lib/reports/tables";
import { AUDIT_ACTIONS, recordAudit } from "@/lib/services/audit";
import { getProgrammeReport } from "@/lib/services/programme-report";

/** The programme table as CSV (`?cycle=<name>&contract=<id>&q=<search>`), for the commissioner only. */
export async function GET(request: Request) {
  await connection();
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to download reports.", { status: 401 });
  const url = new URL(request.url);
  try {
    const report = await getProgrammeReport(actor, {
      cycleName: url.searchParams.get("cycle") || undefined,
      contractId: url.searchParams.get("contract") || undefined,
    });
    await recordAudit({
      organisationId: actor.organisationId,
      userId: actor.userId,
      action: AUDIT_ACTIONS.exported,
      summary: `Downloaded the programme report${report.cycleName ? ` (${report.cycleName})` : ""} as CSV`,
    });
    return new Response(toCsv(programmeTable(report, url.searchParams.get("q") ?? undefined)), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="programme-${(report.cycleName ?? "none").replace(/[^0-9A-Za-z]+/g, "-")}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
