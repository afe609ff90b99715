import type { Actor } from "@/lib/auth/types";
import type { Answers } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isolates } from "@/lib/scoring/release/test-linear-algebra";
import { answersAt } from "@/tests/support/answers";
import {
  actorFor,
  addToSupplyChain,
  createAssessment,
  createCommissioner,
  createContract,
  createCycle,
  createSubcontractor,
  createUser,
} from "@/tests/support/factories";

/**
 * The adversarial prime's workbench for tests/integration/disclosure-attacks.test.ts: programmes,
 * chains of partners, and what a reader can work out from published totals.
 *
 * A question figure's ratings are worked out here from its scope's ratings and who gave that
 * question a scored answer (released answers cannot change: docs/decisions/0011), independently of
 * how the release stores them, and checked against the count the release published.
 */

export const OPEN = new Date("2026-10-01T00:00:00Z");
export const CLOSE = new Date("2027-01-31T00:00:00Z");
export const DURING = new Date("2026-12-01T12:00:00Z");
export const AFTER = new Date("2027-02-15T00:00:00Z");

/** A commissioner with an administrator who releases, at the programme's thresholds. */
export async function programme(client: PrismaClient, thresholds: { score: number; category: number }) {
  const org = await createCommissioner(client);
  await client.organisation.update({
    where: { id: org.id },
    data: { releaseScoreThreshold: thresholds.score, releaseCategoryThreshold: thresholds.category },
  });
  const user = await createUser(client);
  await client.membership.create({ data: { userId: user.id, organisationId: org.id, role: "ADMIN" } });
  const admin: Actor = { ...actorFor(org), userId: user.id, role: "ADMIN" };
  return { admin, commissionerId: org.id, period: `2026–27 ${org.id}` };
}

type Rate = (
  partner: Actor,
  answers: "best" | "worst" | Answers,
  minute: number,
  notes?: { evidence: Record<string, string>; notesSharedWithPrime: boolean },
) => Promise<string>;

export interface Chain {
  contractId: string;
  cycleId: string;
  partners: Actor[];
  /** A partner's submitted rating of the prime on this contract, `minute`s after the cycle opened; its id. */
  rate: Rate;
  /** Puts an organisation that is already a partner elsewhere on this contract's roster too. */
  enrol: (partner: Actor) => Promise<void>;
  /** Another cycle of this contract, of another period (by default open now, closing in 2027). */
  cycle: (period: string, dates?: Dates) => Promise<{ cycleId: string; rate: Rate }>;
}

interface Dates {
  opensAt: Date;
  closesAt: Date;
}

/** A contract of the prime's with `n` new partners on its roster, in a cycle of `period`. */
export async function chain(
  client: PrismaClient,
  commissionerId: string,
  prime: Actor,
  period: string,
  n: number,
  dates: Dates = { opensAt: OPEN, closesAt: CLOSE },
): Promise<Chain> {
  const contract = await createContract(client, {
    commissionerId,
    primes: [{ primeId: prime.organisationId }],
  });
  const enrol = async (partner: Actor) => {
    await addToSupplyChain(client, {
      contractId: contract.id,
      primeId: prime.organisationId,
      organisationId: partner.organisationId,
    });
  };
  const partners: Actor[] = [];
  for (let i = 0; i < n; i++) {
    const partner = actorFor(await createSubcontractor(client));
    await enrol(partner);
    partners.push(partner);
  }
  const cycle = async (name: string, when: Dates = { opensAt: OPEN, closesAt: CLOSE }) => {
    const { id } = await createCycle(client, { contractId: contract.id, name, ...when });
    const rate: Rate = async (partner, answers, minute, notes) =>
      (
        await createAssessment(client, {
          contractId: contract.id,
          cycleId: id,
          primeId: prime.organisationId,
          respondentOrgId: partner.organisationId,
          perspective: "subcontractor",
          answers: typeof answers === "string" ? answersAt("subcontractor", answers) : answers,
          submittedAt: new Date(when.opensAt.getTime() + 60_000 * (minute + 1)),
          ...notes,
        })
      ).id;
    return { cycleId: id, rate };
  };
  const first = await cycle(period, dates);
  return { contractId: contract.id, ...first, partners, enrol, cycle };
}

interface ScopeMembers {
  scopeKey: string;
  members: { assessmentId: string; assessment: { respondentOrgId: string } }[];
}

/** Select for {@link smallGroups}. */
export const scopeMembers = {
  scopeKey: true,
  members: { select: { assessmentId: true, assessment: { select: { respondentOrgId: true } } } },
} as const;

/**
 * Groups of ratings, sorted by exactly which published scopes they are in, that hold fewer than
 * `k` partner organisations. Every set a reader can build from the scopes by union, intersection
 * and difference is a union of such groups (ADR 0011, "The check"), so none may be small.
 */
