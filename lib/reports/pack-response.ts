import "server-only";
import { currentActor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { AUDIT_ACTIONS, recordAudit } from "@/lib/services/audit";
import { getMeetingPack } from "@/lib/services/meeting-pack";
import { meetingPackPdf } from "./pack-pdf";

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60) || "pack";

/**
 * The meeting pack's PDF for the signed-in reader: made by the same service as the print view, so
 * anyone who may not read the prime's report gets 404, exactly as the page.
 */
export async function packPdfResponse(
  request: Request,
  { contractId, primeId }: { contractId: string; primeId: string },
): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Sign in to download the meeting pack.", { status: 401 });
  const cycleId = new URL(request.url).searchParams.get("cycle") ?? undefined;
  let read: Awaited<ReturnType<typeof getMeetingPack>>;
  try {
    read = await getMeetingPack(actor, { contractId, primeId, cycleId });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
  const { pack, view } = read;
  const cycle = view.report.cycle;
  await recordAudit({
    organisationId: actor.organisationId,
    userId: actor.userId,
    action: AUDIT_ACTIONS.exported,
    summary: `Downloaded the meeting pack of ${pack.primeName}${cycle ? ` (${cycle.name})` : ""} as PDF`,
  });
  const pdf = await meetingPackPdf(pack, view.report.minPartners);
  const name = `${slug(view.report.contract.reference)}-${slug(pack.primeName)}-${slug(cycle?.name ?? "no-cycle")}-meeting-pack.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": `attachment; filename="${name}"`,
    },
  });
}
