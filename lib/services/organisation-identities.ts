import "server-only";
import { RuleError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrganisationType, SizeBand } from "@/lib/generated/prisma/enums";
import { formatIdentifier, type OrganisationIdentifier } from "@/lib/organisations/identifiers";
import { matchName } from "@/lib/organisations/names";

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
