import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { ForbiddenError, RuleError } from "@/lib/errors";
import type { Perspective } from "@/lib/framework";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MemberRole, OrganisationType } from "@/lib/generated/prisma/enums";
import { hashToken, type InvitationState, isTokenShaped, sameEmail, stateOf } from "@/lib/invitations/tokens";
import { fromDbPerspective, startOrResume } from "@/lib/services/assessments";
import { AUDIT_ACTIONS, recordAudit } from "@/lib/services/audit";
import { openCycleWhere } from "@/lib/services/invitations";
import { switchOrganisation } from "@/lib/services/memberships";

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
  expiresAt: Date;
}

const viewSelect = {
  id: true,
  email: true,
  primeId: true,
  perspective: true,
  expiresAt: true,
  acceptedAt: true,
  createdAt: true,
  organisation: { select: { id: true, name: true, type: true } },
  contract: { select: { id: true, title: true } },
} satisfies Prisma.InvitationSelect;

/** The invitation a link names, or null for a link that names none. The token is looked up only by its hash. */
export async function findInvitation(token: string, now = new Date()): Promise<InvitationView | null> {
  if (!isTokenShaped(token)) return null;
  const row = await db().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: viewSelect,
  });
  if (!row) return null;
  const [prime, cycle] = await Promise.all([
    db().organisation.findUnique({ where: { id: row.primeId }, select: { id: true, name: true } }),
    // The cycle the invitation was sent in: invitations are only sent while one is open.
    db().cycle.findFirst({
      where: openCycleWhere(row.contract.id, row.createdAt),
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
    organisation: row.organisation,
    prime,
    contract: row.contract,
    cycle,
    expiresAt: row.expiresAt,
  };
}

export interface AcceptingUser {
  id: string;
  email: string;
  sessionId: string;
}

/**
 * Accepts an invitation for the signed-in person whose address it was sent to: they join the
 * organisation (its administrator if they are the first), their session acts for it, and their
 * assessment starts (or resumes). Returns the assessment's id. Works once: the acceptance is a
 * conditional update, so of two accepts at the same moment exactly one succeeds.
 */
export async function acceptInvitation(
  token: string,
  user: AcceptingUser,
  now = new Date(),
): Promise<string> {
  const invitation = await findInvitation(token, now);
  if (!invitation || invitation.state === "accepted") throw new RuleError(UNUSABLE_MESSAGE);
  if (invitation.state === "expired") throw new RuleError(EXPIRED_MESSAGE);
  if (!sameEmail(invitation.email, user.email)) throw new ForbiddenError(WRONG_EMAIL_MESSAGE);
  const { organisation, prime, contract, perspective } = invitation;

  const role = await db().$transaction(async (tx): Promise<MemberRole> => {
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, tokenHash: hashToken(token), acceptedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now, acceptedById: user.id },
    });
    if (claimed.count === 0) throw new RuleError(UNUSABLE_MESSAGE);
    // The roster may have changed since the invitation was sent.
    if (perspective === "subcontractor") {
      const onRoster = await tx.supplyChainMember.findFirst({
        where: { contractId: contract.id, primeId: prime.id, organisationId: organisation.id, canRate: true },
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
    const existing = await tx.membership.findUnique({
      where: { userId_organisationId: { userId: user.id, organisationId: organisation.id } },
      select: { role: true },
    });
    let joinedAs: MemberRole;
    if (existing) {
      joinedAs = existing.role;
    } else {
      const members = await tx.membership.count({ where: { organisationId: organisation.id } });
      joinedAs = members === 0 ? "ADMIN" : "MEMBER";
      await tx.membership.create({
        data: { userId: user.id, organisationId: organisation.id, role: joinedAs },
      });
    }
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
    return joinedAs;
  });

  await switchOrganisation(user.sessionId, user.id, organisation.id);
  const actor: Actor = {
    organisationId: organisation.id,
    organisationName: organisation.name,
    organisationType: organisation.type,
    userId: user.id,
    role,
  };
  return startOrResume(actor, { contractId: contract.id, primeId: prime.id, perspective }, now);
}
