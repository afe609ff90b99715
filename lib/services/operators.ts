import "server-only";
import { randomBytes } from "node:crypto";
import { WELCOME_PATH } from "@/lib/auth/mail";
import { db } from "@/lib/db/client";
import { madeAdministratorEmail } from "@/lib/email/membership-templates";
import { privacyNoticeUrl, sendEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { RuleError } from "@/lib/errors";
import type { OrganisationType } from "@/lib/generated/prisma/enums";
import { normaliseEmail } from "@/lib/invitations/tokens";
import { matchName } from "@/lib/organisations/names";
import { AUDIT_ACTIONS, recordAudit } from "./audit";
import { getAuth } from "./auth-instance";
import { assertMayJoin } from "./separation";

/**
 * Whoever runs the service (an operator) brings in real organisations: a council's commissioner
 * account, with its first administrator, made by `npm run org:create` or by approving the council's
 * request on /operator/requests. Operators are people flagged by `npm run operator:add`; nothing on
 * the site can make one.
 */

export async function isOperator(userId: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { operator: true } });
  return user?.operator === true;
}

export interface NewOrganisation {
  type: OrganisationType;
  name: string;
  adminEmail: string;
  adminName: string;
}

export interface CreatedOrganisation {
  organisationId: string;
  userId: string;
  /** The administrator had no account and was sent a link to choose a password. */
  welcomed: boolean;
}

/** Better Auth's id shape for people (letters and digits), so our ids and its ids look alike. */
const newUserId = () => randomBytes(24).toString("base64url").replace(/[-_]/g, "").slice(0, 32);

/**
 * Makes an organisation and its first administrator, or gives an organisation that nobody belongs to
 * yet (a prime named on a contract, say) its first administrator. An organisation that already has
 * members decides for itself who joins, so it is refused. The person gets an account if they have
 * none, and an email: a link to choose a password, or word that they now administer it.
 */
export async function createOrganisationWithAdmin(
  input: NewOrganisation,
  { byUserId = null as string | null } = {},
): Promise<CreatedOrganisation> {
  const name = input.name.trim();
  const email = normaliseEmail(input.adminEmail);
  const created = await db().$transaction(async (tx) => {
    const existing = await tx.organisation.findFirst({
      where: { type: input.type, name: { equals: name, mode: "insensitive" } },
      select: { id: true, name: true, _count: { select: { members: true } } },
    });
    if (existing && existing._count.members > 0) {
      throw new RuleError(
        `${existing.name} is already on Chainwise with members of its own: its administrators decide who joins.`,
      );
    }
    const organisation =
      existing ??
      (await tx.organisation.create({
        data: { name, matchName: matchName(name), type: input.type },
        select: { id: true },
      }));
    const user =
      (await tx.user.findFirst({
        where: { email: { equals: email, mode: "insensitive" } },
        select: { id: true },
      })) ??
      (await tx.user.create({
        data: { id: newUserId(), email, name: input.adminName.trim(), emailVerified: false },
        select: { id: true },
      }));
    await assertMayJoin(tx, user.id, organisation.id);
    await tx.membership.create({ data: { userId: user.id, organisationId: organisation.id, role: "ADMIN" } });
    const account = await tx.account.findFirst({
      where: { userId: user.id, providerId: "credential" },
      select: { id: true },
    });
    await recordAudit(
      {
        organisationId: organisation.id,
        userId: byUserId,
        action: AUDIT_ACTIONS.memberJoined,
        summary: `${input.adminName.trim()} was made ${name}'s first administrator by whoever runs this Chainwise service`,
      },
      tx,
    );
    return { organisationId: organisation.id, userId: user.id, hasPassword: account !== null };
  });
  if (!created.hasPassword) {
    // The same single-use, expiring link as a password reset, sent in the welcome email (lib/auth/mail.ts).
    await getAuth().api.requestPasswordReset({ body: { email, redirectTo: WELCOME_PATH } });
  } else {
    await sendEmail({
      to: email,
      ...madeAdministratorEmail({
        organisationName: name,
        url: `${env().APP_URL}/account`,
        privacyUrl: privacyNoticeUrl(),
      }),
    });
  }
  return { organisationId: created.organisationId, userId: created.userId, welcomed: !created.hasPassword };
}

/** Makes a person an operator, creating their account (and sending a link to choose a password) if need be. */
export async function addOperator(input: { email: string; name: string }): Promise<{ welcomed: boolean }> {
  const email = normaliseEmail(input.email);
  const found = await db().user.findFirst({
    where: { email: { equals: email, mode: "insensitive" } },
    select: { id: true, accounts: { where: { providerId: "credential" }, select: { id: true } } },
  });
  if (found) {
    await db().user.update({ where: { id: found.id }, data: { operator: true } });
    if (found.accounts.length > 0) return { welcomed: false };
  } else {
    await db().user.create({
      data: { id: newUserId(), email, name: input.name.trim(), emailVerified: false, operator: true },
    });
  }
  await getAuth().api.requestPasswordReset({ body: { email, redirectTo: "/reset-password" } });
  return { welcomed: true };
}
