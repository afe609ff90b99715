import "server-only";
import { randomInt } from "node:crypto";
import { assertMayReadAnswers } from "@/lib/access/answers";
import { ON_ROSTER, openAt } from "@/lib/access/scopes";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import {
  type Answers,
  type AnswerValue,
  framework as currentFramework,
  type Framework,
  frameworkFor,
  type Perspective,
  type PrincipleKey,
  principleQuestions,
} from "@/lib/framework";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Perspective as DbPerspective } from "@/lib/generated/prisma/enums";
import { requireRecordIds } from "@/lib/ids";
import type { PageAnswer } from "@/lib/questionnaire/form";
import { isComplete, type PrincipleProgress, progress } from "@/lib/questionnaire/progress";
import { commissionerProgrammeSelect, type Programme, programmeFor } from "@/lib/questionnaire/who-sees";
import { storedScores } from "@/lib/reports/stored-scores";
import { scoreAssessment } from "@/lib/scoring";
import { AUDIT_ACTIONS, recordAudit } from "./audit";
import { assertNotLocked, lockedMessage, lockedOn, releasedOn } from "./self-assessment-lock";

export const CLOSED_MESSAGE =
  "This rating cycle has closed, so answers can no longer be changed or sent. Anything to add or correct can go into the next cycle.";

export const toDbPerspective = (p: Perspective): DbPerspective => (p === "prime" ? "PRIME" : "SUBCONTRACTOR");
export const fromDbPerspective = (p: DbPerspective): Perspective =>
  p === "PRIME" ? "prime" : "subcontractor";

const assessmentSelect = {
  id: true,
  reference: true,
  frameworkId: true,
  frameworkVersion: true,
  perspective: true,
  status: true,
  version: true,
  afterRelease: true,
  supersedesId: true,
  revision: true,
  submittedAt: true,
  updatedAt: true,
  respondentOrgId: true,
  cycleId: true,
  primeId: true,
  contractId: true,
  contract: {
    select: { id: true, title: true, reference: true, commissioner: { select: commissionerProgrammeSelect } },
  },
  cycle: { select: { id: true, name: true, opensAt: true, closesAt: true } },
  prime: { select: { id: true, name: true } },
  respondent: { select: { id: true, name: true } },
  answers: { select: { questionKey: true, value: true, evidence: true } },
} satisfies Prisma.AssessmentSelect;

export interface AssessmentView {
  id: string;
  reference: string;
  framework: Framework;
  perspective: Perspective;
  status: "draft" | "submitted";
  version: number;
  /** A prime's version made after partners' figures for the cycle were released (ADR 0029). */
  afterRelease: boolean;
  /** The version this one replaces, if any. */
  supersedesId: string | null;
  /** Set when this is a prime's self-assessment locked by a release: the release's date. */
  lockedOn: Date | null;
  revision: number;
  submittedAt: Date | null;
  contract: { id: string; title: string; reference: string };
  cycle: { id: string; name: string; closesAt: Date };
  /** What the partner is told about who reads its answers: the programme's thresholds, the close. */
  programme: Programme;
  prime: { id: string; name: string };
  respondent: { id: string; name: string };
  answers: Map<string, PageAnswer>;
  progress: PrincipleProgress[];
  complete: boolean;
}

