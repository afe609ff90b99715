import "server-only";
import { assertCan, sideOf } from "@/lib/access/capabilities";
import { selfAssessmentsReadBy } from "@/lib/access/scopes";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { frameworkFor, principleOf } from "@/lib/framework";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireRecordIds } from "@/lib/ids";
import { LEVEL_LABEL, LEVEL_RULE, type Level, type LevelOutcome, workLevel } from "@/lib/scoring/levels";
import { AUDIT_ACTIONS, recordAudit } from "./audit";
import { primeView } from "./release-reads";
import { releasedScopes } from "./releases";
import type { ReviewSide } from "./verification";

/**
 * Levels (issue 18, part 4; docs/decisions/0026): the published rule (lib/scoring/levels.ts) worked
 * on a prime's self-assessment for a cycle, the commissioner's confirmation of it, the prime's dated
 * statement, and the public register of confirmed levels a commissioner chose to publish. Partners'
 * figures come only from releases, read as the prime itself reads them, so a level tells nobody
 * anything about partners that the prime could not read already.
 */

export interface ConfirmedLevel {
  id: string;
  level: Level;
  reasons: string[];
  ruleVersion: string;
  published: boolean;
  confirmedAt: Date;
}

export interface LevelView {
  assessmentId: string;
  primeName: string;
  commissionerName: string;
  contractTitle: string;
  cycleName: string;
  viewer: ReviewSide;
  /** The rule worked now; null for a draft or a superseded version, which get no level. */
  worked: LevelOutcome | null;
  /** The latest confirmation of this self-assessment's level. */
  confirmed: ConfirmedLevel | null;
}

