import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { env } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";
import { getAuth } from "@/lib/services/auth-instance";
import { listMemberships } from "@/lib/services/memberships";
import { findDemoOrganisation } from "@/lib/services/organisations";
import { DEMO_ORG_COOKIE } from "./demo-cookie";
import type { Actor, SignedInUser } from "./types";

/**
 * Memoised per request (React's cache): the layout's header and the page both ask, and each ask
 * was a session read and a membership read. Outside rendering (in actions) it is not memoised.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) return null;
  const active = (session.session as { activeOrganisationId?: string | null }).activeOrganisationId ?? null;
  return {
    id: session.user.id,
    name: session.user.name,
    email: session.user.email,
    sessionId: session.session.id,
    activeOrganisationId: active,
  };
});

export const currentActor = cache(async (): Promise<Actor | null> => {
  const user = await currentUser();
  if (user) {
    const memberships = await listMemberships(user.id);
    // A person in exactly one organisation acts for it without having to choose.
    const active =
      memberships.find((m) => m.organisationId === user.activeOrganisationId) ??
      (memberships.length === 1 ? memberships[0] : undefined);
    if (!active) return null;
    return { ...active, userId: user.id };
  }
  if (env().DEMO_MODE !== "on") return null;
  const demoId = (await cookies()).get(DEMO_ORG_COOKIE)?.value;
  const organisation = demoId ? await findDemoOrganisation(demoId) : null;
  if (!organisation) return null;
  return {
    organisationId: organisation.id,
    organisationName: organisation.name,
    organisationType: organisation.type,
    userId: null,
    role: null,
  };
});

/** For actions: fails closed when nobody is acting. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new ForbiddenError("Sign in, and choose the organisation you are acting for, first.");
  return actor;
}