function toView(
  row: Prisma.AssessmentGetPayload<{ select: typeof assessmentSelect }>,
  locked: Date | null,
): AssessmentView {
  const framework = frameworkFor(row.frameworkId, row.frameworkVersion);
  const perspective = fromDbPerspective(row.perspective);
  const answers = new Map<string, PageAnswer>(
    row.answers.map((a) => [a.questionKey, { value: a.value as AnswerValue, evidence: a.evidence }]),
  );
  const items = progress(framework, perspective, new Set(answers.keys()));
  return {
    id: row.id,
    reference: row.reference,
    framework,
    perspective,
    status: row.status === "SUBMITTED" ? "submitted" : "draft",
    version: row.version,
    afterRelease: row.afterRelease,
    supersedesId: row.supersedesId,
    lockedOn: locked,
    revision: row.revision,
    submittedAt: row.submittedAt,
    contract: { id: row.contract.id, title: row.contract.title, reference: row.contract.reference },
    cycle: row.cycle,
    programme: programmeFor({
      prime: row.prime.name,
      commissioner: row.contract.commissioner,
      closesAt: row.cycle.closesAt,
      frameworkMinimum: framework.minResponses,
    }),
    prime: row.prime,
    respondent: row.respondent,
    answers,
    progress: items,
    complete: isComplete(items),
  };
}

/**
 * One assessment, only for the organisation that is answering it. Anyone else gets "not found":
 * an assessment's existence is not revealed to other organisations.
 */
export async function getOwnAssessment(actor: Actor, id: string): Promise<AssessmentView> {
  requireRecordIds(id);
  const row = await db().assessment.findFirst({
    where: { id, respondentOrgId: actor.organisationId },
    select: assessmentSelect,
  });
  if (!row) throw new NotFoundError();
  await assertMayReadAnswers(db(), actor, row);
  return toView(row, await lockedOn(db(), row));
}

/** Crockford base32 without look-alike letters, so a reference can be read over the phone. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export function newReference(): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `CW-${part()}-${part()}`;
}

export interface StartInput {
  contractId: string;
  primeId: string;
  perspective: Perspective;
}

/**
 * What a start page needs: the contract, the prime and the open cycle, after checking that the
 * actor may answer. Subcontractors must be on the prime's rating roster for the contract; a prime
 * may only assess itself.
 */
export async function getStartContext(actor: Actor, input: StartInput, now = new Date()) {
  requireRecordIds(input.contractId, input.primeId);
  const award = await db().contractPrime.findUnique({
    where: { contractId_primeId: { contractId: input.contractId, primeId: input.primeId } },
    select: {
      contract: {
        select: {
          id: true,
          title: true,
          reference: true,
          commissioner: { select: commissionerProgrammeSelect },
        },
      },
      prime: { select: { id: true, name: true } },
    },
  });
  if (!award) throw new NotFoundError();
  if (input.perspective === "prime") {
    if (actor.organisationId !== input.primeId) throw new ForbiddenError();
  } else {
    const member = await db().supplyChainMember.findFirst({
      where: {
        contractId: input.contractId,
        primeId: input.primeId,
        organisationId: actor.organisationId,
        ...ON_ROSTER,
      },
      select: { id: true },
    });
    if (!member) throw new ForbiddenError();
  }
  const cycle = await db().cycle.findFirst({
    where: { contractId: input.contractId, ...openAt(now) },
    orderBy: { opensAt: "desc" },
    select: { id: true, name: true, closesAt: true, frameworkId: true, frameworkVersion: true },
  });
  const existing = cycle
    ? await db().assessment.findFirst({
        where: {
          cycleId: cycle.id,
          respondentOrgId: actor.organisationId,
          primeId: input.primeId,
          perspective: toDbPerspective(input.perspective),
        },
        orderBy: { version: "desc" },
        select: { id: true, status: true },
      })
    : null;
  const programme = programmeFor({
    prime: award.prime.name,
    commissioner: award.contract.commissioner,
    closesAt: cycle?.closesAt ?? null,
    frameworkMinimum: currentFramework.minResponses,
  });
  const { commissioner: _, ...contract } = award.contract;
  return { contract, prime: award.prime, cycle, existing, programme };
}

