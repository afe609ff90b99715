import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import { judgeFileType } from "@/lib/evidence/file-types";
import { formatBytes } from "@/lib/format";
import { PRINCIPLE_KEYS } from "@/lib/framework";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireRecordIds } from "@/lib/ids";

/**
 * Evidence a prime attaches to its self-assessment (issue 18; docs/decisions/0016): files judged
 * by their content, stored in PostgreSQL, read only by the prime's members and the contract's
 * commissioner. Who may do what is decided here, for every call.
 */

/** Under the proxy's 6 MB body limit for a form post, with room for the form's other fields. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 20;

/**
 * Who may see a self-assessment's evidence and its review: the prime that answered it, and its
 * contract's commissioner (also used by lib/services/verification.ts).
 */
export function readable(actor: Actor): Prisma.AssessmentWhereInput {
  if (actor.organisationType === "PRIME") {
    return { perspective: "PRIME", respondentOrgId: actor.organisationId };
  }
  if (actor.organisationType === "COMMISSIONER") {
    return { perspective: "PRIME", contract: { commissionerId: actor.organisationId } };
  }
  return { id: "" };
}

export interface EvidenceListing {
  assessmentId: string;
  primeName: string;
  contractTitle: string;
  cycleName: string;
  /** Only the prime itself adds evidence. */
  canAdd: boolean;
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
    where: { id: assessmentId, ...readable(actor) },
    select: {
      id: true,
      respondentOrgId: true,
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
  return {
    assessmentId: assessment.id,
    primeName: assessment.respondent.name,
    contractTitle: assessment.contract.title,
    cycleName: assessment.cycle.name,
    canAdd: actor.organisationType === "PRIME" && assessment.respondentOrgId === actor.organisationId,
    files: assessment.evidenceFiles,
  };
}

/** Adds a file to the acting prime's own self-assessment. Refused, with the reason, for anything else. */
export async function addEvidence(
  actor: Actor,
  input: { assessmentId: string; principleKey: string; fileName: string; bytes: Uint8Array },
): Promise<{ id: string }> {
  requireRecordIds(input.assessmentId);
  if (actor.organisationType !== "PRIME")
    throw new ForbiddenError("Only the prime adds evidence to its self-assessment.");
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
    where: { id: fileId, assessment: readable(actor) },
    select: { fileName: true, mediaType: true, content: { select: { bytes: true } } },
  });
  if (!file?.content) throw new NotFoundError();
  return { fileName: file.fileName, mediaType: file.mediaType, bytes: new Uint8Array(file.content.bytes) };
}
