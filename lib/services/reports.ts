import "server-only";
import { sideOf } from "@/lib/access/capabilities";
import { contractsReportedTo, ON_ROSTER } from "@/lib/access/scopes";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { type Answers, type AnswerValue, frameworkFor, type PrincipleKey } from "@/lib/framework";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireRecordIds } from "@/lib/ids";
import { shownScores } from "@/lib/reports/lines";
import {
  type Aggregate,
  aggregateOfRelease,
  benchmark,
  compareViews,
  type MeasureBenchmark,
  questionScores,
  type ScoredAssessment,
  scoreAssessment,
  type TrendStep,
  trend,
  type ViewComparison,
} from "@/lib/scoring";
import { createSharedRuns } from "./gate";
import { readableScopes, type ScopeLine, scopeLines } from "./release-reads";
import { releasedNotes } from "./releases";
import { answeredCountsByVersion, CURRENT_VERSION, countedTo, countKey } from "./report-counts";

/**
 * Reports on one contract, for whoever may see them, decided here where the data is read:
 * - its commissioner: every prime on it, with self-assessments, partners' figures, notes, flags;
 * - a prime on it: itself only, and partners' notes only where a partner chose to share them;
 * - a partner on a prime's rating roster: how many partners have answered, and the released
 *   figures the prime itself reads at scopes that include its contracts (release-reads.ts), no notes;
 * - anyone else: "not found".
 * Partners' figures are read only from stored releases, through release-reads.ts (`readableScopes`),
 * filtered there by who reads them: the prime on this contract in the cycle's period, and beside it
 * the prime's pool with this commissioner and its national scope. Before its
 * release a cycle shows counts only (docs/decisions/0011). No individual rating, and no answer
 * linked to a partner, leaves this module.
 */

export type Viewer = "commissioner" | "prime" | "partner";

export interface CycleSummary {
  id: string;
  name: string;
  opensAt: Date;
  closesAt: Date;
  /** The framework version its questionnaire was answered against. */
  framework: { id: string; version: string };
}

const summary = (c: ContractRow["cycles"][number]): CycleSummary => ({
  id: c.id,
  name: c.name,
  opensAt: c.opensAt,
  closesAt: c.closesAt,
  framework: { id: c.frameworkId, version: c.frameworkVersion },
});

export interface SupplyChainFacts {
  /** Partners on the rating roster: who could answer. */
  roster: number;
  namedInBid: number;
  /** Of those named in the bid, how many are delivering now. */
  namedDelivering: number;
  /** Named in the bid but never contracted ("bid candy"), by name: the commissioner's own data. */
  namedNoWork: string[];
  delivering: number;
  exited: number;
}

export interface PrimeReport {
  prime: { id: string; name: string; lot: string | null };
  submitted: number;
  /** The prime on this contract has released figures for the cycle's period (ADR 0011). */
  released: boolean;
  /** submitted ÷ roster as a percentage, one decimal; null with an empty roster. */
  responseRate: number | null;
  partners: Aggregate;
  /** The prime on this contract, across its contracts with the commissioner, nationally: in the cycle's period. */
  scopes: ScopeLine[];
  /** The prime's submitted self-assessment; not shown to partners. */
  self: ScoredAssessment | null;
  comparison: ViewComparison | null;
  supplyChain: SupplyChainFacts;
  /** Partners' evidence notes, unattributed, in question then text order. */
  notes: { questionKey: string; evidence: string }[];
  replies: Partial<Record<PrincipleKey, string>>;
  /** Change from cycle to cycle over the contract's cycles so far, partners' view. */
  trend: {
    /** `answers`: the ratings the cycle's released figures rest on, 0 when none was released. */
    cycles: { id: string; name: string; overall: number | null; answers: number; self: number | null }[];
    steps: TrendStep[];
  };
}

export interface ContractReport {
  viewer: Viewer;
  contract: { id: string; title: string; reference: string; commissioner: string };
  /** The programme's score threshold: the fewest partners a released figure rests on. */
  minResponses: number;
  cycles: CycleSummary[];
  /** The cycle reported on; null when the contract has none yet. */
  cycle: CycleSummary | null;
  primes: PrimeReport[];
  /** Response counts include answers sent before this moment; null when they are live. */
  countedTo: Date | null;
  /** Primes ranked by partners' figures, for the commissioner; null for anyone else. */
  benchmark: MeasureBenchmark[] | null;
}

interface Access {
  viewer: Viewer;
  /** The primes this viewer may see on the contract. */
  primeIds: string[];
}

async function accessTo(actor: Actor, contractId: string): Promise<Access & { contract: ContractRow }> {
  const contract = await db().contract.findFirst({
    where: {
      id: contractId,
      ...contractsReportedTo(actor),
    },
    select: contractSelect,
  });
  if (!contract) throw new NotFoundError();
  const all = contract.primes.map((p) => p.prime.id);
  if (contract.commissionerId === actor.organisationId)
    return { viewer: "commissioner", primeIds: all, contract };
  if (all.includes(actor.organisationId))
    return { viewer: "prime", primeIds: [actor.organisationId], contract };
  const rated = await db().supplyChainMember.findMany({
    where: { contractId, organisationId: actor.organisationId, ...ON_ROSTER },
    select: { primeId: true },
  });
  return { viewer: "partner", primeIds: rated.map((r) => r.primeId), contract };
}

