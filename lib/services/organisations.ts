import "server-only";
import { db } from "@/lib/db/client";
import type { OrganisationType } from "@/lib/generated/prisma/enums";

export interface OrganisationSummary {
  id: string;
  name: string;
  type: OrganisationType;
}

const summarySelect = { id: true, name: true, type: true } as const;

export async function findOrganisation(id: string): Promise<OrganisationSummary | null> {
  return db().organisation.findUnique({ where: { id }, select: summarySelect });
}

/** Every organisation, commissioners first, for the demo's "continue as" page. */
export async function listOrganisations(): Promise<OrganisationSummary[]> {
  return db().organisation.findMany({ select: summarySelect, orderBy: [{ type: "asc" }, { name: "asc" }] });
}
