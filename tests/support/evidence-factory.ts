import { createHash } from "node:crypto";
import { evidenceFixture } from "@/lib/evidence/test-fixtures";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const KINDS = {
  pdf: { fileName: "payment-run.pdf", mediaType: "application/pdf" },
  csv: { fileName: "invoices.csv", mediaType: "text/csv" },
} as const;

/**
 * A file of evidence on a self-assessment, stored as an upload stores it (lib/services/evidence.ts),
 * under the kind's usual name unless `fileName` gives another.
 */
export async function createEvidence(
  db: PrismaClient,
  input: { assessmentId: string; principleKey: string; kind: keyof typeof KINDS; fileName?: string },
) {
  const bytes = evidenceFixture(input.kind);
  return db.evidenceFile.create({
    data: {
      assessmentId: input.assessmentId,
      principleKey: input.principleKey,
      ...KINDS[input.kind],
      ...(input.fileName ? { fileName: input.fileName } : {}),
      size: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      content: { create: { bytes: Buffer.from(bytes) } },
    },
  });
}
