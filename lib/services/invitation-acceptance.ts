import "server-only";
import { ON_ROSTER, openAt } from "@/lib/access/scopes";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { ForbiddenError, RuleError } from "@/lib/errors";
import { framework, type Perspective } from "@/lib/framework";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MemberRole, OrganisationType } from "@/lib/generated/prisma/enums";
import { hashToken, type InvitationState, isTokenShaped, sameEmail, stateOf } from "@/lib/invitations/tokens";
import { commissionerProgrammeSelect, type Programme, programmeFor } from "@/lib/questionnaire/who-sees";
import { fromDbPerspective, startOrResume } from "@/lib/services/assessments";
import { AUDIT_ACTIONS, recordAudit } from "@/lib/services/audit";
import { askToJoin, emailJoinRequest } from "@/lib/services/join-requests";
import { switchOrganisation } from "@/lib/services/memberships";
import { assertMayJoin } from "@/lib/services/separation";

/**
 * The invited side: what a link shows, and accepting it. No actor here: the person may belong to no
 * organisation yet, and the token (looked up only by its hash) is what entitles them.
 */

export { sameEmail } from "@/lib/invitations/tokens";

/** What a refused accept says. Unknown and used links get the same words, so tokens cannot be probed. */
export const UNUSABLE_MESSAGE =
  "This invitation link has already been used, or it is not a valid link. If you were sent a newer email, use the link in that one.";
export const EXPIRED_MESSAGE = "This invitation has expired. Ask whoever invited you to send a new one.";
export const WRONG_EMAIL_MESSAGE =
  "This invitation was sent to a different email address. Sign out, then sign in or create an account with the address the invitation was sent to.";

export interface InvitationView {
  id: string;
  state: InvitationState;
  /** For comparing with the signed-in person's address; pages do not show it. */
  email: string;
  perspective: Perspective;
  organisation: { id: string; name: string; type: OrganisationType };
  prime: { id: string; name: string };
  contract: { id: string; title: string };
  cycle: { name: string; closesAt: Date } | null;
  /** What a partner is told about who reads its answers: the programme's thresholds, the close. */
  programme: Programme;
  expiresAt: Date;
  /** Who sent it. */
  invitedBy: string;
  /** Whether the organisation already has members, whose administrators must then let the invitee in. */
  organisationHasMembers: boolean;
}

const viewSelect = {
  id: true,
  email: true,
  primeId: true,
  perspective: true,
  expiresAt: true,
  acceptedAt: true,
  createdAt: true,
  invitedByOrgId: true,
  organisation: { select: { id: true, name: true, type: true, _count: { select: { members: true } } } },
  contract: { select: { id: true, title: true, commissioner: { select: commissionerProgrammeSelect } } },
} satisfies Prisma.InvitationSelect;

/** The invitation a link names, or null for a link that names none. The token is looked up only by its hash. */
export async function findInvitation(token: string, now = new Date()): Promise<InvitationView | null> {
  if (!isTokenShaped(token)) return null;
  const row = await db().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: viewSelect,
  });
  if (!row) return null;
  const [prime, inviter, cycle] = await Promise.all([
    db().organisation.findUnique({ where: { id: row.primeId }, select: { id: true, name: true } }),
    db().organisation.findUnique({ where: { id: row.invitedByOrgId }, select: { name: true } }),
    // The cycle the invitation was sent in: invitations are only sent while one is open.
    db().cycle.findFirst({
      where: { contractId: row.contract.id, ...openAt(row.createdAt) },
      orderBy: { opensAt: "desc" },
      select: { name: true, closesAt: true },
    }),
  ]);
  if (!prime) return null;
  return {
    id: row.id,
    state: stateOf(row, now),
    email: row.email,
    perspective: fromDbPerspective(row.perspective),
    organisation: { id: row.organisation.id, name: row.organisation.name, type: row.organisation.type },
    prime,
    contract: { id: row.contract.id, title: row.contract.title },
    cycle,
    programme: programmeFor({
      prime: prime.name,
      commissioner: row.contract.commissioner,
      closesAt: cycle?.closesAt ?? null,
      frameworkMinimum: framework.minResponses,
    }),
    expiresAt: row.expiresAt,
    invitedBy: inviter?.name ?? "Chainwise",
    organisationHasMembers: row.organisation._count.members > 0,
  };
}

