import "server-only";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { ForbiddenError, RuleError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrganisationType, SizeBand } from "@/lib/generated/prisma/enums";
import {
  formatIdentifier,
  type OrganisationIdentifier,
  parseIdentifier,
  schemeName,
} from "@/lib/organisations/identifiers";
import { matchName } from "@/lib/organisations/names";
import { AUDIT_ACTIONS, recordAudit } from "./audit";

/**
 * Who an organisation named in a form or a published notice is: the one home of the matching rule
 * (docs/decisions/0012-organisation-identities.md). A register's identifier settles it; without
 * one, the name as `matchName` writes it, unless that organisation has another number in the same
 * register (then they are two firms that share a name).
 */

export interface OrganisationToFind {
  name: string;
  type: OrganisationType;
  identifiers?: readonly OrganisationIdentifier[];
  sizeBand?: SizeBand | null;
  sector?: "VCSE" | "SME" | null;
}

export interface FoundOrganisation {
  id: string;
  /** How it was found: by a register's number, by its name, or made new. */
  how: "identifier" | "name" | "created";
  /** What a person should know: a match by name, or a name shared with another firm. */
  note: string | null;
}

const TYPE_WORDS: Record<OrganisationType, string> = {
  COMMISSIONER: "a commissioner",
  PRIME: "a prime",
  SUBCONTRACTOR: "a partner",
};

export async function findOrCreateOrganisation(
  tx: Prisma.TransactionClient,
  input: OrganisationToFind,
): Promise<FoundOrganisation> {
  const identifiers = input.identifiers ?? [];
  for (const identifier of identifiers) {
    const held = await tx.organisationIdentifier.findUnique({
      where: { scheme_value: { scheme: identifier.scheme, value: identifier.id } },
      select: { organisation: { select: { id: true, name: true, type: true } } },
    });
    if (!held) continue;
    const { organisation } = held;
    if (organisation.type !== input.type) {
      throw new RuleError(
        `${formatIdentifier(identifier)} is ${organisation.name}, which is on Chainwise as ${TYPE_WORDS[organisation.type]}, not ${TYPE_WORDS[input.type]}.`,
      );
    }
    await addIdentifiers(tx, organisation.id, identifiers);
    return { id: organisation.id, how: "identifier", note: null };
  }

  const key = matchName(input.name);
  const sameName = await tx.organisation.findMany({
    where: { type: input.type, matchName: key },
    select: { id: true, name: true, identifiers: { select: { scheme: true, value: true } } },
    orderBy: { createdAt: "asc" },
  });
  // Another number in a register this one is in: a different firm with the same name.
  const candidates = sameName.filter(
    (org) =>
      !org.identifiers.some((held) =>
        identifiers.some((given) => given.scheme === held.scheme && given.id !== held.value),
      ),
  );
  const [only] = candidates;
  if (only && candidates.length === 1) {
    await addIdentifiers(tx, only.id, identifiers);
    return {
      id: only.id,
      how: "name",
      note:
        only.name === input.name
          ? null
          : `Taken to be ${only.name}, already on Chainwise, by its name. If they are different organisations, add each one's registered number.`,
    };
  }

  const created = await tx.organisation.create({
    data: {
      name: input.name,
      matchName: key,
      type: input.type,
      sizeBand: input.sizeBand ?? null,
      sector: input.sector ?? null,
      identifiers: { create: identifiers.map((i) => ({ scheme: i.scheme, value: i.id })) },
    },
    select: { id: true },
  });
  const note =
    sameName.length > 0
      ? `${sameName.length === 1 ? "Another organisation is" : `${sameName.length} other organisations are`} called ${input.name} on Chainwise${candidates.length > 1 ? "; which one was meant is not clear, so a new one was made" : " with a different registered number"}.`
      : null;
  return { id: created.id, how: "created", note };
}

/** Records numbers the organisation does not hold yet; one it holds in the same register stays. */
async function addIdentifiers(
  tx: Prisma.TransactionClient,
  organisationId: string,
  identifiers: readonly OrganisationIdentifier[],
) {
  for (const identifier of identifiers) {
    const taken = await tx.organisationIdentifier.findFirst({
      where: {
        OR: [
          { scheme: identifier.scheme, value: identifier.id },
          { organisationId, scheme: identifier.scheme },
        ],
      },
      select: { id: true },
    });
    if (!taken) {
      await tx.organisationIdentifier.create({
        data: { organisationId, scheme: identifier.scheme, value: identifier.id },
      });
    }
  }
}

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
  if (actor.userId === null || actor.role !== "ADMIN") {
    throw new ForbiddenError("Only your organisation's administrators can record its numbers.");
  }
  const identifier = parseIdentifier(text);
  if (!identifier) throw new RuleError(NOT_AN_IDENTIFIER);
  const written = formatIdentifier(identifier);
  const userId = actor.userId;
  await db().$transaction(async (tx) => {
    const admin = await tx.membership.findFirst({
      where: { userId, organisationId: actor.organisationId, role: "ADMIN" },
      select: { id: true },
    });
    if (!admin) throw new ForbiddenError("Only your organisation's administrators can record its numbers.");
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
