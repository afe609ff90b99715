import "server-only";
import { assertCan } from "@/lib/access/capabilities";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { requireRecordIds } from "@/lib/ids";
import { AUDIT_ACTIONS, recordAudit } from "./audit";

/**
 * An organisation's members, managed by its administrators. Every change re-reads, inside its
 * transaction and under a lock on the organisation, that the person asking is still an
 * administrator of it, and touches only memberships of that organisation: anyone else is refused
 * and nothing changes. An organisation always keeps at least one administrator.
 */

export const NOT_ADMIN = "Only your organisation's administrators can manage its members.";
export const LAST_ADMIN =
  "Your organisation must always have at least one administrator. Make someone else an administrator first.";

export interface Member {
  membershipId: string;
  name: string;
  email: string;
  role: MemberRole;
  since: Date;
  /** The administrator looking at the list. */
  isYou: boolean;
}

const memberSelect = {
  id: true,
  role: true,
  createdAt: true,
  user: { select: { id: true, name: true, email: true } },
} satisfies Prisma.MembershipSelect;

type MemberRow = Prisma.MembershipGetPayload<{ select: typeof memberSelect }>;

const toMember = (row: MemberRow, actor: Actor): Member => ({
  membershipId: row.id,
  name: row.user.name,
  email: row.user.email,
  role: row.role,
  since: row.createdAt,
  isYou: row.user.id === actor.userId,
});

export function assertAdmin(actor: Actor): asserts actor is Actor & { userId: string } {
  assertCan(actor, "administerOrganisation", NOT_ADMIN);
  // What an administrator does here is recorded against the person.
  if (actor.userId === null) throw new ForbiddenError(NOT_ADMIN);
}

export async function listMembers(actor: Actor): Promise<Member[]> {
  assertAdmin(actor);
  const rows = await db().membership.findMany({
    where: { organisationId: actor.organisationId },
    select: memberSelect,
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
  });
  return rows.map((row) => toMember(row, actor));
}

/** One member of the actor's organisation; "not found" for any other organisation's. */
export async function getMember(actor: Actor, membershipId: string): Promise<Member> {
  requireRecordIds(membershipId);
  assertAdmin(actor);
  const row = await db().membership.findFirst({
    where: { id: membershipId, organisationId: actor.organisationId },
    select: memberSelect,
  });
  if (!row) throw new NotFoundError();
  return toMember(row, actor);
}

/** Runs a change as an administrator of the actor's organisation, re-checked under a lock. */
export async function asAdmin<T>(
  actor: Actor,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  assertAdmin(actor);
  return db().$transaction(async (tx) => {
    // One change at a time per organisation, so two administrators cannot both step down at once.
    await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${actor.organisationId} FOR UPDATE`;
    const asking = await tx.membership.findUnique({
      where: { userId_organisationId: { userId: actor.userId, organisationId: actor.organisationId } },
      select: { role: true },
    });
    if (asking?.role !== "ADMIN") throw new ForbiddenError(NOT_ADMIN);
    return work(tx);
  });
}

async function findTarget(tx: Prisma.TransactionClient, actor: Actor, membershipId: string) {
  requireRecordIds(membershipId);
  const target = await tx.membership.findFirst({
    where: { id: membershipId, organisationId: actor.organisationId },
    select: { id: true, role: true, userId: true, user: { select: { name: true } } },
  });
  if (!target) throw new NotFoundError();
  return target;
}

async function assertAnotherAdmin(tx: Prisma.TransactionClient, actor: Actor, membershipId: string) {
  const others = await tx.membership.count({
    where: { organisationId: actor.organisationId, role: "ADMIN", id: { not: membershipId } },
  });
  if (others === 0) throw new RuleError(LAST_ADMIN);
}

export async function changeRole(
  actor: Actor,
  membershipId: string,
  role: MemberRole,
): Promise<{ name: string; role: MemberRole }> {
  return asAdmin(actor, async (tx) => {
    const target = await findTarget(tx, actor, membershipId);
    if (target.role === role) return { name: target.user.name, role };
    if (target.role === "ADMIN") await assertAnotherAdmin(tx, actor, membershipId);
    await tx.membership.update({ where: { id: target.id }, data: { role } });
    await recordAudit(
      {
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: AUDIT_ACTIONS.roleChanged,
        summary:
          role === "ADMIN"
            ? `Made ${target.user.name} an administrator`
            : `Made ${target.user.name} a member instead of an administrator`,
      },
      tx,
    );
    return { name: target.user.name, role };
  });
}

/**
 * Takes a person out of the organisation. Their account stays (they may belong elsewhere); what they
 * answered stays with the organisation, which always owned it.
 */
export async function removeMember(actor: Actor, membershipId: string): Promise<{ name: string }> {
  return asAdmin(actor, async (tx) => {
    const target = await findTarget(tx, actor, membershipId);
    if (target.role === "ADMIN") await assertAnotherAdmin(tx, actor, membershipId);
    await tx.membership.delete({ where: { id: target.id } });
    // Their open sessions stop acting for the organisation at once.
    await tx.session.updateMany({
      where: { userId: target.userId, activeOrganisationId: actor.organisationId },
      data: { activeOrganisationId: null },
    });
    await recordAudit(
      {
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: AUDIT_ACTIONS.memberRemoved,
        summary: `Removed ${target.user.name} from ${actor.organisationName}`,
      },
      tx,
    );
    return { name: target.user.name };
  });
}
