import "server-only";
import { cookies } from "next/headers";
import { ForbiddenError } from "@/lib/errors";
import type { OrganisationType } from "@/lib/generated/prisma/enums";
import { findOrganisation } from "@/lib/services/organisations";

/**
 * Who is asking: the organisation a person acts for. Until accounts exist (issue 5) the demo lets
 * a visitor choose an organisation at /demo, remembered in a cookie; sign-in will replace this
 * function's body, and every page and action that calls it stays as it is.
 */
export interface Actor {
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
}

export const DEMO_ORG_COOKIE = "chainwise-demo-org";

export async function currentActor(): Promise<Actor | null> {
  const id = (await cookies()).get(DEMO_ORG_COOKIE)?.value;
  if (!id) return null;
  const organisation = await findOrganisation(id);
  if (!organisation) return null;
  return {
    organisationId: organisation.id,
    organisationName: organisation.name,
    organisationType: organisation.type,
  };
}

/** For actions: fails closed when nobody is acting. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new ForbiddenError("Choose the organisation you are acting for first.");
  return actor;
}
