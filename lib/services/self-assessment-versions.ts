import "server-only";
import { selfAssessmentVersionsReadBy } from "@/lib/access/scopes";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { type AnswerValue, type Framework, frameworkFor } from "@/lib/framework";
import { requireRecordIds } from "@/lib/ids";
import { releasedOn } from "./self-assessment-lock";

/**
 * One version of a prime's self-assessment with every version beside it, for the prime and its
 * commissioner (docs/decisions/0029): the version locked when partners' figures were released stays
 * readable as it was, and a later one says it was changed after release. The commissioner reads
 * submitted versions only; a draft is the prime's own.
 */

export interface SelfAssessmentVersion {
  id: string;
  version: number;
  submittedAt: Date | null;
  afterRelease: boolean;
}

export interface SelfAssessmentRead {
  id: string;
  primeName: string;
  contractTitle: string;
  cycleName: string;
  framework: Framework;
  version: SelfAssessmentVersion;
  /** When partners' figures for the cycle were released; null before. */
  releasedOn: Date | null;
  /** Every version the reader may see, oldest first. */
  versions: SelfAssessmentVersion[];
  /** The version reports read: the last submitted before the release (none while none is). */
  reportedId: string | null;
  answers: Map<string, { value: AnswerValue; evidence: string | null }>;
}

/** What reports read (CURRENT_VERSION, report-counts.ts): the newest submitted before any release. */
const reportedVersion = (versions: readonly SelfAssessmentVersion[]) =>
  versions.filter((v) => v.submittedAt !== null && !v.afterRelease).at(-1);

export async function readSelfAssessment(actor: Actor, id: string): Promise<SelfAssessmentRead> {
  requireRecordIds(id);
  const row = await db().assessment.findFirst({
    where: { id, ...selfAssessmentVersionsReadBy(actor) },
    select: {
      id: true,
      cycleId: true,
      primeId: true,
      frameworkId: true,
      frameworkVersion: true,
      respondent: { select: { name: true } },
      contract: { select: { title: true } },
      cycle: { select: { name: true } },
      answers: { select: { questionKey: true, value: true, evidence: true } },
    },
  });
  if (!row) throw new NotFoundError();
  const versions = await db().assessment.findMany({
    where: {
      cycleId: row.cycleId,
      primeId: row.primeId,
      ...selfAssessmentVersionsReadBy(actor),
    },
    select: { id: true, version: true, submittedAt: true, afterRelease: true },
    orderBy: { version: "asc" },
  });
  const version = versions.find((v) => v.id === row.id);
  if (!version) throw new NotFoundError();
  const reported = reportedVersion(versions);
  return {
    id: row.id,
    primeName: row.respondent.name,
    contractTitle: row.contract.title,
    cycleName: row.cycle.name,
    framework: frameworkFor(row.frameworkId, row.frameworkVersion),
    version,
    releasedOn: await releasedOn(db(), row),
    versions,
    reportedId: reported?.id ?? null,
    answers: new Map(
      row.answers.map((a) => [a.questionKey, { value: a.value as AnswerValue, evidence: a.evidence }]),
    ),
  };
}

export interface SelfAssessmentVersions {
  versions: SelfAssessmentVersion[];
  releasedOn: Date | null;
  reportedId: string | null;
}

/**
 * The versions of a prime's self-assessment for one cycle of one contract that the reader may see,
 * so a report can say which one it compares with partners' figures. Empty for anyone else.
 */
export async function selfAssessmentVersionsOf(
  actor: Actor,
  key: { contractId: string; primeId: string; cycleId: string },
): Promise<SelfAssessmentVersions> {
  requireRecordIds(key.contractId, key.primeId, key.cycleId);
  const versions = await db().assessment.findMany({
    where: { ...key, ...selfAssessmentVersionsReadBy(actor) },
    select: { id: true, version: true, submittedAt: true, afterRelease: true },
    orderBy: { version: "asc" },
  });
  if (versions.length === 0) return { versions, releasedOn: null, reportedId: null };
  const reported = reportedVersion(versions);
  return {
    versions,
    releasedOn: await releasedOn(db(), key),
    reportedId: reported?.id ?? null,
  };
}