export function smallGroups(scopes: readonly ScopeMembers[], k: number): string[] {
  const inScopes = new Map<string, { scopes: string[]; org: string }>();
  for (const scope of scopes) {
    for (const m of scope.members) {
      const entry = inScopes.get(m.assessmentId) ?? { scopes: [], org: m.assessment.respondentOrgId };
      entry.scopes.push(scope.scopeKey);
      inScopes.set(m.assessmentId, entry);
    }
  }
  const groups = new Map<string, Set<string>>();
  for (const { scopes: keys, org } of inScopes.values()) {
    const signature = keys.sort().join(" & ");
    groups.set(signature, (groups.get(signature) ?? new Set()).add(org));
  }
  return [...groups]
    .filter(([, orgs]) => orgs.size < k)
    .map(([signature, orgs]) => `${orgs.size} in ${signature}`);
}

export interface PublishedQuestion {
  scopeKey: string;
  level: string;
  key: string;
  audience: "ALL" | "NOT_PRIME";
  partners: number;
  totalTenths: number;
  /** The ratings (assessment ids) whose answers it adds up. */
  ratingIds: string[];
}

/** Every stored question figure about the prime in the periods, with the ratings it rests on. */
export async function publishedQuestions(
  client: PrismaClient,
  primeId: string,
  periods: readonly string[],
  audience: "ALL" | "any" = "ALL",
): Promise<PublishedQuestion[]> {
  const scopes = await client.releaseScope.findMany({
    where: { primeId, period: { in: [...periods] } },
    select: {
      scopeKey: true,
      level: true,
      members: { select: { assessmentId: true } },
      figures: {
        where: { family: "QUESTION", ...(audience === "ALL" ? { audience: "ALL" } : {}) },
        select: { key: true, audience: true, ratings: true, partners: true, totalTenths: true },
      },
    },
  });
  const ratingIds = scopes.flatMap((s) => s.members.map((m) => m.assessmentId));
  const scored = await client.answer.findMany({
    where: { assessmentId: { in: ratingIds }, score: { not: null } },
    select: { assessmentId: true, questionKey: true },
  });
  const answeredBy = new Map<string, Set<string>>();
  for (const a of scored) {
    const set = answeredBy.get(a.questionKey) ?? new Set<string>();
    set.add(a.assessmentId);
    answeredBy.set(a.questionKey, set);
  }
  return scopes.flatMap((scope) =>
    scope.figures.map((f) => {
      const members = scope.members.map((m) => m.assessmentId).filter((id) => answeredBy.get(f.key)?.has(id));
      if (members.length !== f.ratings) {
        throw new Error(
          `${scope.scopeKey} ${f.key}: ${members.length} scored answers, ${f.ratings} published`,
        );
      }
      return {
        scopeKey: scope.scopeKey,
        level: scope.level,
        key: f.key,
        audience: f.audience,
        partners: f.partners,
        totalTenths: f.totalTenths ?? 0,
        ratingIds: members,
      };
    }),
  );
}

/**
 * The ratings a reader can pin down something about, alone or as one organisation's set of
 * ratings, by adding and subtracting the published question totals, given the answers of the
 * `known` ratings and any `assumptions` (pairs of ratings the reader takes to have answered
 * alike). One unknown per rating and question; figures of different questions share none.
 */
export function exposed(
  figures: readonly PublishedQuestion[],
  groups: ReadonlyMap<string, readonly string[]>,
  {
    known = [],
    assumptions = [],
  }: { known?: readonly string[]; assumptions?: readonly [string, string][] } = {},
): string[] {
  const found = new Set<string>();
  for (const key of new Set(figures.map((f) => f.key))) {
    const of = figures.filter((f) => f.key === key);
    const ratings = [...new Set([...of.flatMap((f) => f.ratingIds), ...known, ...assumptions.flat()])];
    const column = new Map(ratings.map((id, i) => [id, i]));
    const row = (ids: Iterable<string>, sign = 1) => {
      const r = new Array<number>(ratings.length).fill(0);
      for (const id of ids) r[column.get(id) as number] = sign;
      return r;
    };
    const rows = [
      ...of.map((f) => row(f.ratingIds)),
      ...known.map((id) => row([id])),
      ...assumptions.map(([a, b]) => {
        const r = row([a]);
        r[column.get(b) as number] = -1;
        return r;
      }),
    ];
    for (const [name, ids] of groups) {
      const columns = new Set(ids.flatMap((id) => (column.has(id) ? [column.get(id) as number] : [])));
      if (columns.size > 0 && isolates(rows, columns)) found.add(`${name} on ${key}`);
    }
  }
  return [...found].sort();
}
