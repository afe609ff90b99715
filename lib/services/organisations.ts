import "server-only";
import { db } from "@/lib/db/client";
import type { OrganisationType } from "@/lib/generated/prisma/enums";
import { isRecordId } from "@/lib/ids";

export interface OrganisationSummary {
  id: string;
  name: string;
  type: OrganisationType;
}

const summarySelect = { id: true, name: true, type: true } as const;

/** A demo organisation (invented, seeded), or null: real organisations are never reachable this way. */
export async function findDemoOrganisation(id: string): Promise<OrganisationSummary | null> {
  if (!isRecordId(id)) return null;
  return db().organisation.findFirst({ where: { id, demo: true }, select: summarySelect });
}

/**
 * The demo organisations offered on the demo's "continue as" page: the seeded story's. Not every
 * demo organisation: a demo council's import or forms make demo organisations too
 * (docs/decisions/0012), and one import of a framework notice would otherwise offer thousands.
 */
export async function listDemoOrganisations(): Promise<OrganisationSummary[]> {
  return db().organisation.findMany({
    where: { demo: true, demoOffered: true },
    select: summarySelect,
    orderBy: [{ type: "asc" }, { name: "asc" }],
  });
}