const assessmentSelect = {
  id: true,
  status: true,
  contractId: true,
  cycleId: true,
  primeId: true,
  frameworkId: true,
  frameworkVersion: true,
  respondent: { select: { name: true } },
  contract: { select: { title: true, commissionerId: true, commissioner: { select: { name: true } } } },
  cycle: { select: { name: true, opensAt: true } },
  correction: { select: { id: true } },
  scores: { select: { measure: true, score: true } },
  answers: { where: { flagged: true }, select: { principleKey: true } },
  verification: {
    where: { verdict: { not: null } },
    select: { principleKey: true, verdict: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
  levels: { select: confirmedSelect(), orderBy: [{ confirmedAt: "desc" }, { id: "desc" }], take: 1 },
} satisfies Prisma.AssessmentSelect;

function confirmedSelect() {
  return {
    id: true,
    level: true,
    reasons: true,
    ruleVersion: true,
    published: true,
    confirmedAt: true,
  } satisfies Prisma.LevelConfirmationSelect;
}

type AssessmentRow = Prisma.AssessmentGetPayload<{ select: typeof assessmentSelect }>;

/** The rule's inputs for a self-assessment, gathered from its review, its release and the action plan. */
async function work(row: AssessmentRow) {
  const framework = frameworkFor(row.frameworkId, row.frameworkVersion);
  const [scope] = await releasedScopes(primeView(row.primeId), {
    primeIds: [row.primeId],
    periods: [row.cycle.name],
    levels: ["contract"],
    contractIds: [row.contractId],
  });
  const done = await db().actionPlanItem.findMany({
    where: {
      contractId: row.contractId,
      primeId: row.primeId,
      status: "DONE",
      updatedAt: { gte: row.cycle.opensAt },
    },
    select: { principleKey: true },
  });
  const resolved = new Set(done.map((d) => d.principleKey));
  const flagsOn = new Map<string, number>();
  const flag = (key: string | undefined) => key && flagsOn.set(key, (flagsOn.get(key) ?? 0) + 1);
  for (const answer of row.answers) flag(answer.principleKey);
  for (const figure of scope?.figures ?? []) {
    if (figure.kind === "flag" && figure.raised > 0) flag(principleOf(framework, figure.key));
  }
  const latest = new Map(row.verification.map((v) => [v.principleKey, v.verdict]));
  const own = new Map(row.scores.map((s) => [s.measure, s.score]));
  return workLevel({
    partnersReleased: scope !== undefined,
    principles: framework.principles.map((p) => ({
      key: p.key,
      title: p.title,
      verified: latest.get(p.key) === "VERIFIED",
      ownScore: own.get(p.key) ?? null,
      partnersMean: scope?.derived.find((d) => d.measure === p.key)?.mean ?? null,
      unresolvedFlags: resolved.has(p.key) ? 0 : (flagsOn.get(p.key) ?? 0),
    })),
  });
}

const toConfirmed = (row: AssessmentRow["levels"][number]): ConfirmedLevel => ({
  ...row,
  reasons: Array.isArray(row.reasons) ? row.reasons.map(String) : [],
});

/** A self-assessment's level: worked now by the rule, and as last confirmed. Its prime and commissioner only. */
export async function getLevel(actor: Actor, assessmentId: string): Promise<LevelView> {
  requireRecordIds(assessmentId);
  const row = await db().assessment.findFirst({
    where: { id: assessmentId, ...selfAssessmentsReadBy(actor) },
    select: assessmentSelect,
  });
  if (!row) throw new NotFoundError();
  const current = row.status === "SUBMITTED" && !row.correction;
  const [confirmed] = row.levels;
  return {
    assessmentId: row.id,
    primeName: row.respondent.name,
    commissionerName: row.contract.commissioner.name,
    contractTitle: row.contract.title,
    cycleName: row.cycle.name,
    viewer: sideOf(actor) === "commissioner" ? "commissioner" : "prime",
    worked: current ? await work(row) : null,
    confirmed: confirmed ? toConfirmed(confirmed) : null,
  };
}

/**
 * The commissioner confirms the level the rule gives now (never one sent by the form), and chooses
 * whether it is on the public register. Each confirmation is a new dated row.
 */
export async function confirmLevel(
  actor: Actor,
  input: { assessmentId: string; publish: boolean },
): Promise<{ id: string; level: Level }> {
  requireRecordIds(input.assessmentId);
  assertCan(actor, "judgePrimes");
  const row = await db().assessment.findFirst({
    where: { id: input.assessmentId, ...selfAssessmentsReadBy(actor) },
    select: assessmentSelect,
  });
  if (!row || row.contract.commissionerId !== actor.organisationId) throw new NotFoundError();
  if (row.status !== "SUBMITTED" || row.correction) {
    throw new RuleError("Only the newest submitted self-assessment of a cycle is given a level.");
  }
  // Worked outside the transaction: the release read has its own connection (one at a time on PGlite).
  const outcome = await work(row);
  return db().$transaction(async (tx) => {
    // What the rule was worked on must still stand: no verdict since, no newer version.
    const now = await tx.assessment.findFirst({
      where: { id: row.id, correction: { is: null } },
      select: { _count: { select: { verification: { where: { verdict: { not: null } } } } } },
    });
    if (!now)
      throw new RuleError(
        "A newer version of this self-assessment has been submitted: confirm its level instead.",
      );
    if (now._count.verification !== row.verification.length) {
      throw new ConflictError(
        "The review changed while you were confirming. Look at the level again, then confirm.",
      );
    }
    const created = await tx.levelConfirmation.create({
      select: { id: true },
      data: {
        assessmentId: row.id,
        level: outcome.level,
        reasons: outcome.reasons,
        ruleVersion: LEVEL_RULE.version,
        published: input.publish,
      },
    });
    await recordAudit(
      {
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: AUDIT_ACTIONS.levelConfirmed,
        summary: `Confirmed “${LEVEL_LABEL[outcome.level]}” for ${row.respondent.name} (${row.contract.title}, ${row.cycle.name})${input.publish ? ", published on the register" : ""}`,
      },
      tx,
    );
    return { id: created.id, level: outcome.level };
  });
}

export interface RegisterEntry {
  /** The contract and prime, `contractId/primeId`: one line each. */
  key: string;
  primeName: string;
  contractTitle: string;
  commissionerName: string;
  cycleName: string;
  level: Level;
  confirmedAt: Date;
}

/**
 * The public register: for each prime on each contract, its latest confirmed level, when the
 * commissioner published that confirmation. Names, the cycle, the level and its date: no figure.
 */
export async function publicRegister(): Promise<RegisterEntry[]> {
  const rows = await db().$queryRaw<
    {
      key: string;
      primeName: string;
      contractTitle: string;
      commissionerName: string;
      cycleName: string;
      level: Level;
      confirmedAt: Date;
      published: boolean;
    }[]
  >`
    SELECT DISTINCT ON (a."contractId", a."primeId")
      a."contractId" || '/' || a."primeId" AS key, p.name AS "primeName", k.title AS "contractTitle", c.name AS "commissionerName",
      y.name AS "cycleName", l.level::text AS level, l."confirmedAt", l.published
    FROM "LevelConfirmation" l
    JOIN "Assessment" a ON a.id = l."assessmentId"
    JOIN "Organisation" p ON p.id = a."primeId"
    JOIN "Contract" k ON k.id = a."contractId"
    JOIN "Organisation" c ON c.id = k."commissionerId"
    JOIN "Cycle" y ON y.id = a."cycleId"
    ORDER BY a."contractId", a."primeId", l."confirmedAt" DESC, l.id DESC`;
  return rows
    .filter((r) => r.published)
    .map(({ published: _, ...entry }) => entry)
    .sort((a, b) => a.primeName.localeCompare(b.primeName) || a.contractTitle.localeCompare(b.contractTitle));
}
