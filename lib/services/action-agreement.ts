import "server-only";
import { can } from "@/lib/access/capabilities";
import { commissionedBy } from "@/lib/access/scopes";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { requireRecordIds } from "@/lib/ids";
import { AUDIT_ACTIONS, recordAudit } from "./audit";

/**
 * The commissioner's side of a prime's action plan, at the contract-management meeting: it marks an
 * action agreed, and later done. Only the commissioner that let the contract may, and the rule is in
 * the query itself: an action on another council's contract is not found, whoever asks.
 */

const ONLY_COMMISSIONER = "Only the council that let this contract can agree actions or mark them done.";

/** The action, when the actor is the commissioner of its contract; refused or not found otherwise. */
async function commissionersItem(actor: Actor, itemId: string) {
  requireRecordIds(itemId);
  if (!can(actor, "judgePrimes")) {
    // The prime reads its own plan, so it is told why; anyone else learns nothing.
    const own = await db().actionPlanItem.count({ where: { id: itemId, primeId: actor.organisationId } });
    if (own > 0) throw new ForbiddenError(ONLY_COMMISSIONER);
    throw new NotFoundError();
  }
  const item = await db().actionPlanItem.findFirst({
    where: { id: itemId, contract: commissionedBy(actor) },
    select: {
      id: true,
      action: true,
      agreedAt: true,
      status: true,
      contract: { select: { title: true } },
      contractPrime: { select: { prime: { select: { name: true } } } },
    },
  });
  if (!item) throw new NotFoundError();
  return item;
}

/** "Mark agreed": records when and who; an action is agreed once. */
export async function agreeAction(actor: Actor, itemId: string, now = new Date()): Promise<void> {
  const item = await commissionersItem(actor, itemId);
  await db().$transaction(async (tx) => {
    const updated = await tx.actionPlanItem.updateMany({
      where: { id: item.id, agreedAt: null },
      data: { agreedAt: now, agreedById: actor.userId },
    });
    if (updated.count === 0) throw new ConflictError("This action has already been agreed.");
    await recordAudit(
      {
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: AUDIT_ACTIONS.actionAgreed,
        summary: `Agreed the action "${item.action}" with ${item.contractPrime.prime.name} on ${item.contract.title}`,
      },
      tx,
    );
  });
}

/** "Mark done": the commissioner confirms the action was carried out. */
export async function markActionDone(actor: Actor, itemId: string, now = new Date()): Promise<void> {
  const item = await commissionersItem(actor, itemId);
  await db().$transaction(async (tx) => {
    const updated = await tx.actionPlanItem.updateMany({
      where: { id: item.id, status: { not: "DONE" } },
      data: { status: "DONE", doneAt: now, doneById: actor.userId },
    });
    if (updated.count === 0) throw new ConflictError("This action has already been marked done.");
    await recordAudit(
      {
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: AUDIT_ACTIONS.actionDone,
        summary: `Marked the action "${item.action}" done for ${item.contractPrime.prime.name} on ${item.contract.title}`,
      },
      tx,
    );
  });
}
