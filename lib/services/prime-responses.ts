import "server-only";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { PrincipleKey } from "@/lib/framework";
import type { ActionStatus } from "@/lib/generated/prisma/enums";
import { requireRecordIds } from "@/lib/ids";

/**
 * What a prime says back about its report: a reply per principle, and an action plan. Only the
 * prime itself writes them; the prime and the contract's commissioner read them.
 */

/** The award, when the actor is that prime on that contract. Anyone else: not found. */
async function ownAward(actor: Actor, contractId: string, primeId: string): Promise<void> {
  requireRecordIds(contractId, primeId);
  if (actor.organisationId !== primeId) throw new NotFoundError();
  const award = await db().contractPrime.findUnique({
    where: { contractId_primeId: { contractId, primeId } },
    select: { id: true },
  });
  if (!award) throw new NotFoundError();
}

export async function saveReplies(
  actor: Actor,
  input: {
    contractId: string;
    primeId: string;
    cycleId: string;
    replies: Partial<Record<PrincipleKey, string>>;
  },
): Promise<void> {
  await ownAward(actor, input.contractId, input.primeId);
  requireRecordIds(input.cycleId);
  const cycle = await db().cycle.findFirst({
    where: { id: input.cycleId, contractId: input.contractId },
    select: { id: true },
  });
  if (!cycle) throw new NotFoundError();
  await db().$transaction(async (tx) => {
    for (const [principleKey, text] of Object.entries(input.replies)) {
      const where = {
        cycleId_primeId_principleKey: { cycleId: cycle.id, primeId: input.primeId, principleKey },
      };
      if (text) {
        await tx.principleReply.upsert({
          where,
          create: { cycleId: cycle.id, primeId: input.primeId, principleKey, text },
          update: { text },
        });
      } else {
        await tx.principleReply.deleteMany({ where: where.cycleId_primeId_principleKey });
      }
    }
  });
}

export interface ActionItem {
  id: string;
  principleKey: PrincipleKey | null;
  action: string;
  owner: string;
  dueDate: Date;
  status: ActionStatus;
  updatedAt: Date;
}

/** The prime's action plan on a contract, for the prime and the contract's commissioner. */
export async function listActionPlan(
  actor: Actor,
  contractId: string,
  primeId: string,
): Promise<ActionItem[]> {
  requireRecordIds(contractId, primeId);
  const visible = await db().contractPrime.findFirst({
    where: {
      contractId,
      primeId,
      OR: [{ primeId: actor.organisationId }, { contract: { commissionerId: actor.organisationId } }],
    },
    select: { id: true },
  });
  if (!visible) throw new NotFoundError();
  const rows = await db().actionPlanItem.findMany({
    where: { contractId, primeId },
    select: {
      id: true,
      principleKey: true,
      action: true,
      owner: true,
      dueDate: true,
      status: true,
      updatedAt: true,
    },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((row) => ({ ...row, principleKey: row.principleKey as PrincipleKey | null }));
}

export async function addActionItem(
  actor: Actor,
  input: {
    contractId: string;
    primeId: string;
    principleKey: PrincipleKey | null;
    action: string;
    owner: string;
    dueDate: Date;
  },
): Promise<void> {
  await ownAward(actor, input.contractId, input.primeId);
  await db().actionPlanItem.create({ data: input });
}

export async function setActionStatus(actor: Actor, id: string, status: ActionStatus): Promise<void> {
  requireRecordIds(id);
  const updated = await db().actionPlanItem.updateMany({
    where: { id, primeId: actor.organisationId },
    data: { status },
  });
  if (updated.count === 0) throw new NotFoundError();
}
