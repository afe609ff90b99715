import "server-only";
import { assertCan } from "@/lib/access/capabilities";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export const AUDIT_ACTIONS = {
  signIn: "sign-in",
  submitted: "assessment.submitted",
  roleChanged: "member.role-changed",
  memberRemoved: "member.removed",
  memberJoined: "member.joined",
  joinRequested: "member.join-requested",
  joinDeclined: "member.join-declined",
  organisationCreated: "organisation.created",
  accountDeleted: "member.account-deleted",
  draftRemoved: "retention.draft-removed",
  invited: "invitation.sent",
  accepted: "invitation.accepted",
  exported: "report.exported",
  apiToken: "api-token",
  released: "release.published",
  thresholdsRaised: "release.thresholds-raised",
  identifierAdded: "organisation.identifier-added",
  actionStatus: "action.status-changed",
  actionAgreed: "action.agreed",
  actionDone: "action.done",
  verdict: "verification.verdict",
  reviewResponse: "verification.response",
  levelConfirmed: "level.confirmed",
  organisationMerged: "organisation.merged",
  likelyMatchDecided: "organisation.likely-match-decided",
  evidenceRemoved: "evidence.removed",
} as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];

export interface AuditInput {
  organisationId: string | null;
  userId: string | null;
  /** Set when the person has deleted their account (the event outlives them). */
  formerMember?: boolean;
  action: AuditAction;
  /** Plain words for the organisation's admins. Never the content of answers. */
  summary: string;
}

type Writer = Pick<Prisma.TransactionClient, "auditEvent">;

/** Records who did what. Pass the transaction when the event belongs to one, so both land or neither. */
export async function recordAudit(input: AuditInput, writer: Writer = db()): Promise<void> {
  await writer.auditEvent.create({ data: input });
}

export interface AuditEntry {
  id: string;
  action: string;
  summary: string;
  createdAt: Date;
  person: string;
}

/** An organisation's log, newest first: for its admins only. */
export async function listAudit(actor: Actor, limit = 200): Promise<AuditEntry[]> {
  assertCan(actor, "administerOrganisation", "Only your organisation's administrators can see its activity.");
  const rows = await db().auditEvent.findMany({
    where: { organisationId: actor.organisationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, action: true, summary: true, createdAt: true, userId: true, formerMember: true },
  });
  const userIds = [...new Set(rows.map((r) => r.userId).filter((id): id is string => id !== null))];
  const users = await db().user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true },
  });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    summary: r.summary,
    createdAt: r.createdAt,
    person: personLabel(r, names),
  }));
}

/** Who to show for an entry: the person's name, or what kind of actor it was when there is no person. */
function personLabel(
  row: { userId: string | null; formerMember: boolean; action: string },
  names: Map<string, string>,
): string {
  if (row.userId) return names.get(row.userId) ?? "A former member";
  if (row.formerMember) return "A former member";
  if (row.action.startsWith("retention.")) return "Chainwise (data retention)";
  return "Someone using the demo";
}
