import "server-only";
import { db } from "@/lib/db/client";
import { formatDate } from "@/lib/format";
import { monthsBefore, type PurgeResult } from "@/lib/privacy/retention";
import { REQUEST_RETENTION_DAYS } from "@/lib/privacy/retention-periods";
import { AUDIT_ACTIONS, recordAudit } from "./audit";

const DAY = 86_400_000;

/**
 * The retention rules of the privacy notice, run daily by `npm run privacy:purge` (prisma/purge.ts).
 * Takes "now" so tests can fix it. Removes only what has outlived its purpose:
 * - drafts (unfinished ratings and self-assessments) nobody has touched for `draftMonths`, with
 *   the evidence files added to them: evidence follows its self-assessment (a submitted one keeps
 *   its files as long as it is kept, and an erasure takes them with it); adding a file is a touch;
 * - invitations that expired without being accepted;
 * - expired sessions, password-reset tokens and sign-in rate counters: credentials and internet
 *   addresses that can no longer be used for anything;
 * - requests to join an organisation, and councils' account requests, decided more than
 *   REQUEST_RETENTION_DAYS ago.
 * Submitted assessments, accepted invitations, people and the activity log are never touched.
 */
export async function purgeStaleData(
  now: Date,
  { draftMonths }: { draftMonths: number },
): Promise<PurgeResult> {
  const draftCutoff = monthsBefore(now, draftMonths);
  return db().$transaction(async (tx) => {
    const drafts = await tx.assessment.findMany({
      where: {
        status: "DRAFT",
        updatedAt: { lt: draftCutoff },
        // An answer saved, or a file added, since counts as a touch, whatever the draft's own timestamp says.
        answers: { none: { updatedAt: { gte: draftCutoff } } },
        evidenceFiles: { none: { createdAt: { gte: draftCutoff } } },
      },
      select: {
        id: true,
        reference: true,
        perspective: true,
        updatedAt: true,
        respondentOrgId: true,
        respondent: { select: { name: true } },
        prime: { select: { name: true } },
        contract: { select: { title: true } },
        cycle: { select: { name: true } },
        _count: { select: { evidenceFiles: true } },
      },
      orderBy: { updatedAt: "asc" },
    });
    // Answers and evidence files (with their bytes) go with their draft (ON DELETE CASCADE).
    await tx.assessment.deleteMany({ where: { id: { in: drafts.map((d) => d.id) }, status: "DRAFT" } });
    for (const draft of drafts) {
      const what =
        draft.perspective === "PRIME"
          ? "an unfinished self-assessment"
          : `an unfinished rating of ${draft.prime.name}`;
      await recordAudit(
        {
          organisationId: draft.respondentOrgId,
          userId: null,
          action: AUDIT_ACTIONS.draftRemoved,
          summary:
            `Deleted ${what} for ${draft.contract.title} (${draft.cycle.name}): ` +
            `nobody had changed it since ${formatDate(draft.updatedAt)}`,
        },
        tx,
      );
    }
    const invitations = await tx.invitation.deleteMany({
      where: { acceptedAt: null, expiresAt: { lte: now } },
    });
    const sessions = await tx.session.deleteMany({ where: { expiresAt: { lte: now } } });
    const resetTokens = await tx.verification.deleteMany({ where: { expiresAt: { lte: now } } });
    // The longest sign-in limit window is minutes; a day-old counter limits nothing.
    const rateCounters = await tx.rateLimit.deleteMany({
      where: { lastRequest: { lt: BigInt(now.getTime() - DAY) } },
    });
    const requestCutoff = new Date(now.getTime() - REQUEST_RETENTION_DAYS * DAY);
    const joinRequests = await tx.joinRequest.deleteMany({ where: { decidedAt: { lt: requestCutoff } } });
    const accountRequests = await tx.accountRequest.deleteMany({
      where: { decidedAt: { lt: requestCutoff } },
    });
    return {
      draftCutoff,
      drafts: drafts.map((d) => ({ reference: d.reference, organisation: d.respondent.name })),
      evidenceFiles: drafts.reduce((sum, d) => sum + d._count.evidenceFiles, 0),
      invitations: invitations.count,
      sessions: sessions.count,
      resetTokens: resetTokens.count,
      rateCounters: rateCounters.count,
      joinRequests: joinRequests.count,
      accountRequests: accountRequests.count,
    };
  });
}
