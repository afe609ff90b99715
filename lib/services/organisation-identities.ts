import "server-only";
import { assertCan } from "@/lib/access/capabilities";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { ForbiddenError, RuleError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatIdentifier, parseIdentifier, schemeName } from "@/lib/organisations/identifiers";
import { matchName } from "@/lib/organisations/names";
import { AUDIT_ACTIONS, recordAudit } from "./audit";

/**
 * The numbers an organisation is known by: its own, recorded by its administrators, and a notice's
 * buyer's. Who an organisation named in a form or a notice is: organisation-matching.ts.
 */

export const NOT_AN_IDENTIFIER =
  "Enter the identifier as published, a register's code then the number, such as GB-CHC-1098765 or GB-CFS-204871";

/** The numbers Chainwise holds for an organisation, as published ("GB-CHC-1098765"), with their register's name. */
export async function organisationIdentifiers(organisationId: string) {
  const rows = await db().organisationIdentifier.findMany({
    where: { organisationId },
    select: { scheme: true, value: true },
    orderBy: [{ scheme: "asc" }, { value: "asc" }],
  });
  return rows.map((r) => ({
    identifier: formatIdentifier({ scheme: r.scheme, id: r.value }),
    register: schemeName(r.scheme),
  }));
}

/**
 * An administrator records a number its own organisation is known by (on notices, or in a
 * register). One number belongs to one organisation: a number Chainwise holds for another is
 * refused, never moved. Checked inside, against the database, for the acting administrator.
 */
export async function addOwnIdentifier(actor: Actor, text: string): Promise<string> {
  const refusal = "Only your organisation's administrators can record its numbers.";
  assertCan(actor, "administerOrganisation", refusal);
  // The number is recorded against the person who added it, a member checked again below.
  if (actor.userId === null) throw new ForbiddenError(refusal);
  const identifier = parseIdentifier(text);
  if (!identifier) throw new RuleError(NOT_AN_IDENTIFIER);
  const written = formatIdentifier(identifier);
  const userId = actor.userId;
  await db().$transaction(async (tx) => {
    const admin = await tx.membership.findFirst({
      where: { userId, organisationId: actor.organisationId, role: "ADMIN" },
      select: { id: true },
    });
    if (!admin) throw new ForbiddenError(refusal);
    const held = await tx.organisationIdentifier.findUnique({
      where: { scheme_value: { scheme: identifier.scheme, value: identifier.id } },
      select: { organisationId: true },
    });
    if (held?.organisationId === actor.organisationId) return;
    if (held) {
      // Not named: a number is public, and who on Chainwise holds it is not the asker's to learn.
      throw new RuleError(
        `${written} is already recorded for another organisation on Chainwise. If that is your organisation under another name, ask the people who run Chainwise to merge the two.`,
      );
    }
    await tx.organisationIdentifier.create({
      data: { organisationId: actor.organisationId, scheme: identifier.scheme, value: identifier.id },
    });
    await recordAudit(
      {
        organisationId: actor.organisationId,
        userId,
        action: AUDIT_ACTIONS.identifierAdded,
        summary: `Recorded ${written} as one of the organisation's numbers`,
      },
      tx,
    );
  });
  return written;
}

/**
 * Whether a notice's buyer is the importing commissioner: its identifier, when the commissioner
 * holds it; otherwise the same name by `matchName`, and then the identifier is recorded for the
 * commissioner (if no one holds it) so later notices match however the name is written. Null when
 * it is; otherwise the reason the notice is refused.
 */
export async function buyerProblem(
  tx: Prisma.TransactionClient,
  actor: Actor,
  buyer: { name: string; id?: string },
): Promise<{ problem: string | null; recorded: string | null }> {
  const identifier = buyer.id ? parseIdentifier(buyer.id) : null;
  const written = identifier ? formatIdentifier(identifier) : null;
  const held = identifier
    ? await tx.organisationIdentifier.findUnique({
        where: { scheme_value: { scheme: identifier.scheme, value: identifier.id } },
        select: { organisationId: true, organisation: { select: { name: true } } },
      })
    : null;
  if (held?.organisationId === actor.organisationId) return { problem: null, recorded: null };
  if (held) {
    return {
      problem: `The buyer in this notice is ${held.organisation.name} (${written}), another organisation on Chainwise. Import only your own organisation's notices.`,
      recorded: null,
    };
  }
  if (matchName(buyer.name) === matchName(actor.organisationName)) {
    if (!identifier) return { problem: null, recorded: null };
    await tx.organisationIdentifier.create({
      data: { organisationId: actor.organisationId, scheme: identifier.scheme, value: identifier.id },
    });
    return { problem: null, recorded: written };
  }
  return {
    problem:
      `The buyer in this notice is ${buyer.name}${written ? ` (${written})` : ""}, not ${actor.organisationName}. Import only your own organisation's notices.` +
      (written
        ? ` If ${buyer.name} is your organisation under another name, an administrator can add ${written} on your organisation's page, then import again.`
        : " If it is your organisation under another name, ask the people who run Chainwise to rename yours."),
    recorded: null,
  };
}
