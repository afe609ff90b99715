import "server-only";
import { createHash } from "node:crypto";
import { assertCan, can } from "@/lib/access/capabilities";
import { selfAssessmentsReadBy } from "@/lib/access/scopes";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { NotFoundError, RuleError } from "@/lib/errors";
import { judgeFileType } from "@/lib/evidence/file-types";
import { formatBytes } from "@/lib/format";
import { PRINCIPLE_KEYS } from "@/lib/framework";
import { requireRecordIds } from "@/lib/ids";
import { AUDIT_ACTIONS, recordAudit } from "./audit";
import { lockedMessage, lockedOn } from "./self-assessment-lock";

/**
 * Evidence a prime attaches to its self-assessment (issue 18; docs/decisions/0016): files judged
 * by their content, stored in PostgreSQL, read only by the prime's members and the contract's
 * commissioner. Who may do what is decided here, for every call.
 */

/** Under the proxy's 6 MB body limit for a form post, with room for the form's other fields. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 20;

export interface EvidenceListing {
  assessmentId: string;
  primeName: string;
  contractTitle: string;
  cycleName: string;
  /** Only the prime itself adds evidence. */
  canAdd: boolean;
  /** The prime removes files while its self-assessment is not locked by a release (ADR 0029). */
  canRemove: boolean;
  /** When partners' figures were released, locking this version; files added later say so. */
  lockedOn: Date | null;
  files: {
    id: string;
    principleKey: string;
    fileName: string;
    mediaType: string;
    size: number;
    createdAt: Date;
  }[];
}

export async function listEvidence(actor: Actor, assessmentId: string): Promise<EvidenceListing> {
  requireRecordIds(assessmentId);
  const assessment = await db().assessment.findFirst({
    where: { id: assessmentId, ...selfAssessmentsReadBy(actor) },
    select: {
      id: true,
      respondentOrgId: true,
      perspective: true,
      afterRelease: true,
      cycleId: true,
      primeId: true,
      respondent: { select: { name: true } },
      contract: { select: { title: true } },
      cycle: { select: { name: true } },
      evidenceFiles: {
        select: {
          id: true,
          principleKey: true,
          fileName: true,
          mediaType: true,
          size: true,
          createdAt: true,
        },
        orderBy: [{ principleKey: "asc" }, { createdAt: "asc" }],
      },
    },
  });
  if (!assessment) throw new NotFoundError();
  const canAdd = can(actor, "selfAssess") && assessment.respondentOrgId === actor.organisationId;
  const locked = await lockedOn(db(), assessment);
  return {
    assessmentId: assessment.id,
    primeName: assessment.respondent.name,
    contractTitle: assessment.contract.title,
    cycleName: assessment.cycle.name,
    canAdd,
    canRemove: canAdd && locked === null,
    lockedOn: locked,
    files: assessment.evidenceFiles,
  };
}

/** Adds a file to the acting prime's own self-assessment. Refused, with the reason, for anything else. */
export async function addEvidence(
  actor: Actor,
  input: { assessmentId: string; principleKey: string; fileName: string; bytes: Uint8Array },
): Promise<{ id: string }> {
  requireRecordIds(input.assessmentId);
  assertCan(actor, "selfAssess", "Only the prime adds evidence to its self-assessment.");
  if (!(PRINCIPLE_KEYS as readonly string[]).includes(input.principleKey)) {
    throw new RuleError("Choose the principle the file is evidence for.");
  }
  const fileName =
    input.fileName
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
      .replace(/[\u0000-\u001f\u007f/\\]/g, "")
      .trim()
      .slice(0, 200) || "evidence";
  if (input.bytes.byteLength === 0) throw new RuleError("The file is empty. Choose the file again.");
  if (input.bytes.byteLength > MAX_EVIDENCE_BYTES) {
    throw new RuleError(
      `“${fileName}” is ${formatBytes(input.bytes.byteLength)}, which is over the ${formatBytes(MAX_EVIDENCE_BYTES)} limit for one file.`,
    );
  }
  const judged = await judgeFileType(input.bytes, fileName);
  if (!judged.ok) throw new RuleError(judged.message);
  return db().$transaction(async (tx) => {
    const assessment = await tx.assessment.findFirst({
      where: { id: input.assessmentId, perspective: "PRIME", respondentOrgId: actor.organisationId },
      select: { id: true, _count: { select: { evidenceFiles: true } } },
    });
    if (!assessment) throw new NotFoundError();
    if (assessment._count.evidenceFiles >= MAX_EVIDENCE_FILES) {
      throw new RuleError(`A self-assessment can have up to ${MAX_EVIDENCE_FILES} evidence files.`);
    }
    const created = await tx.evidenceFile.create({
      data: {
        assessmentId: assessment.id,
        principleKey: input.principleKey,
        fileName,
        mediaType: judged.mediaType,
        size: input.bytes.byteLength,
        sha256: createHash("sha256").update(input.bytes).digest("hex"),
        uploadedById: actor.userId,
        content: { create: { bytes: Buffer.from(input.bytes) } },
      },
      select: { id: true },
    });
    return created;
  });
}

/** A file's bytes for someone who may read its self-assessment; not found for everyone else. */
export async function readEvidence(
  actor: Actor,
  fileId: string,
): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array }> {
  requireRecordIds(fileId);
  const file = await db().evidenceFile.findFirst({
    where: { id: fileId, assessment: selfAssessmentsReadBy(actor) },
    select: { fileName: true, mediaType: true, content: { select: { bytes: true } } },
  });
  if (!file?.content) throw new NotFoundError();
  return { fileName: file.fileName, mediaType: file.mediaType, bytes: new Uint8Array(file.content.bytes) };
}

/**
 * Removes a file from the acting prime's own self-assessment, and says so in its activity log.
 * Refused once partners' figures for the cycle are released: the locked version keeps the evidence
 * it was released with (ADR 0029). Adding stays open, since a document added later is dated and
 * changes no answer; removing one could take away what a reader relied on.
 */
export async function removeEvidence(actor: Actor, fileId: string): Promise<{ assessmentId: string }> {
  requireRecordIds(fileId);
  assertCan(actor, "selfAssess", "Only the prime removes evidence from its self-assessment.");
  return db().$transaction(async (tx) => {
    const file = await tx.evidenceFile.findFirst({
      where: { id: fileId, assessment: { perspective: "PRIME", respondentOrgId: actor.organisationId } },
      select: {
        fileName: true,
        assessment: {
          select: {
            id: true,
            perspective: true,
            afterRelease: true,
            cycleId: true,
            primeId: true,
            version: true,
            contract: { select: { title: true } },
            cycle: { select: { name: true } },
          },
        },
      },
    });
    if (!file) throw new NotFoundError();
    const locked = await lockedOn(tx, file.assessment);
    if (locked) throw new RuleError(lockedMessage(locked));
    await tx.evidenceFile.delete({ where: { id: fileId } });
    const { assessment } = file;
    await recordAudit(
      {
        organisationId: actor.organisationId,
        userId: actor.userId,
        action: AUDIT_ACTIONS.evidenceRemoved,
        summary: `Removed the evidence file “${file.fileName}” from version ${assessment.version} of the self-assessment for ${assessment.contract.title} (${assessment.cycle.name})`,
      },
      tx,
    );
    return { assessmentId: assessment.id };
  });
}
