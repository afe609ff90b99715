import type { Actor } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/**
 * What an actor may do, by the kind of organisation it acts for and its role there: the one place
 * that reads `organisationType` and `role` to decide anything (docs/decisions/0030). Which rows an
 * allowed actor reaches is scopes.ts; a rule that needs a read (a partner's rating's answers) is
 * answers.ts. Pages, components and services ask here and never compare a type or role themselves;
 * lint refuses it (biome.json's `access-rules.grit`).
 */

const commissioner = (actor: Actor) => actor.organisationType === "COMMISSIONER";
const prime = (actor: Actor) => actor.organisationType === "PRIME";
const partner = (actor: Actor) => actor.organisationType === "SUBCONTRACTOR";
/** A role comes from a membership, so a demo visitor (acting for no one's membership) has none. */
const administrator = (actor: Actor) => actor.role === "ADMIN";

const RULES = {
  /** Create and import contracts, keep their primes, supply chains and rosters, open cycles. */
  manageContracts: commissioner,
  /** Read the programme: the overview, programme report, benchmarks and the release list. */
  readProgramme: commissioner,
  /** Judge a prime's self-assessment: verdicts on evidence, levels, agreeing actions. */
  judgePrimes: commissioner,
  /**
   * Publish a period's partner figures: the figures leave the building, so an administrator, and a
   * signed-in one, because a release records who made it.
   */
  releaseFigures: (actor: Actor) => commissioner(actor) && administrator(actor) && actor.userId !== null,
  /** Assess itself, keep its evidence and action plan, answer the commissioner's verdicts. */
  selfAssess: prime,
  /** Rate the primes whose roster it is on. */
  rate: partner,
  /** Members, identifiers, API keys and the activity log of the organisation acted for. */
  administerOrganisation: administrator,
} satisfies Record<string, (actor: Actor) => boolean>;

export type Capability = keyof typeof RULES;

export function can(actor: Actor, capability: Capability): boolean {
  return RULES[capability](actor);
}

/**
 * Refuses an actor without the capability. With a message, the refusal says why (for an action
 * someone could reasonably try); without, it is "not found", giving no hint the thing exists.
 */
export function assertCan(
  actor: Actor,
  capability: "releaseFigures",
  message?: string,
): asserts actor is Actor & { userId: string };
export function assertCan(actor: Actor, capability: Capability, message?: string): void;
export function assertCan(actor: Actor, capability: Capability, message?: string): void {
  if (can(actor, capability)) return;
  throw message === undefined ? new NotFoundError() : new ForbiddenError(message);
}

/** Which side of a supply chain an actor reads from: shapes a report or page for its reader. */
export type Side = "commissioner" | "prime" | "partner";

export function sideOf(actor: Actor): Side {
  if (commissioner(actor)) return "commissioner";
  if (prime(actor)) return "prime";
  return "partner";
}

/**
 * Everything about an actor that a rule here reads, for keying work shared between readers: two
 * actors with the same key are allowed and refused the same things.
 */
export function accessKey(actor: Actor): string {
  return JSON.stringify([actor.organisationId, actor.organisationType, actor.userId, actor.role]);
}
