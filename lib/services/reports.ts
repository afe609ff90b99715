import "server-only";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { type Answers, type AnswerValue, framework, type PrincipleKey } from "@/lib/framework";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireRecordIds } from "@/lib/ids";
import { minimumFor } from "@/lib/reports/aggregate-rows";
import {
  type Aggregate,
  benchmark,
  benchmarkScores,
  compareViews,
  type MeasureBenchmark,
  questionScores,
  type ScoredAssessment,
  scoreAssessment,
  type TrendStep,
  trend,
  type ViewComparison,
} from "@/lib/scoring";
import { groupKey, type PartnerFigures, partnerFigures } from "./partner-figures";
import { type FigureScope, noteRows } from "./report-figures";

export { type PartnerFigures, partnerFigures } from "./partner-figures";

/**
 * Reports on one contract, for whoever may see them, decided here where the data is read:
 * - its commissioner: every prime on it, with self-assessments, partners' figures, notes, flags;
 * - a prime on it: itself only, and partners' notes only where a partner chose to share them;
 * - a partner on a prime's rating roster: that prime's partners' figures, nothing else;
 * - anyone else: "not found".
 * Partners' figures are always the k-guarded aggregates of report-figures.ts; no individual rating,
 * and no answer linked to a partner, leaves this module.
 */

export type Viewer = "commissioner" | "prime" | "partner";

export interface CycleSummary {
  id: string;
  name: string;
  opensAt: Date;
  closesAt: Date;
}

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
  /** submitted ÷ roster as a percentage, one decimal; null with an empty roster. */
  responseRate: number | null;
  partners: Aggregate;
  /** The prime's submitted self-assessment; not shown to partners. */
  self: ScoredAssessment | null;
  comparison: ViewComparison | null;
  supplyChain: SupplyChainFacts;
  /** Partners' evidence notes, unattributed, in question then text order. */
  notes: { questionKey: string; evidence: string }[];
  replies: Partial<Record<PrincipleKey, string>>;
  /** Change from cycle to cycle over the contract's cycles so far, partners' view. */
  trend: {
    cycles: { id: string; name: string; overall: number | null; self: number | null }[];
    steps: TrendStep[];
  };
}

export interface ContractReport {
  viewer: Viewer;
  contract: { id: string; title: string; reference: string; commissioner: string };
  minResponses: number;
  cycles: CycleSummary[];
  /** The cycle reported on; null when the contract has none yet. */
  cycle: CycleSummary | null;
  primes: PrimeReport[];
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
      OR: [
        { commissionerId: actor.organisationId },
        { primes: { some: { primeId: actor.organisationId } } },
        { supplyChain: { some: { organisationId: actor.organisationId, canRate: true } } },
      ],
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
    where: { contractId, organisationId: actor.organisationId, canRate: true },
    select: { primeId: true },
  });
  return { viewer: "partner", primeIds: rated.map((r) => r.primeId), contract };
}

const contractSelect = {
  id: true,
  title: true,
  reference: true,
  commissionerId: true,
  commissioner: { select: { name: true } },
  primes: {
    select: { lot: true, prime: { select: { id: true, name: true } } },
    orderBy: [{ lot: "asc" }, { prime: { name: "asc" } }],
  },
  cycles: { select: { id: true, name: true, opensAt: true, closesAt: true }, orderBy: { opensAt: "asc" } },
} satisfies Prisma.ContractSelect;
type ContractRow = Prisma.ContractGetPayload<{ select: typeof contractSelect }>;

