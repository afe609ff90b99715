import "server-only";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { joinDecisionEmail, joinRequestEmail, memberJoinedEmail } from "@/lib/email/membership-templates";
import { privacyNoticeUrl, sendEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireRecordIds } from "@/lib/ids";
import { AUDIT_ACTIONS, recordAudit } from "./audit";
import { asAdmin, assertAdmin } from "./members";
import { assertMayJoin } from "./separation";

/**
 * Joining an organisation is the organisation's own decision. Anyone may become the first
 * administrator of an organisation nobody belongs to yet (by accepting an invitation to answer for
 * it); after that a newcomer only asks, and the organisation's administrators approve or decline.
 * Every join, however it happens, is told to the administrators by email and on the members page.
 */

type Tx = Prisma.TransactionClient;

const membersUrl = () => `${env().APP_URL}/account/members`;

export interface PendingJoin {
  organisationId: string;
  organisationName: string;
  userId: string;
}

/**
 * Inside the caller's transaction, with the organisation locked: records a person's request to join
 * (once; asking again while a request waits changes nothing). Returns what to email after commit.
 */
export async function askToJoin(
  tx: Tx,
  input: { organisationId: string; userId: string; reason: string },
): Promise<{ created: boolean }> {
  await assertMayJoin(tx, input.userId, input.organisationId);
  const waiting = await tx.joinRequest.findFirst({
    where: { organisationId: input.organisationId, userId: input.userId, decidedAt: null },
    select: { id: true },
  });
  if (waiting) return { created: false };
  await tx.joinRequest.create({ data: input });
  await recordAudit(
    {
      organisationId: input.organisationId,
      userId: input.userId,
      action: AUDIT_ACTIONS.joinRequested,
      summary: `Asked to join. ${input.reason}`,
    },
    tx,
  );
  return { created: true };
}

async function adminAddresses(organisationId: string, except?: string): Promise<string[]> {
  const admins = await db().membership.findMany({
    where: { organisationId, role: "ADMIN", ...(except ? { userId: { not: except } } : {}) },
    select: { user: { select: { email: true } } },
  });
  return admins.map((a) => a.user.email);
}

/**
 * Tells someone by email. What was decided stands whether or not the email goes: the members page
 * shows it too, so a mail server that is down is logged rather than turned into an error.
 */
async function notify(to: string, content: ReturnType<typeof joinRequestEmail>) {
  try {
    await sendEmail({ to, ...content });
  } catch (error) {
    console.error("membership email could not be sent", { error });
  }
}

async function organisationAndPerson(organisationId: string, userId: string) {
  const [organisation, person] = await Promise.all([
    db().organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } }),
    db().user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } }),
  ]);
  return { organisation, person };
}

/** After a request was recorded: every administrator is asked to decide. */
export async function emailJoinRequest(input: { organisationId: string; userId: string; reason: string }) {
  const { organisation, person } = await organisationAndPerson(input.organisationId, input.userId);
  for (const to of await adminAddresses(input.organisationId)) {
    await notify(
      to,
      joinRequestEmail({
        organisationName: organisation.name,
        personName: person.name,
        personEmail: person.email,
        reason: input.reason,
        url: membersUrl(),
        privacyUrl: privacyNoticeUrl(),
      }),
    );
  }
}

/** After someone joined: every administrator hears of it (but the one who let them in, who knows). */
export async function emailMemberJoined(input: {
  organisationId: string;
  userId: string;
  how: string;
  approvedBy?: string;
}) {
  const { organisation, person } = await organisationAndPerson(input.organisationId, input.userId);
  for (const to of await adminAddresses(input.organisationId, input.approvedBy)) {
    if (to === person.email) continue;
    await notify(
      to,
      memberJoinedEmail({
        organisationName: organisation.name,
        personName: person.name,
        personEmail: person.email,
        how: input.how,
        url: membersUrl(),
        privacyUrl: privacyNoticeUrl(),
      }),
    );
  }
}

export interface JoinRequestView {
  id: string;
  name: string;
  email: string;
  reason: string;
  askedAt: Date;
}

/** Requests waiting for the actor's organisation, oldest first: for its administrators. */
export async function listJoinRequests(actor: Actor): Promise<JoinRequestView[]> {
  assertAdmin(actor);
  const rows = await db().joinRequest.findMany({
    where: { organisationId: actor.organisationId, decidedAt: null },
    select: { id: true, reason: true, createdAt: true, user: { select: { name: true, email: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.user.name,
    email: r.user.email,
    reason: r.reason,
    askedAt: r.createdAt,
  }));
}

/** The requests a person is waiting on, for their account page. */
export async function listOwnJoinRequests(userId: string) {
  return db().joinRequest.findMany({
    where: { userId, decidedAt: null },
    select: { id: true, createdAt: true, organisation: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * An administrator approves or declines a request to join their organisation. Approving checks the
 * separation of roles again: the person may have joined a prime or a partner since they asked.
 */
export async function decideJoinRequest(
  actor: Actor,
  requestId: string,
  approve: boolean,
  now = new Date(),
): Promise<{ name: string; approved: boolean }> {
  requireRecordIds(requestId);
  assertAdmin(actor);
  const decided = await asAdmin(actor, async (tx) => {
    const request = await tx.joinRequest.findFirst({
      where: { id: requestId, organisationId: actor.organisationId, decidedAt: null },
      select: { id: true, userId: true, user: { select: { name: true } } },
    });
    if (!request) throw new NotFoundError();
    const approver = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
    await tx.joinRequest.update({
      where: { id: request.id },
      data: { decidedAt: now, approved: approve, decidedById: actor.userId },
    });
    if (approve) {
      await assertMayJoin(tx, request.userId, actor.organisationId);
      const already = await tx.membership.findUnique({
        where: { userId_organisationId: { userId: request.userId, organisationId: actor.organisationId } },
        select: { id: true },
      });
      if (!already) {
        await tx.membership.create({
          data: { userId: request.userId, organisationId: actor.organisationId, role: "MEMBER" },
        });
      }
    }
    await recordAudit(
      {
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: approve ? AUDIT_ACTIONS.memberJoined : AUDIT_ACTIONS.joinDeclined,
        summary: approve
          ? `${request.user.name} joined, approved by ${approver.name}`
          : `Declined ${request.user.name}'s request to join`,
      },
      tx,
    );
    return { userId: request.userId, name: request.user.name, approver: approver.name };
  });

  const person = await db().user.findUniqueOrThrow({
    where: { id: decided.userId },
    select: { email: true },
  });
  await notify(
    person.email,
    joinDecisionEmail({
      organisationName: actor.organisationName,
      approved: approve,
      url: `${env().APP_URL}/dashboard`,
      privacyUrl: privacyNoticeUrl(),
    }),
  );
  if (approve) {
    await emailMemberJoined({
      organisationId: actor.organisationId,
      userId: decided.userId,
      how: `Approved by ${decided.approver}`,
      approvedBy: actor.userId,
    });
  }
  return { name: decided.name, approved: approve };
}

export interface RecentJoin {
  summary: string;
  at: Date;
}

/** Joins to the actor's organisation in the last `days` days, newest first, from its activity log. */
export async function recentJoins(actor: Actor, days = 90, now = new Date()): Promise<RecentJoin[]> {
  assertAdmin(actor);
  const rows = await db().auditEvent.findMany({
    where: {
      organisationId: actor.organisationId,
      action: AUDIT_ACTIONS.memberJoined,
      createdAt: { gte: new Date(now.getTime() - days * 86_400_000) },
    },
    select: { summary: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
  });
  return rows.map((r) => ({ summary: r.summary, at: r.createdAt }));
}
