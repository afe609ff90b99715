import "server-only";
import { db } from "@/lib/db/client";
import type { MemberRole, OrganisationType } from "@/lib/generated/prisma/enums";
import { isRecordId } from "@/lib/ids";

export interface MembershipSummary {
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
  role: MemberRole;
}

/** The organisations a person belongs to, by name. */
export async function listMemberships(userId: string): Promise<MembershipSummary[]> {
  const rows = await db().membership.findMany({
    where: { userId },
    select: { role: true, organisation: { select: { id: true, name: true, type: true } } },
    orderBy: { organisation: { name: "asc" } },
  });
  return rows.map((row) => ({
    organisationId: row.organisation.id,
    organisationName: row.organisation.name,
    organisationType: row.organisation.type,
    role: row.role,
  }));
}

/**
 * Makes a session act for one of its person's organisations. The membership is part of the
 * update's condition (one UPDATE … WHERE EXISTS, not a read then a write), so a session is never
 * pointed at an organisation its person has left. A removal committing while this statement runs
 * can still slip past it (the EXISTS reads the statement's snapshot); that is harmless, because
 * currentActor (lib/auth/actor.ts) acts only through a membership it reads on every request.
 */
export async function switchOrganisation(
  sessionId: string,
  userId: string,
  organisationId: string,
): Promise<boolean> {
  if (!isRecordId(organisationId)) return false;
  const updated = await db().session.updateMany({
    where: { id: sessionId, userId, user: { memberships: { some: { organisationId } } } },
    data: { activeOrganisationId: organisationId },
  });
  return updated.count === 1;
}

/** The name of the organisation a person most recently became an administrator of, for a welcome email. */
export async function newestAdministeredOrganisation(email: string): Promise<string | null> {
  const row = await db().membership.findFirst({
    where: { role: "ADMIN", user: { email: { equals: email, mode: "insensitive" } } },
    orderBy: { createdAt: "desc" },
    select: { organisation: { select: { name: true } } },
  });
  return row?.organisation.name ?? null;
}
