import "server-only";
import { sideOf } from "@/lib/access/capabilities";
import { ON_ROSTER } from "@/lib/access/scopes";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { requireRecordIds } from "@/lib/ids";
import type { ScopeLevel } from "@/lib/scoring/release";
import { type ReleasedQuery, type ReleasedScope, releasedScopes } from "./releases";

/**
 * Who reads released figures besides the prime and its commissioner, and the scopes a report shows
 * beside one contract (docs/decisions/0011, step 6). releases.ts keeps the one query that reads
 * stored figures; this file decides which of them a partner may read and how a report lays out a
 * prime's contract, pool and national scopes.
 *
 * A partner organisation reads the released figures of a prime it rates at scopes that rest on at
 * least one rating of a contract it is on that prime's rating roster for, exactly as the prime reads
 * them (figures for everyone, means worked without facts the prime sets per partner), and nothing
 * else: no figure the prime cannot read, so a partner friendly to the prime learns nothing the
 * prime does not. Figures exist only once released, so before a release it reads nothing.
 */

/** The prime's own reading of its figures: the view a partner is given, and no wider (and a level's, lib/services/levels.ts). */
export function primeView(primeId: string): Actor {
  return {
    organisationId: primeId,
    organisationName: "",
    organisationType: "PRIME",
    userId: null,
    role: null,
  };
}

/**
 * The released scopes of the primes a partner rates that it may read (rule above), each with the
 * figures the prime itself reads. Primes it is on no roster of give nothing.
 */
export async function partnerReleasedScopes(actor: Actor, query: ReleasedQuery): Promise<ReleasedScope[]> {
  requireRecordIds(actor.organisationId, ...query.primeIds, ...(query.contractIds ?? []));
  if (sideOf(actor) !== "partner" || query.periods.length === 0) return [];
  const rosters = await db().supplyChainMember.findMany({
    where: { organisationId: actor.organisationId, primeId: { in: [...query.primeIds] }, ...ON_ROSTER },
    select: { primeId: true, contractId: true },
  });
  const result: ReleasedScope[] = [];
  for (const primeId of new Set(rosters.map((r) => r.primeId))) {
    const contracts = rosters.filter((r) => r.primeId === primeId).map((r) => r.contractId);
    // Scopes resting on a rating of one of its contracts: the contract, its pool, the nation.
    const allowed = await db().releaseScope.findMany({
      where: {
        primeId,
        period: { in: [...query.periods] },
        members: { some: { assessment: { contractId: { in: contracts }, primeId } } },
      },
      select: { period: true, scopeKey: true },
    });
    if (allowed.length === 0) continue;
    const keys = new Set(allowed.map((s) => `${s.period}/${s.scopeKey}`));
    const scopes = await releasedScopes(primeView(primeId), { ...query, primeIds: [primeId] });
    result.push(...scopes.filter((s) => keys.has(`${s.period}/${s.scopeId}`)));
  }
  return result;
}

/**
 * The released scopes a report reads for whoever is asking: the commissioner and the prime as
 * releases.ts decides, a partner by the rule above, anyone else nothing.
 */
export function readableScopes(actor: Actor, query: ReleasedQuery): Promise<ReleasedScope[]> {
  if (sideOf(actor) === "partner") return partnerReleasedScopes(actor, query);
  return releasedScopes(actor, query);
}

const LEVEL_NAME = { CONTRACT: "contract", COMMISSIONER: "commissioner", NATIONAL: "national" } as const;

/** One of the three scopes a prime's report shows for a period, whether published or not. */
export interface ScopeLine {
  level: ScopeLevel;
  /** "On this contract", "Across its contracts with …", "Nationally". */
  label: string;
  /**
   * published: the reader may read it; withheld: published, but not to this reader (a partner whose
   * contract's ratings it does not include); hidden: released without it, too few partners;
   * pending: nothing of it has been released yet.
   */
  state: "published" | "withheld" | "hidden" | "pending";
  scope: ReleasedScope | null;
  /** When it was released, or when the release that left it out was made. */
  releasedAt: Date | null;
}

/**
 * The contract, pool and national scopes of one prime in one period, for a report on one contract:
 * what the reader may read of each, and for the others whether a release has left them out or none
 * has been made yet. `readable` are the scopes the report already read for this reader.
 */
export async function scopeLines(
  readable: readonly ReleasedScope[],
  place: {
    contractId: string;
    commissionerId: string;
    commissionerName: string;
    primeId: string;
    period: string;
    cycleClosesAt: Date;
  },
): Promise<ScopeLine[]> {
  requireRecordIds(place.contractId, place.commissionerId, place.primeId);
  const own = readable.filter((s) => s.primeId === place.primeId && s.period === place.period);
  const releases = await db().release.findMany({
    where: {
      period: place.period,
      OR: [{ kind: "NATIONAL" }, { kind: "COMMISSIONER", commissionerId: place.commissionerId }],
    },
    select: { kind: true, cutOff: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  // Which of the three exist at all, whoever reads them: that a scope was published is no secret
  // from anyone who may read this report (the prime reads every one of its own).
  const stored = await db().releaseScope.findMany({
    where: {
      primeId: place.primeId,
      period: place.period,
      OR: [
        { level: "CONTRACT", contractId: place.contractId },
        { level: "COMMISSIONER", commissionerId: place.commissionerId },
        { level: "NATIONAL" },
      ],
    },
    select: { level: true },
  });
  const exists = new Set(stored.map((s) => LEVEL_NAME[s.level]));
  const programme = releases.filter((r) => r.kind === "COMMISSIONER");
  const decided = {
    contract: programme.find((r) => r.cutOff > place.cycleClosesAt)?.createdAt ?? null,
    commissioner: programme[0]?.createdAt ?? null,
    national: releases.find((r) => r.kind === "NATIONAL")?.createdAt ?? null,
  };
  const line = (level: ScopeLevel, label: string, scope: ReleasedScope | undefined): ScopeLine => {
    if (scope) return { level, label, state: "published", scope, releasedAt: scope.releasedAt };
    const at = decided[level];
    const state = exists.has(level) ? "withheld" : at ? "hidden" : "pending";
    return { level, label, state, scope: null, releasedAt: at };
  };
  return [
    line(
      "contract",
      "On this contract",
      own.find((s) => s.level === "contract" && s.contractId === place.contractId),
    ),
    line(
      "commissioner",
      `Across its contracts with ${place.commissionerName}`,
      own.find((s) => s.level === "commissioner" && s.commissionerId === place.commissionerId),
    ),
    line(
      "national",
      "Nationally",
      own.find((s) => s.level === "national"),
    ),
  ];
}