export interface AcceptingUser {
  id: string;
  email: string;
  sessionId: string;
}

/** What came of accepting: answering at once, or waiting for the organisation's administrators. */
export type AcceptOutcome =
  | { kind: "answering"; assessmentId: string }
  | { kind: "asked"; organisationName: string };

/**
 * Accepts an invitation for the signed-in person whose address it was sent to. An organisation
 * nobody belongs to yet gets them as its first administrator, and their assessment starts (or
 * resumes). An organisation that already has members decides for itself: the person only asks to
 * join, and its administrators are emailed (lib/services/join-requests.ts). Either way nobody joins
 * both sides of a supply chain (lib/services/separation.ts). Works once: the acceptance is a
 * conditional update, so of two accepts at the same moment exactly one succeeds.
 */
export async function acceptInvitation(
  token: string,
  user: AcceptingUser,
  now = new Date(),
): Promise<AcceptOutcome> {
  const invitation = await findInvitation(token, now);
  if (!invitation || invitation.state === "accepted") throw new RuleError(UNUSABLE_MESSAGE);
  if (invitation.state === "expired") throw new RuleError(EXPIRED_MESSAGE);
  if (!sameEmail(invitation.email, user.email)) throw new ForbiddenError(WRONG_EMAIL_MESSAGE);
  const { organisation, prime, contract, perspective } = invitation;
  const reason = `Invited by ${invitation.invitedBy} to ${perspective === "prime" ? "assess" : "rate"} ${prime.name} on “${contract.title}”`;

  const joined = await db().$transaction(async (tx): Promise<{ role: MemberRole } | { asked: boolean }> => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, tokenHash: hashToken(token), acceptedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now, acceptedById: user.id },
    });
    if (claimed.count === 0) throw new RuleError(UNUSABLE_MESSAGE);
    // The roster may have changed since the invitation was sent.
    if (perspective === "subcontractor") {
      const onRoster = await tx.supplyChainMember.findFirst({
        where: { contractId: contract.id, primeId: prime.id, organisationId: organisation.id, ...ON_ROSTER },
        select: { id: true },
      });
      if (!onRoster) {
        throw new RuleError(
          `${organisation.name} is no longer on the list of partners who rate ${prime.name}. Ask whoever invited you.`,
        );
      }
    }
    // Serialises joins to one organisation, so two first-comers cannot both become its administrator.
    await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${organisation.id} FOR UPDATE`;
    await recordAudit(
      {
        organisationId: organisation.id,
        userId: user.id,
        action: AUDIT_ACTIONS.accepted,
        summary:
          perspective === "prime"
            ? `Accepted an invitation to assess ${prime.name} on “${contract.title}”`
            : `Accepted an invitation to rate ${prime.name} on “${contract.title}”`,
      },
      tx,
    );
    const existing = await tx.membership.findUnique({
      where: { userId_organisationId: { userId: user.id, organisationId: organisation.id } },
      select: { role: true },
    });
    if (existing) return { role: existing.role };
    const members = await tx.membership.count({ where: { organisationId: organisation.id } });
    if (members > 0) {
      const { created } = await askToJoin(tx, { organisationId: organisation.id, userId: user.id, reason });
      return { asked: created };
    }
    await assertMayJoin(tx, user.id, organisation.id);
    await tx.membership.create({ data: { userId: user.id, organisationId: organisation.id, role: "ADMIN" } });
    const person = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } });
    await recordAudit(
      {
        organisationId: organisation.id,
        userId: user.id,
        action: AUDIT_ACTIONS.memberJoined,
        summary: `${person.name} joined as the first administrator. ${reason}`,
      },
      tx,
    );
    return { role: "ADMIN" };
  });

  if ("asked" in joined) {
    if (joined.asked) await emailJoinRequest({ organisationId: organisation.id, userId: user.id, reason });
    return { kind: "asked", organisationName: organisation.name };
  }
  await switchOrganisation(user.sessionId, user.id, organisation.id);
  const actor: Actor = {
    organisationId: organisation.id,
    organisationName: organisation.name,
    organisationType: organisation.type,
    userId: user.id,
    role: joined.role,
  };
  const assessmentId = await startOrResume(
    actor,
    { contractId: contract.id, primeId: prime.id, perspective },
    now,
  );
  return { kind: "answering", assessmentId };
}
