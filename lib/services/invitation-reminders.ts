import "server-only";
import { db } from "@/lib/db/client";
import { privacyNoticeUrl, sendEmail } from "@/lib/email/send";
import { closingReminderEmail, selfAssessmentReminderEmail } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { expiryFor, newToken } from "@/lib/invitations/tokens";
import { startPath } from "@/lib/questionnaire/start-path";
import { fromDbPerspective } from "@/lib/services/assessments";
import { invitationUrl } from "@/lib/services/invitations";

const DAY = 86_400_000;

/**
 * Closing reminders, run daily by `npm run invitations:remind` (prisma/remind.ts) rather than by a
 * request: nothing here depends on who is asking.
 */

export interface ReminderResult {
  /** Reminders emailed. */
  sent: number;
  /** Invitations whose organisation has already submitted its answers for that cycle: no reminder. */
  alreadySubmitted: number;
  /** Reminders that could not be sent; they will be tried again next time. */
  failed: number;
}

/**
 * Reminds everyone invited in a cycle that closes within `withinDays`, accepted or not, unless their
 * organisation has already submitted for that prime; each invitation is reminded once. Someone who
 * has not accepted yet gets a fresh link (the invitation stores only one hash, so the first link
 * stops working); someone who has gets the questionnaire's start page.
 */
export async function sendReminders(now: Date, { withinDays = 7 } = {}): Promise<ReminderResult> {
  const result: ReminderResult = { sent: 0, alreadySubmitted: 0, failed: 0 };
  const cycles = await db().cycle.findMany({
    where: { opensAt: { lte: now }, closesAt: { gte: now, lte: new Date(now.getTime() + withinDays * DAY) } },
    select: { id: true, opensAt: true, closesAt: true, contract: { select: { id: true, title: true } } },
  });
  for (const cycle of cycles) {
    const invitations = await db().invitation.findMany({
      where: {
        contractId: cycle.contract.id,
        remindedAt: null,
        createdAt: { gte: cycle.opensAt, lte: cycle.closesAt },
      },
      select: {
        id: true,
        email: true,
        tokenHash: true,
        expiresAt: true,
        acceptedAt: true,
        primeId: true,
        organisationId: true,
        perspective: true,
      },
      orderBy: { createdAt: "asc" },
    });
    if (invitations.length === 0) continue;
    const submitted = await db().assessment.findMany({
      where: { cycleId: cycle.id, status: "SUBMITTED" },
      select: { primeId: true, respondentOrgId: true, perspective: true },
    });
    const done = new Set(submitted.map((a) => `${a.primeId}/${a.respondentOrgId}/${a.perspective}`));
    const primes = await db().organisation.findMany({
      where: { id: { in: [...new Set(invitations.map((i) => i.primeId))] } },
      select: { id: true, name: true },
    });
    const names = new Map(primes.map((p) => [p.id, p.name]));

    for (const invitation of invitations) {
      if (done.has(`${invitation.primeId}/${invitation.organisationId}/${invitation.perspective}`)) {
        result.alreadySubmitted++;
        continue;
      }
      const perspective = fromDbPerspective(invitation.perspective);
      const fresh = invitation.acceptedAt ? null : newToken();
      const expiresAt = expiryFor(now, cycle.closesAt);
      // Claimed before sending, so two runs at once cannot both send it.
      const claimed = await db().invitation.updateMany({
        where: { id: invitation.id, remindedAt: null, acceptedAt: invitation.acceptedAt },
        data: fresh ? { remindedAt: now, tokenHash: fresh.tokenHash, expiresAt } : { remindedAt: now },
      });
      if (claimed.count === 0) continue;
      const details = {
        primeName: names.get(invitation.primeId) ?? "",
        contractTitle: cycle.contract.title,
        url: fresh
          ? invitationUrl(fresh.token)
          : `${env().APP_URL}${startPath({ contractId: cycle.contract.id, primeId: invitation.primeId, perspective })}`,
        closesAt: cycle.closesAt,
        privacyUrl: privacyNoticeUrl(),
      };
      try {
        await sendEmail({
          to: invitation.email,
          ...(perspective === "prime" ? selfAssessmentReminderEmail(details) : closingReminderEmail(details)),
        });
        result.sent++;
      } catch (error) {
        console.error("invitation reminder could not be sent", { invitationId: invitation.id, error });
        await db().invitation.updateMany({
          where: { id: invitation.id, remindedAt: now },
          data: fresh
            ? { remindedAt: null, tokenHash: invitation.tokenHash, expiresAt: invitation.expiresAt }
            : { remindedAt: null },
        });
        result.failed++;
      }
    }
  }
  return result;
}
