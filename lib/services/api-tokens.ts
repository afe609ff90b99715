import "server-only";
import { assertCan } from "@/lib/access/capabilities";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { requireRecordIds } from "@/lib/ids";
import { hashToken, newToken } from "@/lib/invitations/tokens";
import { AUDIT_ACTIONS, recordAudit } from "./audit";

/**
 * Read-only keys for the JSON reports, so an organisation's analysts can fetch figures from a
 * script. A key acts for its organisation exactly as a signed-in member would see reports; it can
 * change nothing. Only its hash is kept: the key is shown once, when it is made.
 */

export const API_TOKEN_PREFIX = "cw_";

function requireAdmin(actor: Actor) {
  assertCan(actor, "administerOrganisation", "Only your organisation's administrators can manage API keys.");
}

export async function createApiToken(actor: Actor, name: string): Promise<{ id: string; token: string }> {
  requireAdmin(actor);
  const { token, tokenHash } = newToken();
  const created = await db().apiToken.create({
    data: { organisationId: actor.organisationId, name, tokenHash, createdById: actor.userId },
    select: { id: true },
  });
  await recordAudit({
    organisationId: actor.organisationId,
    userId: actor.userId,
    action: AUDIT_ACTIONS.apiToken,
    summary: `Created the API key “${name}”`,
  });
  return { id: created.id, token: `${API_TOKEN_PREFIX}${token}` };
}

export async function listApiTokens(actor: Actor) {
  requireAdmin(actor);
  return db().apiToken.findMany({
    where: { organisationId: actor.organisationId },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiToken(actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  requireRecordIds(id);
  const revoked = await db().apiToken.updateMany({
    where: { id, organisationId: actor.organisationId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (revoked.count === 0) throw new NotFoundError();
  await recordAudit({
    organisationId: actor.organisationId,
    userId: actor.userId,
    action: AUDIT_ACTIONS.apiToken,
    summary: "Revoked an API key",
  });
}

/** The organisation a presented key acts for, or null for an unknown or revoked key. */
export async function actorForApiToken(presented: string, now = new Date()): Promise<Actor | null> {
  if (!presented.startsWith(API_TOKEN_PREFIX)) return null;
  const row = await db().apiToken.findFirst({
    where: { tokenHash: hashToken(presented.slice(API_TOKEN_PREFIX.length)), revokedAt: null },
    select: { id: true, organisation: { select: { id: true, name: true, type: true } } },
  });
  if (!row) return null;
  await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  return {
    organisationId: row.organisation.id,
    organisationName: row.organisation.name,
    organisationType: row.organisation.type,
    userId: null,
    role: null,
  };
}
