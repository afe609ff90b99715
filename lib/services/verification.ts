import "server-only";
import { assertCan, sideOf } from "@/lib/access/capabilities";
import { awardsOverseenBy, selfAssessmentsReadBy } from "@/lib/access/scopes";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { NotFoundError, RuleError } from "@/lib/errors";
import { VERDICT_LABEL, type Verdict } from "@/lib/evidence/verdicts";
import { framework, PRINCIPLE_KEYS, type PrincipleKey } from "@/lib/framework";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireRecordIds } from "@/lib/ids";
import { AUDIT_ACTIONS, recordAudit } from "./audit";

/**
 * Verification (issue 18, part 2; docs/decisions/0025): the contract's commissioner reviews a prime's
 * submitted self-assessment principle by principle, and the prime responds. Entries are only added,
 * never changed, so the whole history stays; each is recorded in the writer's activity log. The
 * prime and its commissioner read it (`selfAssessmentsReadBy`, lib/access/scopes.ts); everyone else
 * finds nothing. Who may write is decided in each write's own query.
 */

export type ReviewSide = "commissioner" | "prime";

export interface ReviewEntry {
  id: string;
  side: ReviewSide;
  /** The commissioner's verdict; null on the prime's responses. */
  verdict: Verdict | null;
  text: string;
  createdAt: Date;
}

export interface PrincipleReview {
  key: PrincipleKey;
  title: string;
  /** The prime's own score for the principle, as submitted. */
  ownScore: number | null;
  evidenceFiles: number;
  /** The latest verdict: the principle's state. Null until the commissioner has reviewed it. */
  verdict: Verdict | null;
  /** The prime responded after the latest verdict: the commissioner's turn. */
  responded: boolean;
  entries: ReviewEntry[];
}

export interface Review {
  assessmentId: string;
  primeName: string;
  commissionerName: string;
  contractTitle: string;
  cycleName: string;
  viewer: ReviewSide;
  /** A draft is not reviewed; a superseded version keeps its history but takes no new entries. */
  state: "draft" | "current" | "superseded";
  principles: PrincipleReview[];
}

