import "server-only";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import type { OrganisationType } from "@/lib/generated/prisma/enums";
import { isRecordId } from "@/lib/ids";
import { formatIdentifier, parseIdentifier } from "@/lib/organisations/identifiers";
import { matchName } from "@/lib/organisations/names";

/** Organisations an operator looks up to merge (organisation-merge.ts), with what tells them apart. */

export interface FoundForMerge {
  id: string;
  name: string;
  type: OrganisationType;
  identifiers: string[];
  contracts: number;
  members: number;
  partnerPlaces: number;
}

/** The most shown for one search: a name that matches more needs more words. */
export const SEARCH_LIMIT = 40;

/** By a part of the name (written any way `matchName` reads alike) or a whole identifier. Operators only. */
export async function searchOrganisations(userId: string, query: string): Promise<FoundForMerge[]> {
  await requireOperator(userId);
  const text = query.trim().slice(0, 200);
  if (!text) return [];
  const identifier = parseIdentifier(text);
  const rows = await db().organisation.findMany({
    where: {
      OR: [
        { name: { contains: text, mode: "insensitive" } },
        { matchName: { contains: matchName(text) } },
        ...(identifier
          ? [{ identifiers: { some: { scheme: identifier.scheme, value: identifier.id } } }]
          : []),
      ],
    },
    select: {
      id: true,
      name: true,
      type: true,
      identifiers: { select: { scheme: true, value: true }, orderBy: { scheme: "asc" } },
      _count: {
        select: { primeAwards: true, commissionedContracts: true, members: true, supplyChains: true },
      },
    },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
    take: SEARCH_LIMIT,
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    type: row.type,
    identifiers: row.identifiers.map((i) => formatIdentifier({ scheme: i.scheme, id: i.value })),
    contracts: row._count.primeAwards + row._count.commissionedContracts,
    members: row._count.members,
    partnerPlaces: row._count.supplyChains,
  }));
}

/** One organisation's name, for the operator told what a merge kept. */
export async function organisationName(userId: string, id: string): Promise<string | null> {
  await requireOperator(userId);
  if (!isRecordId(id)) return null;
  const org = await db().organisation.findUnique({ where: { id }, select: { name: true } });
  return org?.name ?? null;
}

async function requireOperator(userId: string) {
  const user = await db().user.findUnique({ where: { id: userId }, select: { operator: true } });
  if (user?.operator !== true) throw new ForbiddenError();
}
