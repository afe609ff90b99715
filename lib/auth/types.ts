import type { MemberRole, OrganisationType } from "@/lib/generated/prisma/enums";

/**
 * Who is asking: a signed-in person acting for one of their organisations, or, in demo mode and
 * without signing in, a visitor acting for an invented demo organisation. `currentActor()`
 * (lib/auth/actor.ts) finds it; the data layer puts it into its queries. Kept apart from actor.ts,
 * which reads the session through the services, so that services can name it without a cycle.
 */
export interface Actor {
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
  /** The signed-in person; null for a demo visitor. */
  userId: string | null;
  role: MemberRole | null;
}

export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  sessionId: string;
  activeOrganisationId: string | null;
}
