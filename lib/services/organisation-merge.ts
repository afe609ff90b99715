import "server-only";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireRecordIds } from "@/lib/ids";
import { AUDIT_ACTIONS, recordAudit } from "./audit";
import { type MergeSide, mergeProblem } from "./organisation-merge-rules";
import { separatedFrom } from "./separation";

/**
 * Two organisations on Chainwise that are one (a prime made by hand and again from a notice under
 * another spelling): everything the duplicate owns moves to the one kept, in one transaction, and
 * the duplicate is deleted (docs/decisions/0027-merging-organisations.md). Who may merge: an
 * operator, any two (`mergeOrganisations`); a commissioner, a likely match its own import made
 * (lib/services/likely-matches.ts). Either way through `mergeInTransaction`.
 */

type Tx = Prisma.TransactionClient;

export interface MergeRequest {
  keptId: string;
  duplicateId: string;
}

export interface Merged {
  kept: string;
  duplicate: string;
}

/** An operator merges two organisations. Checked inside, for every call. */
export async function mergeOrganisations(userId: string, request: MergeRequest): Promise<Merged> {
  requireRecordIds(request.keptId, request.duplicateId);
  return db().$transaction(
    async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { operator: true } });
      if (user?.operator !== true) throw new ForbiddenError();
      return mergeInTransaction(tx, request, { userId, who: "whoever runs this Chainwise service" });
    },
    { timeout: 60_000 },
  );
}

const sideSelect = { id: true, name: true, type: true, demo: true } satisfies Prisma.OrganisationSelect;

/**
 * The merge itself, in the caller's transaction: the rules (organisation-merge-rules.ts), then
 * every relation of the duplicate moved, then the separation of roles checked on the result.
 * A RuleError with the reason when it may not be done; nothing is changed then.
 */
export async function mergeInTransaction(
  tx: Tx,
  { keptId, duplicateId }: MergeRequest,
  by: { userId: string | null; who: string },
): Promise<Merged> {
  // Locks both rows first: two merges of the same organisations wait for each other.
  const locked = await tx.organisation.updateMany({
    where: { id: { in: [keptId, duplicateId] } },
    data: { updatedAt: new Date() },
  });
  const kept = await tx.organisation.findUnique({ where: { id: keptId }, select: sideSelect });
  const duplicate = await tx.organisation.findUnique({ where: { id: duplicateId }, select: sideSelect });
  if (!kept || !duplicate || locked.count === 0)
    throw new NotFoundError("We could not find those organisations.");
  const problem = await mergeProblem(tx, kept, duplicate);
  if (problem) throw new RuleError(problem);

  await moveMembers(tx, kept.id, duplicate.id);
  await moveAwards(tx, kept.id, duplicate.id);
  const from = { organisationId: duplicate.id };
  const to = { organisationId: kept.id };
  await tx.organisationIdentifier.updateMany({ where: from, data: to });
  await tx.invitation.updateMany({ where: from, data: to });
  await tx.invitation.updateMany({
    where: { invitedByOrgId: duplicate.id },
    data: { invitedByOrgId: kept.id },
  });
  await tx.apiToken.updateMany({ where: from, data: to });
  await tx.supplyChainMember.updateMany({ where: from, data: to });
  await tx.auditEvent.updateMany({ where: from, data: to });
  await tx.accountRequest.updateMany({ where: from, data: to });
  await tx.likelyMatch.updateMany({ where: { madeId: duplicate.id }, data: { madeId: kept.id } });
  await tx.likelyMatch.updateMany({ where: { existingId: duplicate.id }, data: { existingId: kept.id } });
  await tx.likelyMatch.updateMany({
    where: { commissionerId: duplicate.id },
    data: { commissionerId: kept.id },
  });
  await tx.importRun.updateMany({
    where: { commissionerId: duplicate.id },
    data: { commissionerId: kept.id },
  });
  await tx.contract.updateMany({
    where: { commissionerId: duplicate.id },
    data: { commissionerId: kept.id },
  });
  await keepWhatIsKnown(tx, kept.id, duplicate.id);
  await tx.organisation.delete({ where: { id: duplicate.id } });
  await assertSeparated(tx, kept);
  await recordAudit(
    {
      organisationId: kept.id,
      userId: by.userId,
      action: AUDIT_ACTIONS.organisationMerged,
      summary: `${duplicate.name} was merged into ${kept.name} as the same organisation by ${by.who}: its members, numbers, contracts, ratings and invitations are ${kept.name}'s now`,
    },
    tx,
  );
  return { kept: kept.name, duplicate: duplicate.name };
}

/**
 * A person in both keeps one place, an administrator if they were one in either; everyone else
 * moves, with the sessions acting for the duplicate and the requests to join it.
 */
