import "server-only";
import type { Actor } from "@/lib/auth/types";
import { ForbiddenError } from "@/lib/errors";
import type { Perspective } from "@/lib/generated/prisma/enums";
import type { AssessmentDelegate, MembershipDelegate } from "@/lib/generated/prisma/models";

/**
 * Who may read (and so continue, correct or resubmit) a partner's rating: the members of the
 * responding organisation who belonged to it when the rating was started (its first version's
 * creation). Someone who joined later sees that the rating exists, never its answers.
 *
 * Why: joining is now the organisation's own decision (lib/services/join-requests.ts), but a
 * membership made some other way (before that rule, by a mistake, by an administrator tricked into
 * approving) must not open answers given before that person was there. A prime that plants a
 * colleague in its partner learns nothing the partner had already said. Checked wherever answers are
 * read for the respondent (lib/services/assessments.ts); reports never read one rating's answers.
 * Nor may anyone who also belongs to the rated prime or the contract's commissioner read it, however
 * that membership came about. A prime's self-assessment is not confidential from the prime, so the
 * rule is for partners only.
 */

export const WITHHELD_MESSAGE =
  "This rating was started before you joined your organisation on Chainwise, so its answers are only " +
  "shown to the people who were members then. Ask one of them to finish or correct it.";

export class AnswersWithheldError extends ForbiddenError {
  constructor() {
    super(WITHHELD_MESSAGE);
    this.name = "AnswersWithheldError";
  }
}

/** The reads the rule needs: the database client or a transaction, given by the service asking. */
type Reader = { membership: MembershipDelegate; assessment: AssessmentDelegate };

export interface RatingKey {
  perspective: Perspective;
  contractId: string;
  cycleId: string;
  primeId: string;
  respondentOrgId: string;
}

export async function mayReadAnswers(client: Reader, actor: Actor, rating: RatingKey): Promise<boolean> {
  if (rating.perspective !== "SUBCONTRACTOR") return true;
  // A demo visitor acts for an invented organisation, with no membership to date.
  if (actor.userId === null) return true;
  // One after another: inside a transaction the queries share one connection, which takes one at a time.
  const membership = await client.membership.findUnique({
    where: { userId_organisationId: { userId: actor.userId, organisationId: rating.respondentOrgId } },
    select: { createdAt: true },
  });
  const first = await client.assessment.findUnique({
    where: {
      cycleId_primeId_respondentOrgId_perspective_version: {
        cycleId: rating.cycleId,
        primeId: rating.primeId,
        respondentOrgId: rating.respondentOrgId,
        perspective: rating.perspective,
        version: 1,
      },
    },
    select: { createdAt: true },
  });
  // Someone who also belongs to the rated prime or its commissioner (a membership made before the
  // separation of sides was enforced, lib/services/separation.ts) reads nothing of it.
  const otherSide = await client.membership.findFirst({
    where: {
      userId: actor.userId,
      OR: [
        { organisationId: rating.primeId },
        { organisation: { commissionedContracts: { some: { id: rating.contractId } } } },
      ],
    },
    select: { id: true },
  });
  if (!membership || !first || otherSide) return false;
  return membership.createdAt <= first.createdAt;
}

export async function assertMayReadAnswers(client: Reader, actor: Actor, rating: RatingKey): Promise<void> {
  if (!(await mayReadAnswers(client, actor, rating))) throw new AnswersWithheldError();
}