/** Opens the actor's draft for the open cycle, creating it on first start. Returns its id. */
export async function startOrResume(actor: Actor, input: StartInput, now = new Date()): Promise<string> {
  const context = await getStartContext(actor, input, now);
  if (!context.cycle) throw new RuleError("This contract has no rating cycle open at the moment.");
  if (context.existing) return context.existing.id;
  const created = await db().assessment.create({
    data: {
      reference: newReference(),
      // A cycle uses one version, chosen when it was opened (the database refuses any other).
      frameworkId: context.cycle.frameworkId,
      frameworkVersion: context.cycle.frameworkVersion,
      perspective: toDbPerspective(input.perspective),
      contractId: input.contractId,
      cycleId: context.cycle.id,
      primeId: input.primeId,
      respondentOrgId: actor.organisationId,
    },
    select: { id: true },
  });
  return created.id;
}

/** Score and flag facts stored beside each answer, so reports can aggregate in SQL. */
function answerFacts(framework: Framework, perspective: Perspective, answers: Answers) {
  const scored = scoreAssessment(framework, answers, perspective);
  return new Map(
    scored.questions.map((q) => [
      q.key,
      { score: q.score, flagged: q.flagged === true, principle: q.principle },
    ]),
  );
}

/**
 * Saves one principle page. Refuses a stale save (the draft changed since the page was loaded) and
 * any save to a submitted assessment. Blank questions lose any stored answer: the page is the truth.
 */
export async function savePrinciple(
  actor: Actor,
  input: { id: string; revision: number; principle: PrincipleKey; answers: Map<string, PageAnswer> },
  now = new Date(),
): Promise<void> {
  requireRecordIds(input.id);
  await db().$transaction(async (tx) => {
    const row = await tx.assessment.findFirst({
      where: { id: input.id, respondentOrgId: actor.organisationId },
      select: {
        status: true,
        revision: true,
        afterRelease: true,
        perspective: true,
        frameworkId: true,
        frameworkVersion: true,
        cycleId: true,
        primeId: true,
        contractId: true,
        respondentOrgId: true,
        cycle: { select: { closesAt: true } },
      },
    });
    if (!row) throw new NotFoundError();
    await assertMayReadAnswers(tx, actor, row);
    if (row.status === "SUBMITTED")
      throw new RuleError("This assessment has been submitted, so it can no longer be changed.");
    await assertNotLocked(tx, row);
    // A version made after release is changed after the close by definition (ADR 0029).
    if (row.cycle.closesAt < now && !row.afterRelease) throw new RuleError(CLOSED_MESSAGE);
    const claimed = await tx.assessment.updateMany({
      where: { id: input.id, revision: input.revision, status: "DRAFT" },
      data: { revision: { increment: 1 } },
    });
    if (claimed.count === 0) {
      throw new ConflictError(
        "These answers were changed somewhere else (perhaps in another tab) after you opened this page. Your answers on this page are below: check them and save again.",
      );
    }
    const framework = frameworkFor(row.frameworkId, row.frameworkVersion);
    const perspective = fromDbPerspective(row.perspective);
    const keys = principleQuestions(framework, input.principle, perspective).map((q) => q.key);
    const values: Record<string, AnswerValue> = {};
    for (const [key, answer] of input.answers) values[key] = answer.value;
    const facts = answerFacts(framework, perspective, values);

    await tx.answer.deleteMany({ where: { assessmentId: input.id, questionKey: { in: keys } } });
    const rows = [...input.answers]
      .filter(([key]) => keys.includes(key))
      .map(([key, answer]) => ({
        assessmentId: input.id,
        questionKey: key,
        value: answer.value as Prisma.InputJsonValue,
        evidence: answer.evidence,
        score: facts.get(key)?.score ?? null,
        flagged: facts.get(key)?.flagged ?? false,
        principleKey: input.principle,
      }));
    if (rows.length) await tx.answer.createMany({ data: rows });
  });
}

export interface SubmitOptions {
  /** A partner lets the prime read its evidence notes, unattributed. */
  shareNotesWithPrime?: boolean;
  now?: Date;
}

/**
 * Submits a complete draft, storing its scores for reports in the same transaction. From here on
 * it never changes; a correction is a new version.
 */
