import "server-only";
import { currentActor } from "@/lib/auth/actor";
import type { Actor } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/errors";
import { actorForApiToken } from "@/lib/services/api-tokens";
import { AUDIT_ACTIONS, recordAudit } from "@/lib/services/audit";
import { listActionPlan } from "@/lib/services/replies-and-plans";
import { type ContractReport, getContractReport } from "@/lib/services/reports";
import { PRECISION_RULE } from "./format";
import { reportPdf } from "./pdf";
import { reportTable, TABLES, type TableName, toCsv } from "./tables";

/**
 * Report downloads: CSV of one table, the PDF, and the JSON, each computed by the same service as
 * the page, for the same viewer. Anyone who may not see the report gets 404, exactly as the page.
 */

const FORMATS = ["csv", "pdf", "json"] as const;
type Format = (typeof FORMATS)[number];

const headers = (type: string, filename?: string): HeadersInit => ({
  "Content-Type": type,
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
  ...(filename ? { "Content-Disposition": `attachment; filename="${filename}"` } : {}),
});

/** Who is asking: a signed-in member, or for JSON only, an API key in the Authorization header. */
async function who(request: Request, format: Format): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const [scheme, token] = authorization.split(" ");
    if (format !== "json" || scheme !== "Bearer" || !token) return null;
    return actorForApiToken(token);
  }
  return currentActor();
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60) || "report";

export async function exportReport(
  request: Request,
  { contractId, primeId }: { contractId: string; primeId?: string },
): Promise<Response> {
  const url = new URL(request.url);
  const format = (url.searchParams.get("format") ?? "json") as Format;
  if (!FORMATS.includes(format)) return new Response("Unknown format", { status: 400 });
  const table = url.searchParams.get("table") ?? "principles";
  if (format === "csv" && !TABLES.includes(table as TableName))
    return new Response("Unknown table", { status: 400 });
  const actor = await who(request, format);
  if (!actor) return new Response("Sign in, or send a valid API key, to download reports.", { status: 401 });

  let report: ContractReport;
  try {
    report = await getContractReport(actor, contractId, {
      primeId,
      cycleId: url.searchParams.get("cycle") ?? undefined,
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
  const subject = primeId ? (report.primes[0]?.prime.name ?? "prime") : report.contract.title;
  const name = `${slug(report.contract.reference)}-${primeId ? `${slug(subject)}-` : ""}${slug(report.cycle?.name ?? "no-cycle")}`;
  await recordAudit({
    organisationId: actor.organisationId,
    userId: actor.userId,
    action: AUDIT_ACTIONS.exported,
    summary: `Downloaded the report on ${subject}${report.cycle ? ` (${report.cycle.name})` : ""} as ${format.toUpperCase()}`,
  });

  if (format === "csv") {
    return new Response(toCsv(reportTable(report, table as TableName)), {
      headers: headers("text/csv; charset=utf-8", `${name}-${table}.csv`),
    });
  }
  if (format === "pdf") {
    const tables: TableName[] = primeId ? ["principles", "flags"] : ["primes", "principles", "flags"];
    const pdf = await reportPdf(report, tables, `${subject}: supply-chain report`);
    return new Response(new Uint8Array(pdf), { headers: headers("application/pdf", `${name}.pdf`) });
  }
  const actions =
    report.viewer === "partner"
      ? []
      : await Promise.all(report.primes.map((p) => listActionPlan(actor, contractId, p.prime.id)));
  return Response.json(
    {
      precision: `Figures are given as stored, to one decimal place, whatever their count. On the page and in the PDF: ${PRECISION_RULE}`,
      ...report,
      primes: report.primes.map((p, i) => ({ ...p, actionPlan: actions[i] ?? [] })),
    },
    { headers: headers("application/json; charset=utf-8") },
  );
}
