import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportEntryKind } from "@/lib/generated/prisma/enums";
import type { ImportReport } from "./ocds-import";

/**
 * An import's report as it grows: what the parser refused and noted is kept on the run
 * (`ImportRun.report`), and what each batch did is appended as rows in the batch's transaction,
 * never read back while the import runs. A 20,000-supplier import's report was read, parsed,
 * extended and written whole at every one of its batches (issue 14, memory).
 */

type Tx = Prisma.TransactionClient;

export const emptyReport = (): ImportReport => ({ imported: [], updated: [], skipped: [], notes: [] });

const LISTS = [
  ["imported", "IMPORTED"],
  ["updated", "UPDATED"],
  ["skipped", "SKIPPED"],
  ["notes", "NOTE"],
] as const satisfies readonly (readonly [keyof ImportReport, ImportEntryKind])[];

/** Appends what one batch did, in the report's order within each list. */
export async function appendToReport(tx: Tx, runId: string, batch: ImportReport): Promise<void> {
  const data = LISTS.flatMap(([list, kind]) =>
    batch[list].map((entry) => ({ runId, kind, entry: entry as unknown as Prisma.InputJsonValue })),
  );
  if (data.length > 0) await tx.importRunEntry.createMany({ data });
}

/** The whole report: what was kept on the run, then every batch's entries in the order written. */
export async function readReport(
  reader: Pick<Tx, "importRunEntry">,
  runId: string,
  kept: unknown,
): Promise<ImportReport> {
  const base = kept as ImportReport;
  const report: ImportReport = {
    imported: [...base.imported],
    updated: [...base.updated],
    skipped: [...base.skipped],
    notes: [...base.notes],
  };
  const entries = await reader.importRunEntry.findMany({
    where: { runId },
    select: { kind: true, entry: true },
    orderBy: { id: "asc" },
  });
  for (const { kind, entry } of entries) {
    const list = LISTS.find(([, k]) => k === kind)?.[0] as keyof ImportReport;
    (report[list] as unknown[]).push(entry);
  }
  return report;
}