const reviewSelect = {
  id: true,
  status: true,
  respondent: { select: { name: true } },
  contract: { select: { title: true, commissioner: { select: { name: true } } } },
  cycle: { select: { name: true } },
  correction: { select: { id: true } },
  scores: { select: { measure: true, score: true } },
  evidenceFiles: { select: { principleKey: true } },
  verification: {
    select: { id: true, principleKey: true, verdict: true, text: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.AssessmentSelect;

/** A self-assessment's review, principle by principle, for its prime and its commissioner. */
export async function getReview(actor: Actor, assessmentId: string): Promise<Review> {
  requireRecordIds(assessmentId);
  const row = await db().assessment.findFirst({
    where: { id: assessmentId, ...selfAssessmentsReadBy(actor) },
    select: reviewSelect,
  });
  if (!row) throw new NotFoundError();
  const scoreOf = new Map(row.scores.map((s) => [s.measure, s.score]));
  return {
    assessmentId: row.id,
    primeName: row.respondent.name,
    commissionerName: row.contract.commissioner.name,
    contractTitle: row.contract.title,
    cycleName: row.cycle.name,
    viewer: sideOf(actor) === "commissioner" ? "commissioner" : "prime",
    state: row.status === "DRAFT" ? "draft" : row.correction ? "superseded" : "current",
    principles: framework.principles.map((p) => {
      const entries: ReviewEntry[] = row.verification
        .filter((e) => e.principleKey === p.key)
        .map((e) => ({
          id: e.id,
          side: e.verdict ? "commissioner" : "prime",
          verdict: e.verdict,
          text: e.text,
          createdAt: e.createdAt,
        }));
      const lastVerdict = entries.findLast((e) => e.verdict !== null);
      return {
        key: p.key,
        title: p.title,
        ownScore: scoreOf.get(p.key) ?? null,
        evidenceFiles: row.evidenceFiles.filter((f) => f.principleKey === p.key).length,
        verdict: lastVerdict?.verdict ?? null,
        responded: lastVerdict !== undefined && entries.at(-1)?.side === "prime",
        entries,
      };
    }),
  };
}

/** The reviewable self-assessment: submitted, not superseded, and one the actor may read. */
async function reviewable(tx: Prisma.TransactionClient, actor: Actor, assessmentId: string) {
  const row = await tx.assessment.findFirst({
    where: { id: assessmentId, ...selfAssessmentsReadBy(actor) },
    select: {
      id: true,
      status: true,
      respondentOrgId: true,
      respondent: { select: { name: true } },
      contract: { select: { title: true, commissionerId: true, commissioner: { select: { name: true } } } },
      cycle: { select: { name: true } },
      correction: { select: { id: true } },
    },
  });
  if (!row) throw new NotFoundError();
  if (row.status !== "SUBMITTED") {
    throw new RuleError("This self-assessment has not been submitted yet, so it cannot be reviewed.");
  }
  if (row.correction) {
    throw new RuleError("A newer version of this self-assessment has been submitted: review that one.");
  }
  return row;
}

function principleTitle(principleKey: string): string {
  if (!(PRINCIPLE_KEYS as readonly string[]).includes(principleKey)) throw new NotFoundError();
  return framework.principles.find((p) => p.key === principleKey)?.title ?? principleKey;
}

/** The commissioner's verdict on one principle, with a comment the prime reads. Only the contract's commissioner. */
export async function recordVerdict(
  actor: Actor,
  input: { assessmentId: string; principleKey: string; verdict: Verdict; comment: string },
): Promise<void> {
  requireRecordIds(input.assessmentId);
  const title = principleTitle(input.principleKey);
  // Nobody else finds the self-assessment: the prime itself is refused here too, as "not found".
  assertCan(actor, "judgePrimes");
  if (input.verdict !== "VERIFIED" && input.comment.trim() === "") {
    throw new RuleError("Say what is missing or wrong, so the prime knows what to do.");
  }
  await db().$transaction(async (tx) => {
    const row = await reviewable(tx, actor, input.assessmentId);
    if (row.contract.commissionerId !== actor.organisationId) throw new NotFoundError();
    await tx.verificationEntry.create({
      data: {
        assessmentId: row.id,
        principleKey: input.principleKey,
        verdict: input.verdict,
        text: input.comment.trim(),
      },
    });
    await recordAudit(
      {
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: AUDIT_ACTIONS.verdict,
        summary: `Recorded “${VERDICT_LABEL[input.verdict]}” on ${title.toLowerCase()} in ${row.respondent.name}'s self-assessment (${row.contract.title}, ${row.cycle.name})`,
      },
      tx,
    );
  });
}

/** The prime's response on one principle of its own self-assessment. Only the prime that answered it. */
export async function respondToReview(
  actor: Actor,
  input: { assessmentId: string; principleKey: string; text: string },
): Promise<void> {
  requireRecordIds(input.assessmentId);
  const title = principleTitle(input.principleKey);
  assertCan(actor, "selfAssess");
  const text = input.text.trim();
  if (text === "") throw new RuleError("Enter your response to the commissioner.");
  await db().$transaction(async (tx) => {
    const row = await reviewable(tx, actor, input.assessmentId);
    if (row.respondentOrgId !== actor.organisationId) throw new NotFoundError();
    await tx.verificationEntry.create({
      data: { assessmentId: row.id, principleKey: input.principleKey, verdict: null, text },
    });
    await recordAudit(
      {
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: AUDIT_ACTIONS.reviewResponse,
        summary: `Responded to ${row.contract.commissioner.name}'s review of ${title.toLowerCase()} (${row.contract.title}, ${row.cycle.name})`,
      },
      tx,
    );
  });
}

/**
 * The newest submitted self-assessment of a prime on a contract in a cycle, for the report's link to
 * its evidence and review; null when it has none. `awardsOverseenBy` decides who finds it.
 */
export async function currentSelfAssessmentId(
  actor: Actor,
  input: { contractId: string; primeId: string; cycleId: string },
): Promise<string | null> {
  requireRecordIds(input.contractId, input.primeId, input.cycleId);
  // The prime itself, or the contract's commissioner, on a cycle of that contract; anyone else: not found.
  const award = await db().contractPrime.findFirst({
    where: {
      AND: [
        awardsOverseenBy(actor),
        { contractId: input.contractId, primeId: input.primeId },
        { contract: { cycles: { some: { id: input.cycleId } } } },
      ],
    },
    select: { id: true },
  });
  if (!award) throw new NotFoundError();
  const row = await db().assessment.findFirst({
    where: {
      ...selfAssessmentsReadBy(actor),
      contractId: input.contractId,
      cycleId: input.cycleId,
      primeId: input.primeId,
      status: "SUBMITTED",
      correction: { is: null },
    },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  return row?.id ?? null;
}