export async function submit(
  actor: Actor,
  id: string,
  revision: number,
  { shareNotesWithPrime = false, now = new Date() }: SubmitOptions = {},
): Promise<void> {
  const view = await getOwnAssessment(actor, id);
  if (view.status === "submitted") return;
  if (!view.complete)
    throw new RuleError(
      "Answer every question before you submit. ‘Don’t know’ and ‘Not applicable’ count as answers.",
    );
  if (view.lockedOn) throw new RuleError(lockedMessage(view.lockedOn));
  if (view.cycle.closesAt < now && !view.afterRelease) throw new RuleError(CLOSED_MESSAGE);
  const what =
    view.perspective === "prime"
      ? view.afterRelease
        ? `version ${view.version} of a self-assessment, after release,`
        : "a self-assessment"
      : `a rating of ${view.prime.name}`;
  const answers: Answers = Object.fromEntries([...view.answers].map(([key, a]) => [key, a.value]));
  const scores = storedScores(scoreAssessment(view.framework, answers, view.perspective));
  await db().$transaction(async (tx) => {
    const done = await tx.assessment.updateMany({
      where: { id, revision, status: "DRAFT", respondentOrgId: actor.organisationId },
      data: {
        status: "SUBMITTED",
        submittedAt: now,
        revision: { increment: 1 },
        notesSharedWithPrime: view.perspective === "subcontractor" && shareNotesWithPrime,
      },
    });
    if (done.count === 0) {
      throw new ConflictError(
        "These answers were changed somewhere else after you opened this page. Check them again before you submit.",
      );
    }
    // Who submitted, and that they did; never which answers they gave.
    await recordAudit(
      {
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: AUDIT_ACTIONS.submitted,
        summary: `Submitted ${what} for ${view.contract.title} (${view.cycle.name})`,
      },
      tx,
    );
    await tx.assessmentScore.createMany({ data: scores.map((s) => ({ assessmentId: id, ...s })) });
  });
}

/**
 * Starts a correction of a submitted assessment: a new draft version with the same answers. The
 * submitted version stays as it was, so the history is kept. A prime's self-assessment whose cycle's
 * partners' figures are released gets a version made after release instead (ADR 0029): shown as
 * such, changeable after the close, never read by reports in place of the locked one.
 */
export async function startCorrection(actor: Actor, id: string, now = new Date()): Promise<string> {
  requireRecordIds(id);
  return db().$transaction(async (tx) => {
    const original = await tx.assessment.findFirst({
      where: { id, respondentOrgId: actor.organisationId, status: "SUBMITTED" },
      include: { answers: true, correction: { select: { id: true } }, cycle: { select: { closesAt: true } } },
    });
    if (!original) throw new NotFoundError();
    await assertMayReadAnswers(tx, actor, original);
    if (original.correction) return original.correction.id;
    const afterRelease =
      original.perspective === "PRIME" &&
      (original.afterRelease || (await releasedOn(tx, original)) !== null);
    // A correction made after the close could never be submitted: it goes into the next cycle instead.
    if (original.cycle.closesAt < now && !afterRelease) throw new RuleError(CLOSED_MESSAGE);
    const created = await tx.assessment.create({
      data: {
        reference: newReference(),
        frameworkId: original.frameworkId,
        frameworkVersion: original.frameworkVersion,
        perspective: original.perspective,
        contractId: original.contractId,
        cycleId: original.cycleId,
        primeId: original.primeId,
        respondentOrgId: original.respondentOrgId,
        version: original.version + 1,
        supersedesId: original.id,
        afterRelease,
        answers: {
          create: original.answers.map((answer) => ({
            questionKey: answer.questionKey,
            value: answer.value as Prisma.InputJsonValue,
            evidence: answer.evidence,
            score: answer.score,
            flagged: answer.flagged,
            principleKey: answer.principleKey,
          })),
        },
      },
      select: { id: true },
    });
    return created.id;
  });
}
