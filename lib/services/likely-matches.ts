import "server-only";
import { assertCan } from "@/lib/access/capabilities";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { NotFoundError, RuleError } from "@/lib/errors";
import { requireRecordIds } from "@/lib/ids";
import { AUDIT_ACTIONS, recordAudit } from "./audit";
import { mergeInTransaction } from "./organisation-merge";

/**
 * Suppliers an import tied to an organisation already on Chainwise by their name only
 * (organisation-matching.ts, `offerNameMatchesMadeBefore`): the import made a new organisation
 * and left the match for the commissioner to decide (docs/decisions/0028-likely-matches.md).
 * "The same" merges the one made into the one already there; "different" keeps both.
 */

export interface LikelyMatchView {
  id: string;
  supplierName: string;
  contractLabel: string;
  existingName: string;
  decision: "same" | "different" | null;
}

/** A run's likely matches, for the members of the commissioner that ran it; the run's own check first. */
export async function likelyMatchesOf(actor: Actor, runId: string): Promise<LikelyMatchView[]> {
  requireRecordIds(runId);
  assertCan(actor, "manageContracts");
  const rows = await db().likelyMatch.findMany({
    where: { importRunId: runId, commissionerId: actor.organisationId },
    select: { id: true, supplierName: true, contractLabel: true, existingName: true, decision: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    ...row,
    decision: row.decision === "SAME" ? "same" : row.decision === "DIFFERENT" ? "different" : null,
  }));
}

/**
 * The commissioner decides one likely match. "The same" merges the organisation its import made
 * into the one already on Chainwise, but only while that organisation is still its import's
 * alone: no members, and named on none but its own contracts. Anything more is for whoever runs
 * Chainwise to judge (/operator/organisations). Checked inside, for the acting commissioner.
 */
export async function decideLikelyMatch(
  actor: Actor,
  { matchId, same }: { matchId: string; same: boolean },
): Promise<{ runId: string | null }> {
  requireRecordIds(matchId);
  assertCan(actor, "manageContracts", "Only the commissioner that ran the import decides its matches.");
  return db().$transaction(
    async (tx) => {
      // Taking the row's lock first: two people deciding the same match wait for each other.
      const locked = await tx.likelyMatch.updateMany({
        where: { id: matchId, commissionerId: actor.organisationId, decision: null },
        data: { decidedAt: new Date() },
      });
      const match = await tx.likelyMatch.findFirst({
        where: { id: matchId, commissionerId: actor.organisationId },
        select: { importRunId: true, supplierName: true, existingName: true, madeId: true, existingId: true },
      });
      if (!match) throw new NotFoundError();
      if (locked.count === 0)
        throw new RuleError("This has already been decided. Reload the page to see how.");
      if (same && (!match.madeId || !match.existingId)) {
        throw new RuleError(
          `${match.existingName} or ${match.supplierName} is no longer on Chainwise as it was: whoever runs Chainwise has merged or removed it.`,
        );
      }
      if (same && match.madeId && match.existingId && match.madeId !== match.existingId) {
        const elsewhere =
          (await tx.membership.count({ where: { organisationId: match.madeId } })) +
          (await tx.supplyChainMember.count({ where: { organisationId: match.madeId } })) +
          (await tx.contractPrime.count({
            where: { primeId: match.madeId, contract: { commissionerId: { not: actor.organisationId } } },
          }));
        if (elsewhere > 0) {
          throw new RuleError(
            `${match.supplierName} has members of its own, or is named by others, since your import: ask the people who run Chainwise to merge it with ${match.existingName}.`,
          );
        }
        await mergeInTransaction(
          tx,
          { keptId: match.existingId, duplicateId: match.madeId },
          { userId: actor.userId, who: `${actor.organisationName}, confirming a supplier in its import` },
        );
      }
      await tx.likelyMatch.update({
        where: { id: matchId },
        data: { decision: same ? "SAME" : "DIFFERENT", decidedById: actor.userId },
      });
      await recordAudit(
        {
          organisationId: actor.organisationId,
          userId: actor.userId,
          action: AUDIT_ACTIONS.likelyMatchDecided,
          summary: same
            ? `Confirmed that ${match.supplierName}, a supplier in an imported notice, is ${match.existingName}: the two were merged`
            : `Decided that ${match.supplierName}, a supplier in an imported notice, is not ${match.existingName}`,
        },
        tx,
      );
      return { runId: match.importRunId };
    },
    { timeout: 60_000 },
  );
}