const NONE: PartnerFigures = { submitted: 0, aggregate: { suppressed: true } };

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
      status: "SUBMITTED",
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      // The current version: a correction still being drafted does not replace it yet.
      OR: [{ correction: { is: null } }, { correction: { is: { status: "DRAFT" } } }],
    },
    select: {
      cycleId: true,
      primeId: true,
      version: true,
      answers: { select: { questionKey: true, value: true } },
    },
    orderBy: { version: "asc" },
  });
  const result = new Map<string, ScoredAssessment>();
  for (const row of rows) {
    const answers: Answers = Object.fromEntries(
      row.answers.map((a) => [a.questionKey, a.value as AnswerValue]),
    );
    result.set(groupKey(row.cycleId, row.primeId), scoreAssessment(framework, answers, "prime"));
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
  { cycleId, primeId, now = new Date() }: { cycleId?: string; primeId?: string; now?: Date } = {},
): Promise<ContractReport> {
  requireRecordIds(contractId, ...[cycleId, primeId].filter((id) => id !== undefined));
  const access = await accessTo(actor, contractId);
  const { contract, viewer } = access;
  const primeIds = primeId ? access.primeIds.filter((id) => id === primeId) : access.primeIds;
  if (primeId && primeIds.length === 0) throw new NotFoundError();
  const cycles = contract.cycles;
  const cycle =
    (cycleId ? cycles.find((c) => c.id === cycleId) : [...cycles].reverse().find((c) => c.opensAt <= now)) ??
    null;
  if (cycleId && !cycle) throw new NotFoundError();

  const scope: FigureScope = { contractId, primeIds };
  const seesSelf = viewer !== "partner";
  const [figures, selves, chains, notes, replies] = await Promise.all([
    partnerFigures(scope),
    seesSelf ? selfAssessments(contractId, primeIds) : new Map<string, ScoredAssessment>(),
    supplyChainFacts(contractId, primeIds),
    cycle && viewer !== "partner"
      ? noteRows(framework, { ...scope, cycleIds: [cycle.id] }, minimumFor(framework), {
          forPrime: viewer === "prime",
        })
      : [],
    cycle
      ? db().principleReply.findMany({
          where: { cycleId: cycle.id, primeId: { in: primeIds } },
          select: { primeId: true, principleKey: true, text: true },
        })
      : [],
  ]);

  const primes = contract.primes
    .filter((p) => primeIds.includes(p.prime.id))
    .map(({ prime, lot }): PrimeReport => {
      const key = cycle ? groupKey(cycle.id, prime.id) : "";
      const { submitted, aggregate: partners } = figures.get(key) ?? NONE;
      const self = selves.get(key) ?? null;
      const chain = chains.get(prime.id) as SupplyChainFacts;
      const series = cycles
        .filter((c) => c.opensAt <= now)
        .map((c) => ({
          cycle: c,
          figures: (figures.get(groupKey(c.id, prime.id)) ?? NONE).aggregate,
          self: selves.get(groupKey(c.id, prime.id)) ?? null,
        }));
      return {
        prime: { ...prime, lot },
        submitted,
        responseRate: percent(submitted, chain.roster),
        partners,
        self: seesSelf ? self : null,
        comparison: seesSelf && self ? compareViews(self, partners) : null,
        supplyChain: chain,
        notes: notes
          .filter((n) => n.primeId === prime.id)
          .map(({ questionKey, evidence }) => ({ questionKey, evidence })),
        replies: Object.fromEntries(
          replies.filter((r) => r.primeId === prime.id).map((r) => [r.principleKey, r.text]),
        ) as PrimeReport["replies"],
        trend: {
          cycles: series.map((s) => ({
            id: s.cycle.id,
            name: s.cycle.name,
            overall: s.figures.suppressed || s.figures.overall.suppressed ? null : s.figures.overall.mean,
            self: seesSelf ? (s.self?.score ?? null) : null,
          })),
          steps: trend(
            series.map((s) => ({
              cycle: s.cycle.name,
              framework,
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
    minResponses: minimumFor(framework),
    cycles,
    cycle,
    primes,
    benchmark:
      viewer === "commissioner"
        ? benchmark(primes.map((p) => ({ id: p.prime.id, scores: benchmarkScores(p.partners) })))
        : null,
  };
}