async function moveMembers(tx: Tx, keptId: string, duplicateId: string) {
  const inBoth = await tx.membership.findMany({
    where: { organisationId: duplicateId, user: { memberships: { some: { organisationId: keptId } } } },
    select: { userId: true, role: true },
  });
  const admins = inBoth.filter((m) => m.role === "ADMIN").map((m) => m.userId);
  if (admins.length > 0) {
    await tx.membership.updateMany({
      where: { organisationId: keptId, userId: { in: admins } },
      data: { role: "ADMIN" },
    });
  }
  await tx.membership.deleteMany({
    where: { organisationId: duplicateId, userId: { in: inBoth.map((m) => m.userId) } },
  });
  await tx.membership.updateMany({
    where: { organisationId: duplicateId },
    data: { organisationId: keptId },
  });
  await tx.session.updateMany({
    where: { activeOrganisationId: duplicateId },
    data: { activeOrganisationId: keptId },
  });
  await tx.joinRequest.updateMany({
    where: { organisationId: duplicateId },
    data: { organisationId: keptId },
  });
  // Asked to join what they now belong to: nothing left to decide.
  await tx.joinRequest.deleteMany({
    where: {
      organisationId: keptId,
      decidedAt: null,
      user: { memberships: { some: { organisationId: keptId } } },
    },
  });
}

/**
 * The duplicate's award lines become the kept one's, with everything keyed on them: its partners,
 * invitations, action plans, replies, ratings of it and its self-assessments. A new award line is
 * written first and the old one removed last, because the keys on it are (contract, prime) pairs
 * and a self-assessment's respondent must be its prime in every row at every moment. Where both
 * are primes on one contract the rules have made sure the duplicate's line carries nothing, and
 * its lots join the kept one's.
 */
async function moveAwards(tx: Tx, keptId: string, duplicateId: string) {
  const awards = await tx.contractPrime.findMany({
    where: { primeId: duplicateId },
    select: { contractId: true, lot: true, createdAt: true },
  });
  const keptAwards = await tx.contractPrime.findMany({
    where: { primeId: keptId, contractId: { in: awards.map((a) => a.contractId) } },
    select: { id: true, lot: true, contractId: true },
  });
  for (const shared of keptAwards) {
    const theirs = awards.find((a) => a.contractId === shared.contractId)?.lot;
    const lots = [...new Set([shared.lot, theirs].filter((lot): lot is string => Boolean(lot)))];
    await tx.contractPrime.update({ where: { id: shared.id }, data: { lot: lots.join("; ") || null } });
  }
  await tx.contractPrime.createMany({
    data: awards
      .filter((a) => !keptAwards.some((k) => k.contractId === a.contractId))
      .map((a) => ({ contractId: a.contractId, primeId: keptId, lot: a.lot, createdAt: a.createdAt })),
  });
  const prime = { primeId: keptId };
  await tx.supplyChainMember.updateMany({ where: { primeId: duplicateId }, data: prime });
  await tx.invitation.updateMany({ where: { primeId: duplicateId }, data: prime });
  await tx.actionPlanItem.updateMany({ where: { primeId: duplicateId }, data: prime });
  await tx.principleReply.updateMany({ where: { primeId: duplicateId }, data: prime });
  // Submitted assessments never change, except deliberately here: who they are by and of (0027).
  await tx.$executeRaw`SELECT set_config('chainwise.merge_organisations', 'on', true)`;
  await tx.$executeRaw`UPDATE "Assessment" SET "primeId" = ${keptId},
    "respondentOrgId" = CASE WHEN "respondentOrgId" = ${duplicateId} THEN ${keptId} ELSE "respondentOrgId" END
    WHERE "primeId" = ${duplicateId}`;
  await tx.$executeRaw`UPDATE "Assessment" SET "respondentOrgId" = ${keptId} WHERE "respondentOrgId" = ${duplicateId}`;
  await tx.$executeRaw`SELECT set_config('chainwise.merge_organisations', 'off', true)`;
  await tx.contractPrime.deleteMany({ where: { primeId: duplicateId } });
}

/** What the kept one does not say and the duplicate does; for a commissioner, the stricter thresholds. */
async function keepWhatIsKnown(tx: Tx, keptId: string, duplicateId: string) {
  const select = {
    sector: true,
    sizeBand: true,
    releaseScoreThreshold: true,
    releaseCategoryThreshold: true,
  } satisfies Prisma.OrganisationSelect;
  const kept = await tx.organisation.findUniqueOrThrow({ where: { id: keptId }, select });
  const duplicate = await tx.organisation.findUniqueOrThrow({ where: { id: duplicateId }, select });
  await tx.organisation.update({
    where: { id: keptId },
    data: {
      sector: kept.sector ?? duplicate.sector,
      sizeBand: kept.sizeBand ?? duplicate.sizeBand,
      releaseScoreThreshold: Math.max(kept.releaseScoreThreshold, duplicate.releaseScoreThreshold),
      releaseCategoryThreshold: Math.max(kept.releaseCategoryThreshold, duplicate.releaseCategoryThreshold),
    },
  });
}

/** Nobody may belong to both sides of a chain (separation.ts): the merged organisation neither. */
async function assertSeparated(tx: Tx, kept: MergeSide) {
  const separated = await separatedFrom(tx, kept.id);
  if (separated.size === 0) return;
  const clash = await tx.membership.findFirst({
    where: {
      organisationId: { in: [...separated.keys()] },
      user: { memberships: { some: { organisationId: kept.id } } },
    },
    select: { organisation: { select: { id: true, name: true } } },
  });
  if (!clash) return;
  throw new RuleError(
    `Merged, ${kept.name} would share a member with ${clash.organisation.name}, which is ${separated.get(clash.organisation.id)}. ` +
      "Nobody may belong to both sides of a supply chain; ask the person to leave one of them first.",
  );
}