const contractSelect = {
  id: true,
  title: true,
  reference: true,
  commissionerId: true,
  commissioner: { select: { name: true, releaseScoreThreshold: true } },
  primes: {
    select: { lot: true, prime: { select: { id: true, name: true } } },
    orderBy: [{ lot: "asc" }, { prime: { name: "asc" } }],
  },
  cycles: {
    select: {
      id: true,
      name: true,
      opensAt: true,
      closesAt: true,
      frameworkId: true,
      frameworkVersion: true,
    },
    orderBy: { opensAt: "asc" },
  },
} satisfies Prisma.ContractSelect;
type ContractRow = Prisma.ContractGetPayload<{ select: typeof contractSelect }>;

/** Each prime's current submitted self-assessment per cycle, scored. One small read per report. */
async function selfAssessments(
  contractId: string,
  primeIds: string[],
): Promise<Map<string, ScoredAssessment>> {
  const rows = await db().assessment.findMany({
    where: {
      contractId,
      primeId: { in: primeIds },
      perspective: "PRIME",
      // The version as locked at release, once there is one (ADR 0029).
      ...CURRENT_VERSION,
    },
    select: {
      cycleId: true,
      primeId: true,
      version: true,
      // Scored by the version its cycle asked (lib/framework/versions.ts).
      frameworkId: true,
      frameworkVersion: true,
      answers: { select: { questionKey: true, value: true } },
    },
    orderBy: { version: "asc" },
  });
  const result = new Map<string, ScoredAssessment>();
  for (const row of rows) {
    const answers: Answers = Object.fromEntries(
      row.answers.map((a) => [a.questionKey, a.value as AnswerValue]),
    );
    result.set(
      countKey(row.cycleId, row.primeId),
      scoreAssessment(frameworkFor(row.frameworkId, row.frameworkVersion), answers, "prime"),
    );
  }
  return result;
}

async function supplyChainFacts(
  contractId: string,
  primeIds: string[],
): Promise<Map<string, SupplyChainFacts>> {
  const members = await db().supplyChainMember.findMany({
    where: { contractId, primeId: { in: primeIds } },
    select: {
      primeId: true,
      namedInBid: true,
      status: true,
      canRate: true,
      organisation: { select: { name: true } },
    },
    orderBy: { organisation: { name: "asc" } },
  });
  const facts = new Map<string, SupplyChainFacts>();
  for (const id of primeIds) {
    const own = members.filter((m) => m.primeId === id);
    const named = own.filter((m) => m.namedInBid);
    facts.set(id, {
      roster: own.filter((m) => m.canRate).length,
      namedInBid: named.length,
      namedDelivering: named.filter((m) => m.status === "DELIVERING").length,
      namedNoWork: named.filter((m) => m.status === "NAMED_IN_BID").map((m) => m.organisation.name),
      delivering: own.filter((m) => m.status === "DELIVERING").length,
      exited: own.filter((m) => m.status === "EXITED").length,
    });
  }
  return facts;
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : null);

/**
 * The report on one contract in one cycle (the latest that has opened, unless `cycleId` names
 * another of its cycles), shaped for the viewer. Throws NotFoundError for anyone who may not see it.
 */
export async function getContractReport(
  actor: Actor,
  contractId: string,
  options: { cycleId?: string; primeId?: string; now?: Date } = {},
): Promise<ContractReport> {
  requireRecordIds(contractId, ...[options.cycleId, options.primeId].filter((id) => id !== undefined));
  const key = JSON.stringify([
    // Nothing here depends on the person: readers for one organisation share a run.
    actor.organisationId,
    sideOf(actor),
    contractId,
    options.cycleId ?? null,
    options.primeId ?? null,
    options.now?.toISOString() ?? null,
  ]);
  // Without a moment given, the run reads as of when it starts, after every caller sharing it asked.
  return shared(key, () => contractReport(actor, contractId, { ...options, now: options.now ?? new Date() }));
}

/**
 * Readers of the same report share its runs, each starting after they asked: its sixteen queries
 * for each of 50 readers of one prime's report were most of the page's cost (bench, issue 13).
 */
const shared = createSharedRuns<ContractReport>();

