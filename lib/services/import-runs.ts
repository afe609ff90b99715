import "server-only";
import { fromPrisma } from "pg-boss";
import { assertCan, can } from "@/lib/access/capabilities";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { jobQueue, QUEUES } from "@/lib/db/job-queue";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireRecordIds } from "@/lib/ids";
import type { ImportedContract } from "@/lib/ocds/parse";
import { readOcdsUpload } from "@/lib/ocds/read-upload";
import { appendToReport, emptyReport, readReport } from "./import-report";
import { type ImportReport, importBatch } from "./ocds-import";
import { storedUploadPieces, UploadGoneError } from "./upload-store";

/**
 * OCDS imports as background work (issue 14, docs/decisions/0017 and 0018). The request stores the
 * file's bytes as uploaded, with the queue's job, in one transaction. A worker reads the file (a
 * piece at a time from the database, decoded and parsed as a stream), stores the contracts it
 * found and drops the bytes, then writes the contracts a batch at a time, each batch in its own
 * transaction together with the run's progress and report, so the page never shows progress that
 * was not committed and a retry carries on from the last batch that was.
 */

/** The longest rest between batches: a slow batch (a lock waited on) does not stall the import. */
const REST_CAP_MS = 2_000;

/** Contracts per batch, unless their suppliers reach {@link SUPPLIERS_PER_BATCH} first. */
export const CONTRACTS_PER_BATCH = 25;
export const SUPPLIERS_PER_BATCH = 250;

export interface Upload {
  fileName: string;
  /** The file as uploaded, in whatever encoding: the worker decodes it. */
  bytes: Uint8Array;
}

/** "refused": the file could not be read (not JSON, not OCDS, nothing in it to import). */
export type RunStatus = "queued" | "running" | "done" | "failed" | "refused";

