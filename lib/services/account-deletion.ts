import "server-only";
import { db } from "@/lib/db/client";
import { RuleError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { replaceIgnoringCase } from "@/lib/privacy/redact";
import { AUDIT_ACTIONS, recordAudit } from "./audit";

/** What a deleted person's name and address become in the activity log. */
export const FORMER_MEMBER = "a former member";
export const REMOVED_ADDRESS = "someone (address removed)";

type Tx = Prisma.TransactionClient;

/**
 * Organisations the person is the only administrator of while others remain: deleting the account
 * would leave them with nobody able to manage members. An organisation they are alone in is fine.
 */
async function soleAdminOf(tx: Tx | ReturnType<typeof db>, userId: string): Promise<string[]> {
  const adminOf = await tx.membership.findMany({
    where: { userId, role: "ADMIN" },
    select: { organisationId: true, organisation: { select: { name: true } } },
    orderBy: { organisation: { name: "asc" } },
  });
  const blocked: string[] = [];
  for (const { organisationId, organisation } of adminOf) {
    const others = await tx.membership.groupBy({
      by: ["role"],
      where: { organisationId, userId: { not: userId } },
      _count: true,
    });
    const otherAdmins = others.find((g) => g.role === "ADMIN")?._count ?? 0;
    const otherMembers = others.reduce((sum, g) => sum + g._count, 0);
    if (otherMembers > 0 && otherAdmins === 0) blocked.push(organisation.name);
  }
  return blocked;
}

/** For the confirm page: why this account cannot be deleted yet, or null when it can. */
export async function deletionBlocker(userId: string): Promise<string | null> {
  return blockerMessage(await soleAdminOf(db(), userId));
}

function blockerMessage(organisations: string[]): string | null {
  if (organisations.length === 0) return null;
  const names = new Intl.ListFormat("en-GB", { type: "conjunction" }).format(organisations);
  return (
    `You are the only administrator of ${names}. Make another member an administrator first, ` +
    "so the organisation is not left without one."
  );
}

/**
 * Deletes a person and every link to them, in one transaction, so it happens completely or not at
 * all. Better Auth's delete-user endpoint calls this (lib/auth/auth.ts) after checking the
 * password; its own deletes that follow find nothing left.
 *
 * Kept: everything that belongs to an organisation. Assessments (submitted, and drafts the person
 * was working on) never recorded the person. Activity-log events stay, but lose the person: the
 * link is set null, and their name and address are replaced in the words of the entries.
 * Deleted: the person, their sign-in methods, sessions, memberships and requests to join (by
 * cascade), invitations sent to their address, pending password-reset tokens, outbox emails to them,
 * and requests for a council's account made from their address.
 */
export async function erasePerson(userId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { name: true, email: true, memberships: { select: { organisationId: true } } },
    });
    if (!user) return;
    const organisationIds = user.memberships.map((m) => m.organisationId).sort();
    // Serialises with role changes and removals (lib/services/members.ts), so the last-administrator
    // check below cannot race with another administrator stepping down.
    for (const id of organisationIds) {
      await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${id} FOR UPDATE`;
    }
    const blocked = blockerMessage(await soleAdminOf(tx, userId));
    if (blocked) throw new RuleError(blocked);

    await forgetInActivityLog(tx, userId, user);
    await tx.auditEvent.updateMany({ where: { userId }, data: { userId: null, formerMember: true } });
    for (const organisationId of organisationIds) {
      await recordAudit(
        {
          organisationId,
          userId: null,
          formerMember: true,
          action: AUDIT_ACTIONS.accountDeleted,
          summary: "A member deleted their account",
        },
        tx,
      );
    }

    const address = { equals: user.email, mode: "insensitive" as const };
    await tx.invitation.deleteMany({ where: { OR: [{ email: address }, { acceptedById: userId }] } });
    await tx.invitation.updateMany({ where: { invitedById: userId }, data: { invitedById: null } });
    // The organisation's report keys stay; only the link to who made them goes.
    await tx.apiToken.updateMany({ where: { createdById: userId }, data: { createdById: null } });
    await tx.verification.deleteMany({ where: { value: userId } });
    await tx.outboxMessage.deleteMany({ where: { to: address } });
    await tx.accountRequest.deleteMany({ where: { email: address } });
    await tx.accountRequest.updateMany({ where: { decidedById: userId }, data: { decidedById: null } });
    await tx.joinRequest.updateMany({ where: { decidedById: userId }, data: { decidedById: null } });
    await tx.likelyMatch.updateMany({ where: { decidedById: userId }, data: { decidedById: null } });
    // Sessions, sign-in methods, memberships and requests to join go with the person (ON DELETE CASCADE).
    await tx.user.delete({ where: { id: userId } });
  });
}

/**
 * Entries' words can name the person: "Asha Patel signed in", "Made Asha Patel an administrator",
 * "Invited asha@… to rate …". The address is replaced wherever it appears (it is unique); the name
 * only in the person's own entries and in membership events, where it is theirs and not a namesake's.
 */
async function forgetInActivityLog(tx: Tx, userId: string, user: { name: string; email: string }) {
  const rows = await tx.auditEvent.findMany({
    where: {
      OR: [
        { summary: { contains: user.email, mode: "insensitive" } },
        {
          summary: { contains: user.name, mode: "insensitive" },
          OR: [{ userId }, { action: { startsWith: "member." } }],
        },
      ],
    },
    select: { id: true, userId: true, action: true, summary: true },
  });
  for (const row of rows) {
    let summary = replaceIgnoringCase(row.summary, user.email, REMOVED_ADDRESS);
    if (row.userId === userId || row.action.startsWith("member.")) {
      summary = replaceIgnoringCase(summary, user.name, FORMER_MEMBER);
    }
    summary = summary.charAt(0).toUpperCase() + summary.slice(1);
    if (summary !== row.summary) await tx.auditEvent.update({ where: { id: row.id }, data: { summary } });
  }
}
