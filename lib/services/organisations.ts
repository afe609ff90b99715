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

/** The demo organisations, for the demo's "continue as" page. */
export async function listDemoOrganisations(): Promise<OrganisationSummary[]> {
  return db().organisation.findMany({
    where: { demo: true },
    select: summarySelect,
    orderBy: [{ type: "asc" }, { name: "asc" }],
  });
}
