import "server-only";
import { contractsInvitingBy, ON_ROSTER, openAt } from "@/lib/access/scopes";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { privacyNoticeUrl, sendEmail } from "@/lib/email/send";
import { invitationEmail, selfAssessmentInvitationEmail } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import { framework, type Perspective } from "@/lib/framework";
import { isRecordId, requireRecordIds } from "@/lib/ids";
import { expiryFor, newToken, normaliseEmail } from "@/lib/invitations/tokens";
import { commissionerProgrammeSelect, programmeFor } from "@/lib/questionnaire/who-sees";
import { toDbPerspective } from "@/lib/services/assessments";
import { AUDIT_ACTIONS, recordAudit } from "@/lib/services/audit";

/**
 * Emailed invitations to answer: a partner's contact to rate its prime, or a prime's contact to
 * assess itself. The token is the only credential (see lib/invitations/tokens.ts): single use, and
 * expiring at the latest when the rating cycle closes.
 */

export { INVITATION_DAYS, type InvitationState } from "@/lib/invitations/tokens";

/** The link in the email. The token appears here and nowhere else: never log it. */
export const invitationUrl = (token: string) => `${env().APP_URL}/invitations/${token}`;

// ---------------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------------

export interface NewInvitation {
  contractId: string;
  primeId: string;
  organisationId: string;
  email: string;
  perspective: Perspective;
}

export interface SentInvitation {
  id: string;
  email: string;
  expiresAt: Date;
}

/**
 * Invites one person to answer for an organisation, and emails them the link. The commissioner may
 * invite for any prime on its contract (partners on the roster, or the prime itself); a prime only
 * partners on its own roster. Inviting the same address again replaces a pending invitation.
 */
