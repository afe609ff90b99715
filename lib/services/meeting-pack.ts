import "server-only";
import type { Actor } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/errors";
import { framework } from "@/lib/framework";
import { type MeetingPack, meetingPack } from "@/lib/reports/meeting-pack";
import { getPrimeReportView, type PrimeReportView } from "./prime-report-view";

/**
 * One prime's meeting pack on one contract, for whoever may read that prime's report and only what
 * they may read of it: it is made from the same guarded view as the report page (released partners'
 * figures only; replies and the action plan for the prime and its commissioner).
 */
export async function getMeetingPack(
  actor: Actor,
  input: { contractId: string; primeId: string; cycleId?: string },
): Promise<{ pack: MeetingPack; view: PrimeReportView }> {
  const view = await getPrimeReportView(actor, input);
  const pack = meetingPack(
    view.report,
    view.actions,
    framework.principles.map((p) => ({ key: p.key, title: p.title })),
  );
  if (!pack) throw new NotFoundError();
  return { pack, view };
}