export interface ImportRunView {
  id: string;
  fileName: string;
  status: RunStatus;
  total: number;
  done: number;
  report: ImportReport;
  failure: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** Stores an upload and queues its import; the run's id, for its page. Commissioners' members only. */
export async function queueImport(actor: Actor, upload: Upload): Promise<string> {
  assertCan(actor, "manageContracts", "Only a commissioner can import contracts.");
  const queue = await jobQueue();
  return db().$transaction(async (tx) => {
    if (!(await importer(tx, actor.organisationId, actor.userId)))
      throw new ForbiddenError("Only a commissioner can import contracts.");
    const report: ImportReport = { imported: [], updated: [], skipped: [], notes: [] };
    const run = await tx.importRun.create({
      data: {
        commissionerId: actor.organisationId,
        userId: actor.userId,
        fileName: upload.fileName.slice(0, 200),
        upload: upload.bytes as Uint8Array<ArrayBuffer>,
        report: report as unknown as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    // In the same transaction: no job without its run, and no run left without a job.
    await queue.send(QUEUES.ocdsImport, { runId: run.id }, { db: fromPrisma(tx) });
    return run.id;
  });
}

/** The batch starting at `from`: whole contracts, up to the limits above, at least one. */
export function nextBatch(contracts: readonly ImportedContract[], from: number): ImportedContract[] {
  const batch: ImportedContract[] = [];
  let suppliers = 0;
  for (let i = from; i < contracts.length && batch.length < CONTRACTS_PER_BATCH; i++) {
    const contract = contracts[i] as ImportedContract;
    if (batch.length > 0 && suppliers + contract.suppliers.length > SUPPLIERS_PER_BATCH) break;
    batch.push(contract);
    suppliers += contract.suppliers.length;
  }
  return batch;
}

const FAILED_PART_WAY = (done: number, total: number) =>
  `The import stopped after ${done} of ${total} contracts because of an error on our side. ` +
  "Those already written are kept; upload the file again to carry on (contracts already imported are skipped).";

const FAILED_READING =
  "The file could not be read because of an error on our side, so nothing was imported. Upload it again in a while.";

/** Ends a run that is still working as failed, with the reason for the commissioner. */
async function markFailed(runId: string, failure: string) {
  await db().importRun.updateMany({
    where: { id: runId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", failure, upload: null, finishedAt: new Date() },
  });
}

/**
 * Works one run through to the end, batch by batch. `lastAttempt` says whether the queue will
 * retry if this throws: only then is the run marked failed, so a retry carries on instead.
 * `shouldStop`, asked before each batch, lets a server that is shutting down stop between batches
 * ("paused"): everything committed stays, and a new job carries on from there.
 */
export async function runImport(
  runId: string,
  {
    lastAttempt = true,
    shouldStop = () => false,
  }: { lastAttempt?: boolean; shouldStop?: () => boolean } = {},
): Promise<"finished" | "paused"> {
  let contracts: ImportedContract[] | null;
  try {
    contracts = await readUpload(runId);
  } catch (error) {
    // Left as it was for the queue's retry, unless this was its last: then the page must say so.
    if (lastAttempt) await markFailed(runId, FAILED_READING);
    throw error;
  }
  if (!contracts) return "finished";
  for (;;) {
    if (shouldStop()) return "paused";
    let finished: boolean;
    const started = performance.now();
    try {
      finished = await db().$transaction((tx) => runBatch(tx, runId, contracts), { timeout: 120_000 });
    } catch (error) {
      if (lastAttempt) {
        const run = await db().importRun.findUnique({
          where: { id: runId },
          select: { done: true, total: true },
        });
        await markFailed(runId, FAILED_PART_WAY(run?.done ?? 0, run?.total ?? 0));
      }
      throw error;
    }
    if (finished) return "finished";
    // The worker shares the process (and on the embedded database its one connection) with the
    // pages: it rests as long as its batch took, so it takes at most about half of the process's
    // time and a page waits for at most one batch (issue 14: pages within 2× idle during an import).
    await new Promise((resolve) => setTimeout(resolve, Math.min(performance.now() - started, REST_CAP_MS)));
  }
}

/**
 * The run's contracts: read from the stored file the first time (then stored in its place), or as
 * stored by an earlier attempt. Null when there is nothing to work: no such run, or a file that
 * could not be read, whose run is then marked refused with the parser's message.
 */
async function readUpload(runId: string): Promise<ImportedContract[] | null> {
  const stored = await db().importRun.findUnique({
    where: { id: runId },
    select: { contracts: true, status: true },
  });
  if (!stored || !["QUEUED", "RUNNING"].includes(stored.status)) return null;
  if (stored.contracts !== null) return stored.contracts as unknown as ImportedContract[];
  // Read apart from the row above, a piece at a time: the bytes are the one large value, and they
  // are decoded and parsed as they come (lib/ocds/read-upload.ts), never whole in memory.
  const pieces = await storedUploadPieces(runId);
  const read = pieces ? await readOcdsUpload(pieces).catch(goneIsNull) : null;
  if (!read) {
    // Another worker read it first and stored its contracts in its place.
    const again = await db().importRun.findUnique({ where: { id: runId }, select: { contracts: true } });
    return (again?.contracts as unknown as ImportedContract[] | null) ?? null;
  }
  const parsed = read.result;
  if (!parsed.ok) {
    await db().importRun.updateMany({
      where: { id: runId, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "REFUSED", failure: parsed.error, upload: null, finishedAt: new Date() },
    });
    return null;
  }
  const report: ImportReport = {
    imported: [],
    updated: [],
    skipped: parsed.skipped.map((s) => ({ item: s.item, reason: s.reason })),
    notes: read.note ? [{ item: "The file", reason: read.note }] : [],
  };
  await db().importRun.updateMany({
    // A second worker on the same run read the same file: the first to store it wins.
    where: { id: runId, upload: { not: null } },
    data: {
      // Running from here: the page shows progress in contracts, with no "waiting to start" beside it.
      status: "RUNNING",
      contracts: parsed.contracts as unknown as Prisma.InputJsonValue,
      total: parsed.contracts.length,
      report: report as unknown as Prisma.InputJsonValue,
      upload: null,
    },
  });
  return parsed.contracts;
}

/** Dropped part way by another worker that read it first: that worker's contracts stand. */
function goneIsNull(error: unknown): null {
  if (error instanceof UploadGoneError) return null;
  throw error;
}

/** One batch in the caller's transaction; true once nothing is left. */
async function runBatch(tx: Prisma.TransactionClient, runId: string, contracts: ImportedContract[]) {
  // Taking the row's lock first: a second worker on the same run waits, then sees this batch done.
  const locked = await tx.importRun.updateMany({
    where: { id: runId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "RUNNING" },
  });
  if (locked.count === 0) return true;
  const run = await tx.importRun.findUniqueOrThrow({
    where: { id: runId },
    select: { done: true, total: true, commissionerId: true, userId: true, createdAt: true },
  });
  // Whoever started it must still be able to: fail closed.
  const actor = await importer(tx, run.commissionerId, run.userId);
  if (!actor) {
    await tx.importRun.update({
      where: { id: runId },
      data: {
        status: "FAILED",
        failure:
          "The person who started this import is no longer a member of the organisation, so it was stopped.",
        finishedAt: new Date(),
      },
    });
    return true;
  }
  const batch = nextBatch(contracts, run.done);
  // This batch's own report, appended: the run's report so far is neither read nor rewritten.
  const report = emptyReport();
  await importBatch(tx, actor, batch, report, { runId, startedAt: run.createdAt });
  await appendToReport(tx, runId, report);
  const done = run.done + batch.length;
  const finished = done >= run.total;
  await tx.importRun.update({
    where: { id: runId },
    data: { done, ...(finished ? { status: "DONE", finishedAt: new Date() } : {}) },
  });
  return finished;
}

/**
 * Who may import for the commissioner, as an actor: one of its members, or (userId null) a demo
 * visitor acting for a demo commissioner, as lib/auth/actor.ts allows only in demo mode.
 */
async function importer(
  tx: Prisma.TransactionClient,
  commissionerId: string,
  userId: string | null,
): Promise<Actor | null> {
  const organisation = await tx.organisation.findUnique({
    where: { id: commissionerId },
    select: { name: true, type: true, demo: true },
  });
  if (organisation?.type !== "COMMISSIONER") return null;
  const base = {
    organisationId: commissionerId,
    organisationName: organisation.name,
    organisationType: organisation.type,
  };
  if (userId === null) return organisation.demo ? { ...base, userId: null, role: null } : null;
  const member = await tx.membership.findFirst({
    where: { userId, organisationId: commissionerId },
    select: { role: true },
  });
  return member ? { ...base, userId, role: member.role } : null;
}

const STATUS: Record<string, RunStatus> = {
  QUEUED: "queued",
  RUNNING: "running",
  DONE: "done",
  FAILED: "failed",
  REFUSED: "refused",
};

/** A run, for members of the commissioner that started it; not found for anyone else. */
export async function getImportRun(actor: Actor, id: string): Promise<ImportRunView> {
  requireRecordIds(id);
  const run = await db().importRun.findFirst({
    where: { id, commissionerId: actor.organisationId },
    select: {
      id: true,
      fileName: true,
      status: true,
      total: true,
      done: true,
      report: true,
      failure: true,
      createdAt: true,
      finishedAt: true,
    },
  });
  if (!run || !can(actor, "manageContracts")) throw new NotFoundError();
  return {
    ...run,
    status: STATUS[run.status] as RunStatus,
    report: await readReport(db(), run.id, run.report),
  };
}
