import "server-only";
import { awardsHeldBy, awardsOverseenBy } from "@/lib/access/scopes";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { PrincipleKey } from "@/lib/framework";
import type { ActionStatus } from "@/lib/generated/prisma/enums";
import { requireRecordIds } from "@/lib/ids";
import { AUDIT_ACTIONS, recordAudit } from "./audit";

/**
 * What a prime says back about its report: a reply per principle, and an action plan. Only the
 * prime itself writes them; the prime and the contract's commissioner read them.
 */

/** The award, when the actor is that prime on that contract. Anyone else: not found. */
async function ownAward(actor: Actor, contractId: string, primeId: string): Promise<void> {
  requireRecordIds(contractId, primeId);
  const award = await db().contractPrime.findFirst({
    where: { AND: [{ contractId, primeId }, awardsHeldBy(actor)] },
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
  /** When the commissioner agreed it, and the name of the person who did (null: a demo visitor or a deleted account). */
  agreedAt: Date | null;
  agreedBy: string | null;
  /** When it was marked done, and by whom (the prime's or the commissioner's person). */
  doneAt: Date | null;
  doneBy: string | null;
}

/** The prime's action plan on a contract, for the prime and the contract's commissioner. */
export async function listActionPlan(
  actor: Actor,
  contractId: string,
  primeId: string,
): Promise<ActionItem[]> {
  requireRecordIds(contractId, primeId);
  const visible = await db().contractPrime.findFirst({
    // AND, not a spread: the rule names primeId too, and a spread would replace the one asked for.
    where: {
      AND: [{ contractId, primeId }, awardsOverseenBy(actor)],
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
      agreedAt: true,
      agreedBy: { select: { name: true } },
      doneAt: true,
      doneBy: { select: { name: true } },
    },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((row) => ({
    ...row,
    principleKey: row.principleKey as PrincipleKey | null,
    agreedBy: row.agreedBy?.name ?? null,
    doneBy: row.doneBy?.name ?? null,
  }));
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

/**
 * The prime moves one of its actions on. Moving it to done records when and by whom; moving it back
 * clears that, so "done" always says who said so last.
 */
export async function setActionStatus(
  actor: Actor,
  id: string,
  status: ActionStatus,
  now = new Date(),
): Promise<void> {
  requireRecordIds(id);
  await db().$transaction(async (tx) => {
    const item = await tx.actionPlanItem.findFirst({
      where: { id, contractPrime: awardsHeldBy(actor) },
      select: { status: true, action: true },
    });
    if (!item) throw new NotFoundError();
    if (item.status === status) return;
    const done =
      status === "DONE" ? { doneAt: now, doneById: actor.userId } : { doneAt: null, doneById: null };
    await tx.actionPlanItem.update({ where: { id }, data: { status, ...done } });
    await recordAudit(
      {
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: AUDIT_ACTIONS.actionStatus,
        summary: `Moved the action "${item.action}" to ${STATUS_WORDS[status]}`,
      },
      tx,
    );
  });
}

const STATUS_WORDS: Record<ActionStatus, string> = {
  PLANNED: "planned",
  IN_PROGRESS: "in progress",
  DONE: "done",
};
