import "server-only";
import { db } from "@/lib/db/client";
import { accountRequestDeclinedEmail, accountRequestEmail } from "@/lib/email/membership-templates";
import { privacyNoticeUrl, sendEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import { requireRecordIds } from "@/lib/ids";
import { normaliseEmail } from "@/lib/invitations/tokens";
import type { AccountRequestInput } from "@/lib/onboarding/forms";
import { createOrganisationWithAdmin, isOperator } from "./operators";
import { allowAttempt } from "./rate-limits";

/**
 * A council asks for a commissioner account on /request-account; an operator approves or declines
 * it on /operator/requests. Approval makes the organisation and emails its first administrator a
 * link to choose a password (lib/services/operators.ts).
 */

export const TOO_MANY_REQUESTS = "Too many requests from your connection. Try again in an hour.";

/** Records a request and tells every operator. Limited per client address, across instances. */
export async function requestAccount(
  input: AccountRequestInput,
  { client }: { client: string },
): Promise<void> {
  if (!(await allowAttempt(`account-request:${client}`, { windowSeconds: 3600, max: 5 }))) {
    throw new RuleError(TOO_MANY_REQUESTS);
  }
  const email = normaliseEmail(input.email);
  const waiting = await db().accountRequest.findFirst({
    where: {
      status: "PENDING",
      email: { equals: email, mode: "insensitive" },
      organisationName: { equals: input.organisationName, mode: "insensitive" },
    },
    select: { id: true },
  });
  // Asking twice for the same thing is one request.
  if (waiting) return;
  const created = await db().accountRequest.create({
    data: {
      organisationName: input.organisationName,
      contactName: input.contactName,
      jobTitle: input.jobTitle,
      email,
      message: input.message || null,
    },
    select: { createdAt: true },
  });
  const operators = await db().user.findMany({ where: { operator: true }, select: { email: true } });
  for (const operator of operators) {
    await sendEmail({
      to: operator.email,
      ...accountRequestEmail({
        organisationName: input.organisationName,
        contactName: input.contactName,
        email,
        jobTitle: input.jobTitle,
        createdAt: created.createdAt,
        url: `${env().APP_URL}/operator/requests`,
        privacyUrl: privacyNoticeUrl(),
      }),
    });
  }
}

async function requireOperator(userId: string) {
  if (!(await isOperator(userId)))
    throw new ForbiddenError("Only whoever runs this Chainwise service can do this.");
}

export interface AccountRequestView {
  id: string;
  organisationName: string;
  contactName: string;
  jobTitle: string;
  email: string;
  message: string | null;
  status: "PENDING" | "APPROVED" | "DECLINED";
  createdAt: Date;
  decidedAt: Date | null;
}

/** Requests waiting, oldest first, then the last 50 decided: for operators only. */
export async function listAccountRequests(userId: string): Promise<AccountRequestView[]> {
  await requireOperator(userId);
  const select = {
    id: true,
    organisationName: true,
    contactName: true,
    jobTitle: true,
    email: true,
    message: true,
    status: true,
    createdAt: true,
    decidedAt: true,
  } as const;
  const [pending, decided] = await Promise.all([
    db().accountRequest.findMany({ where: { status: "PENDING" }, select, orderBy: { createdAt: "asc" } }),
    db().accountRequest.findMany({
      where: { status: { not: "PENDING" } },
      select,
      orderBy: { decidedAt: "desc" },
      take: 50,
    }),
  ]);
  return [...pending, ...decided];
}

/**
 * An operator approves (the commissioner organisation and its first administrator are made, and
 * the administrator is emailed a link to choose a password) or declines (the requester is told).
 * Deciding twice is refused: the status is part of the update's condition.
 */
export async function decideAccountRequest(
  userId: string,
  requestId: string,
  approve: boolean,
  now = new Date(),
): Promise<{ organisationName: string; approved: boolean }> {
  requireRecordIds(requestId);
  await requireOperator(userId);
  const request = await db().accountRequest.findFirst({
    where: { id: requestId, status: "PENDING" },
    select: { organisationName: true, contactName: true, email: true },
  });
  if (!request) throw new NotFoundError();
  const claimed = await db().accountRequest.updateMany({
    where: { id: requestId, status: "PENDING" },
    data: { status: approve ? "APPROVED" : "DECLINED", decidedAt: now, decidedById: userId },
  });
  if (claimed.count === 0) throw new NotFoundError();
  if (!approve) {
    await sendEmail({
      to: request.email,
      ...accountRequestDeclinedEmail({
        organisationName: request.organisationName,
        privacyUrl: privacyNoticeUrl(),
      }),
    });
    return { organisationName: request.organisationName, approved: false };
  }
  try {
    const created = await createOrganisationWithAdmin(
      {
        type: "COMMISSIONER",
        name: request.organisationName,
        adminEmail: request.email,
        adminName: request.contactName,
      },
      { byUserId: userId },
    );
    await db().accountRequest.update({
      where: { id: requestId },
      data: { organisationId: created.organisationId },
    });
  } catch (error) {
    // Nothing was made: the request waits again, and the operator sees why.
    await db().accountRequest.update({
      where: { id: requestId },
      data: { status: "PENDING", decidedAt: null, decidedById: null },
    });
    throw error;
  }
  return { organisationName: request.organisationName, approved: true };
}