export async function createInvitation(
  actor: Actor,
  input: NewInvitation,
  now = new Date(),
): Promise<SentInvitation> {
  // Demo visitors have no account: letting them send real email would make the demo a spam relay.
  if (actor.userId === null && env().EMAIL_TRANSPORT !== "outbox") {
    throw new ForbiddenError("Sign in to send invitations. Demo visitors cannot send email.");
  }
  requireRecordIds(input.contractId, input.primeId, input.organisationId);
  const award = await db().contractPrime.findFirst({
    where: { contractId: input.contractId, primeId: input.primeId, contract: contractsInvitingBy(actor) },
    select: {
      contract: {
        select: {
          id: true,
          title: true,
          commissionerId: true,
          commissioner: { select: commissionerProgrammeSelect },
        },
      },
      prime: { select: { id: true, name: true } },
    },
  });
  if (!award) throw new NotFoundError();
  const isCommissioner = award.contract.commissionerId === actor.organisationId;
  if (!isCommissioner && actor.organisationId !== input.primeId) {
    throw new ForbiddenError("You can only invite partners in your own supply chain.");
  }

  let organisationName: string;
  if (input.perspective === "prime") {
    if (!isCommissioner) throw new ForbiddenError("Only the commissioner can ask a prime to assess itself.");
    if (input.organisationId !== input.primeId) throw new ForbiddenError();
    organisationName = award.prime.name;
  } else {
    const member = await db().supplyChainMember.findFirst({
      where: {
        contractId: input.contractId,
        primeId: input.primeId,
        organisationId: input.organisationId,
        ...ON_ROSTER,
      },
      select: { organisation: { select: { name: true } } },
    });
    if (!member) {
      throw new RuleError(
        `That organisation is not on the list of partners who rate ${award.prime.name} on this contract.`,
      );
    }
    organisationName = member.organisation.name;
  }

  const cycle = await db().cycle.findFirst({
    where: { contractId: input.contractId, ...openAt(now) },
    orderBy: { opensAt: "desc" },
    select: { closesAt: true },
  });
  if (!cycle) {
    throw new RuleError(
      "No rating cycle is open on this contract, so there is nothing to invite anyone to yet.",
    );
  }

  const email = normaliseEmail(input.email);
  const expiresAt = expiryFor(now, cycle.closesAt);
  const { token, tokenHash } = newToken();
  const id = await db().$transaction(async (tx) => {
    // A new invitation to the same person for the same answer replaces the old one: its link stops working.
    await tx.invitation.deleteMany({
      where: {
        contractId: input.contractId,
        primeId: input.primeId,
        organisationId: input.organisationId,
        email: { equals: email, mode: "insensitive" },
        acceptedAt: null,
      },
    });
    const created = await tx.invitation.create({
      data: {
        tokenHash,
        email,
        organisationId: input.organisationId,
        contractId: input.contractId,
        primeId: input.primeId,
        perspective: toDbPerspective(input.perspective),
        invitedByOrgId: actor.organisationId,
        invitedById: actor.userId,
        expiresAt,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: AUDIT_ACTIONS.invited,
        summary:
          input.perspective === "prime"
            ? `Invited ${email} to assess ${award.prime.name} on “${award.contract.title}”`
            : `Invited ${email} of ${organisationName} to rate ${award.prime.name} on “${award.contract.title}”`,
      },
      tx,
    );
    return created.id;
  });

  const details = {
    primeName: award.prime.name,
    contractTitle: award.contract.title,
    url: invitationUrl(token),
    expiresAt,
    invitedBy: actor.organisationName,
    privacyUrl: privacyNoticeUrl(),
  };
  const programme = programmeFor({
    prime: award.prime.name,
    commissioner: award.contract.commissioner,
    closesAt: cycle.closesAt,
    frameworkMinimum: framework.minResponses,
  });
  await sendEmail({
    to: email,
    ...(input.perspective === "prime"
      ? selfAssessmentInvitationEmail(details)
      : invitationEmail({ ...details, programme })),
  });
  return { id, email, expiresAt };
}

// ---------------------------------------------------------------------------------------------
// What the inviting side sees
// ---------------------------------------------------------------------------------------------

export interface InviteOptions {
  contract: { id: string; title: string; reference: string };
  /** True for the contract's commissioner; false for one of its primes. */
  commissioner: boolean;
  cycle: { name: string; closesAt: Date } | null;
  /** The primes the actor may invite for, each with the partners on its rating roster. */
  primes: {
    id: string;
    name: string;
    lot: string | null;
    /** The commissioner may ask the prime itself for a self-assessment. */
    canInviteSelf: boolean;
    partners: { id: string; name: string }[];
  }[];
}

/** What the invite form offers this actor on one contract. Anyone else: "not found". */
export async function getInviteOptions(
  actor: Actor,
  contractId: string,
  now = new Date(),
): Promise<InviteOptions> {
  requireRecordIds(contractId);
  const contract = await db().contract.findFirst({
    where: { id: contractId, ...contractsInvitingBy(actor) },
    select: {
      id: true,
      title: true,
      reference: true,
      commissionerId: true,
      primes: {
        select: { lot: true, prime: { select: { id: true, name: true } } },
        orderBy: [{ lot: "asc" }, { prime: { name: "asc" } }],
      },
      cycles: {
        where: openAt(now),
        orderBy: { opensAt: "desc" },
        take: 1,
        select: { name: true, closesAt: true },
      },
    },
  });
  if (!contract) throw new NotFoundError();
  const commissioner = contract.commissionerId === actor.organisationId;
  const primes = contract.primes.filter((p) => commissioner || p.prime.id === actor.organisationId);
  const roster = await db().supplyChainMember.findMany({
    where: { contractId, primeId: { in: primes.map((p) => p.prime.id) }, ...ON_ROSTER },
    select: { primeId: true, organisation: { select: { id: true, name: true } } },
    orderBy: { organisation: { name: "asc" } },
  });
  return {
    contract: { id: contract.id, title: contract.title, reference: contract.reference },
    commissioner,
    cycle: contract.cycles[0] ?? null,
    primes: primes.map((p) => ({
      id: p.prime.id,
      name: p.prime.name,
      lot: p.lot,
      canInviteSelf: commissioner,
      partners: roster.filter((r) => r.primeId === p.prime.id).map((r) => r.organisation),
    })),
  };
}

/**
 * The address of an invitation the actor's organisation has just sent, for the "sent" banner. Only
 * the address: nothing that changes later (expiry moves when a reminder goes out) may show.
 */
export async function sentInvitationAddress(actor: Actor, id: string): Promise<string | null> {
  if (!isRecordId(id)) return null;
  const row = await db().invitation.findFirst({
    where: { id, invitedByOrgId: actor.organisationId },
    select: { email: true },
  });
  return row?.email ?? null;
}
