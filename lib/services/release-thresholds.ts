import "server-only";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { ForbiddenError, RuleError } from "@/lib/errors";
import { framework } from "@/lib/framework";
import { MIN_THRESHOLD } from "@/lib/scoring/release";
import { AUDIT_ACTIONS, recordAudit } from "./audit";
import { assertReleaser } from "./release-overview";

/**
 * A programme's release thresholds (docs/decisions/0011): how many partner organisations every
 * published figure, and every comparison of figures, must rest on (score), and how many must be on
 * each side of a count (category). Its administrators may raise them, never lower them: partners
 * answered on the promise of the numbers their start page showed them.
 */

/** Never below this, nor below the framework's own minimum. */
export const LOWEST_THRESHOLD = Math.max(MIN_THRESHOLD, framework.minPartners);
/** Beyond this, almost no supply chain or pool would ever have a figure. */
export const HIGHEST_THRESHOLD = 50;

export interface Thresholds {
  score: number;
  category: number;
}

export async function programmeThresholds(actor: Actor): Promise<Thresholds> {
  assertReleaser(actor);
  const org = await db().organisation.findUniqueOrThrow({
    where: { id: actor.organisationId },
    select: { releaseScoreThreshold: true, releaseCategoryThreshold: true },
  });
  return { score: org.releaseScoreThreshold, category: org.releaseCategoryThreshold };
}

/** Raises the acting administrator's programme thresholds; refuses to lower either. */
export async function raiseThresholds(actor: Actor, next: Thresholds): Promise<Thresholds> {
  assertReleaser(actor);
  return db().$transaction(async (tx) => {
    const admin = await tx.membership.findFirst({
      where: { userId: actor.userId as string, organisationId: actor.organisationId, role: "ADMIN" },
      select: { id: true },
    });
    if (!admin) throw new ForbiddenError("Only the commissioner's administrators can change its thresholds.");
    const current = await tx.organisation.findUniqueOrThrow({
      where: { id: actor.organisationId },
      select: { releaseScoreThreshold: true, releaseCategoryThreshold: true },
    });
    if (next.score < current.releaseScoreThreshold || next.category < current.releaseCategoryThreshold) {
      throw new RuleError(
        "Thresholds can be raised but never lowered: partners answered on the promise of the thresholds they were shown.",
      );
    }
    await tx.organisation.update({
      where: { id: actor.organisationId },
      data: { releaseScoreThreshold: next.score, releaseCategoryThreshold: next.category },
    });
    await recordAudit(
      {
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: AUDIT_ACTIONS.thresholdsRaised,
        summary: `Raised the release thresholds from ${current.releaseScoreThreshold} and ${current.releaseCategoryThreshold} to ${next.score} and ${next.category}`,
      },
      tx,
    );
    return next;
  });
}