async function contractReport(
  actor: Actor,
  contractId: string,
  { cycleId, primeId, now }: { cycleId?: string; primeId?: string; now: Date },
): Promise<ContractReport> {
  const access = await accessTo(actor, contractId);
  const { contract, viewer } = access;
  const primeIds = primeId ? access.primeIds.filter((id) => id === primeId) : access.primeIds;
  if (primeId && primeIds.length === 0) throw new NotFoundError();
  const cycles = contract.cycles;
  const cycle =
    (cycleId ? cycles.find((c) => c.id === cycleId) : [...cycles].reverse().find((c) => c.opensAt <= now)) ??
    null;
  if (cycleId && !cycle) throw new NotFoundError();

  const seesSelf = viewer !== "partner";
  const countsTo = cycle ? countedTo(viewer, now, cycle.closesAt) : null;
  const opened = cycles.filter((c) => c.opensAt <= now);
  const periods = [...new Set([...opened, ...(cycle ? [cycle] : [])].map((c) => c.name))];
  const frameworkOf = (c: { frameworkId: string; frameworkVersion: string }) =>
    frameworkFor(c.frameworkId, c.frameworkVersion);
  const [counts, released, selves, chains, replies] = await Promise.all([
    answeredCountsByVersion(cycles, frameworkOf, {
      contractId,
      primeIds,
      submittedBefore: countsTo ?? undefined,
    }),
    readableScopes(actor, { primeIds, periods, contractIds: [contractId] }),
    seesSelf ? selfAssessments(contractId, primeIds) : new Map<string, ScoredAssessment>(),
    supplyChainFacts(contractId, primeIds),
    cycle
      ? db().principleReply.findMany({
          where: { cycleId: cycle.id, primeId: { in: primeIds } },
          select: { primeId: true, principleKey: true, text: true },
        })
      : [],
  ]);
  const scopeOf = new Map(
    released.filter((s) => s.level === "contract").map((s) => [`${s.period}/${s.primeId}`, s]),
  );
  const lines = new Map<string, ScopeLine[]>();
  if (cycle) {
    for (const id of primeIds) {
      lines.set(
        id,
        await scopeLines(released, {
          contractId,
          commissionerId: contract.commissionerId,
          commissionerName: contract.commissioner.name,
          primeId: id,
          period: cycle.name,
          cycleClosesAt: cycle.closesAt,
        }),
      );
    }
  }
  const partnersIn = (c: (typeof cycles)[number], primeId: string): Aggregate =>
    aggregateOfRelease(frameworkOf(c), scopeOf.get(`${c.name}/${primeId}`));
  const notes = new Map<string, { questionKey: string; evidence: string }[]>();
  if (cycle && viewer !== "partner") {
    for (const id of primeIds) {
      const scope = scopeOf.get(`${cycle.name}/${id}`);
      if (scope) notes.set(id, await releasedNotes(actor, scope));
    }
  }

  const primes = contract.primes
    .filter((p) => primeIds.includes(p.prime.id))
    .map(({ prime, lot }): PrimeReport => {
      const submitted = cycle ? (counts.get(countKey(cycle.id, prime.id)) ?? 0) : 0;
      const partners: Aggregate = cycle ? partnersIn(cycle, prime.id) : { suppressed: true };
      const self = cycle ? (selves.get(countKey(cycle.id, prime.id)) ?? null) : null;
      const chain = chains.get(prime.id) as SupplyChainFacts;
      const series = opened.map((c) => ({
        cycle: c,
        figures: partnersIn(c, prime.id),
        self: selves.get(countKey(c.id, prime.id)) ?? null,
      }));
      return {
        prime: { ...prime, lot },
        submitted,
        released: cycle ? scopeOf.has(`${cycle.name}/${prime.id}`) : false,
        responseRate: percent(submitted, chain.roster),
        partners,
        scopes: lines.get(prime.id) ?? [],
        self: seesSelf ? self : null,
        comparison: seesSelf && self ? compareViews(self, partners) : null,
        supplyChain: chain,
        notes: notes.get(prime.id) ?? [],
        replies: Object.fromEntries(
          replies.filter((r) => r.primeId === prime.id).map((r) => [r.principleKey, r.text]),
        ) as PrimeReport["replies"],
        trend: {
          cycles: series.map((s) => ({
            id: s.cycle.id,
            name: s.cycle.name,
            overall: s.figures.suppressed || s.figures.overall.suppressed ? null : s.figures.overall.mean,
            answers: s.figures.suppressed ? 0 : s.figures.ratings,
            self: seesSelf ? (s.self?.score ?? null) : null,
          })),
          // Between releases only: a cycle without released figures has no step.
          steps: trend(
            series
              .filter((s) => !s.figures.suppressed)
              .map((s) => ({
                cycle: s.cycle.name,
                framework: frameworkOf(s.cycle),
                perspective: "subcontractor" as const,
                questionScores: questionScores(s.figures),
              })),
          ),
        },
      };
    });

  return {
    viewer,
    contract: {
      id: contract.id,
      title: contract.title,
      reference: contract.reference,
      commissioner: contract.commissioner.name,
    },
    minResponses: contract.commissioner.releaseScoreThreshold,
    countedTo: countsTo,
    cycles: cycles.map(summary),
    cycle: cycle && summary(cycle),
    primes,
    benchmark:
      viewer === "commissioner"
        ? benchmark(primes.map((p) => ({ id: p.prime.id, scores: shownScores(p.partners) })))
        : null,
  };
}
