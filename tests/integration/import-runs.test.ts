import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { jobQueue, QUEUES, stopJobQueue } from "@/lib/db/job-queue";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { type ImportedContract, parseOcdsBytes } from "@/lib/ocds/parse";
import { startBackgroundWork, stopBackgroundWork } from "@/lib/services/background-work";
import { CONTRACTS_PER_BATCH, getImportRun, queueImport, runImport } from "@/lib/services/import-runs";
import { UPLOAD_PIECE_BYTES } from "@/lib/services/upload-store";
import { actorFor, createCommissioner, createPrime, createUser } from "@/tests/support/factories";
import { largePackage, releaseLines, releasePackage } from "@/tests/support/ocds-files";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/**
 * OCDS imports as background work (issue 14): stored with their job in one transaction, worked by
 * a real pg-boss worker on the test database, batch by batch, each batch committed with the run's
 * progress. Waits are on the work itself: a run is polled until it has finished, however long the
 * machine takes.
 */

const COUNCIL = "Background Import Council";

let notices = 0;
function notice(suppliers = 2): ImportedContract {
  notices++;
  return {
    ocid: `ocds-bg-${notices}`,
    releaseId: `ocds-bg-${notices}-award`,
    releaseDate: "2026-03-01T09:00:00.000Z",
    title: `Employment support lot ${notices}`,
    reference: `BG-${notices}`,
    buyer: { name: COUNCIL },
    value: null,
    valueBand: "Not published",
    startDate: "2026-04-01",
    endDate: null,
    suppliers: Array.from({ length: suppliers }, (_, i) => ({
      name: `Supplier ${notices}-${i} Ltd`,
      scale: null,
      vcse: null,
    })),
  };
}

describe.each(testDatabaseKinds())("background imports on %s", (kind) => {
  const database = useTestDatabase(kind);
  afterAll(async () => {
    await stopJobQueue(database.connection);
  });

  async function council(): Promise<Actor> {
    const org = await createCommissioner(database.client, COUNCIL);
    const user = await createUser(database.client);
    await database.client.membership.create({
      data: { userId: user.id, organisationId: org.id, role: "ADMIN" },
    });
    return { ...actorFor(org), userId: user.id, role: "ADMIN" };
  }

  /** A release package of the contracts, after a tender notice the parser skips. */
  const upload = (contracts: ImportedContract[]) => ({
    fileName: "award.json",
    bytes: releasePackage(contracts, ["tender-9"]),
  });
  const TENDER_SKIPPED = {
    item: 'Release "tender-9"',
    reason: "This is a tender notice, so no contract has been awarded yet.",
  };

  /** As if a worker had read the file and found these contracts (some a worker cannot import). */
  async function storeRead(runId: string, contracts: unknown[]) {
    await database.client.importRun.update({
      where: { id: runId },
      data: { contracts: contracts as never, total: contracts.length, upload: null },
    });
  }

  /** Polls the run until it stops working: the wait is sized to the work, not to the clock. */
  async function finished(actor: Actor, runId: string) {
    for (;;) {
      const run = await getImportRun(actor, runId);
      if (run.status !== "queued" && run.status !== "running") return run;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it("stores the upload with its job, and a worker imports it in batches, reporting what it did", async () => {
    const buyer = await council();
    const contracts = Array.from({ length: CONTRACTS_PER_BATCH + 5 }, () => notice());
    const runId = await queueImport(buyer, upload(contracts));
    const queued = await getImportRun(buyer, runId);
    // Stored as uploaded: nothing is read until a worker takes it.
    expect(queued).toMatchObject({ status: "queued", done: 0, total: 0 });
    const stored = await database.client.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(stored.contracts).toBeNull();
    expect(Buffer.from(stored.upload ?? []).equals(upload(contracts).bytes)).toBe(true);
    await jobQueue(database.connection);
    const jobs = await database.client.$queryRaw<{ state: string }[]>`
      SELECT state::text FROM pgboss.job WHERE name = ${QUEUES.ocdsImport} AND data->>'runId' = ${runId}`;
    expect(jobs).toEqual([{ state: "created" }]);

    await startBackgroundWork();
    const run = await finished(buyer, runId);
    expect(run.status).toBe("done");
    expect(run.done).toBe(contracts.length);
    expect(run.report.imported.map((c) => c.title)).toEqual(contracts.map((c) => c.title));
    // What the parser refused comes first in the report, beside what the import refused.
    expect(run.report.skipped).toEqual([TENDER_SKIPPED]);
    // The file is dropped once read: the contracts found in it are kept for the batches.
    const after = await database.client.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(after.upload).toBeNull();
    expect(after.total).toBe(contracts.length);
    expect(await database.client.contract.count({ where: { commissionerId: buyer.organisationId } })).toBe(
      contracts.length,
    );
  }, 120_000);

  it("appends what each batch did to the report rather than rewriting it, and reads the same report back", async () => {
    const buyer = await council();
    const contracts = Array.from({ length: CONTRACTS_PER_BATCH * 2 + 3 }, () => notice());
    // One contract refused by the import itself, in the last batch: its reason is in the report too.
    const others = { ...notice(), buyer: { name: "Another Council Entirely" } };
    const runId = await queueImport(buyer, upload([...contracts, others]));
    await runImport(runId);
    const run = await getImportRun(buyer, runId);
    expect(run.status).toBe("done");
    expect(run.report.imported.map((c) => c.title)).toEqual(contracts.map((c) => c.title));
    expect(run.report.skipped.map((s) => s.item)).toEqual([
      TENDER_SKIPPED.item,
      `“${others.title}” (${others.ocid})`,
    ]);
    // Kept on the run: only what the parser said. Each batch's entries are rows of their own.
    const stored = await database.client.importRun.findUniqueOrThrow({
      where: { id: runId },
      select: { report: true },
    });
    expect(stored.report).toEqual({ imported: [], updated: [], skipped: [TENDER_SKIPPED], notes: [] });
    expect(await database.client.importRunEntry.count({ where: { runId } })).toBe(contracts.length + 1);
  }, 120_000);

  it("reads a stored file of several pieces a piece at a time, finding what reading it whole finds", async () => {
    const buyer = await council();
    // About 2.5 MB: three pieces, the last one short.
    const bytes = largePackage({ buyer: COUNCIL, suppliers: 1_000, run: `pieces-${notices}` });
    expect(bytes.length).toBeGreaterThan(2 * UPLOAD_PIECE_BYTES);
    const whole = parseOcdsBytes(bytes);
    if (!whole.ok) throw new Error(whole.error);
    const runId = await queueImport(buyer, { fileName: "framework.json", bytes });
    await runImport(runId);
    const run = await getImportRun(buyer, runId);
    expect(run).toMatchObject({
      status: "done",
      total: whole.contracts.length,
      done: whole.contracts.length,
    });
    expect(run.report.imported.map((c) => c.title)).toEqual(whole.contracts.map((c) => c.title));
    expect(run.report.imported.flatMap((c) => c.primes)).toEqual(
      whole.contracts.flatMap((c) => c.suppliers.map((s) => s.name)),
    );
  }, 300_000);

  it("a shutdown stops an import between batches, before the queue and the database close; a new job carries on", async () => {
    await startBackgroundWork();
    const buyer = await council();
    // Many one-supplier contracts: many batches, so the shutdown comes part way through.
    const contracts = Array.from({ length: CONTRACTS_PER_BATCH * 30 }, () => notice(1));
    const runId = await queueImport(buyer, upload(contracts));
    for (;;) {
      const run = await getImportRun(buyer, runId);
      if (run.done > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await stopBackgroundWork();
    const paused = await getImportRun(buyer, runId);
    expect(paused.status).toBe("running");
    expect(paused.done).toBeLessThan(contracts.length);
    expect(paused.done % CONTRACTS_PER_BATCH).toBe(0);
    // Every batch counted is written, and nothing more: no batch was cut off half way.
    expect(await database.client.contract.count({ where: { commissionerId: buyer.organisationId } })).toBe(
      paused.done,
    );
    const jobs = await database.client.$queryRaw<{ state: string }[]>`
      SELECT state::text FROM pgboss.job WHERE name = ${QUEUES.ocdsImport} AND data->>'runId' = ${runId}
      ORDER BY created_on`;
    expect(jobs.map((j) => j.state)).toEqual(["completed", "created"]);

    await startBackgroundWork();
    const run = await finished(buyer, runId);
    expect(run).toMatchObject({ status: "done", done: contracts.length });
    expect(run.report.imported).toHaveLength(contracts.length);
    expect(await database.client.contract.count({ where: { commissionerId: buyer.organisationId } })).toBe(
      contracts.length,
    );
  }, 300_000);

  it("a file the worker cannot read is refused with where it went wrong, its bytes dropped", async () => {
    const buyer = await council();
    const text = JSON.stringify({ releases: [notice()] }, null, 1).replace(/}\s*]\s*}\s*$/, "}],");
    const runId = await queueImport(buyer, { fileName: "cut.json", bytes: Buffer.from(`${text}\n}`) });
    await runImport(runId);
    const run = await getImportRun(buyer, runId);
    expect(run.status).toBe("refused");
    expect(run.failure).toMatch(/^This file is not valid JSON: there is a problem at line \d+, column 1\./);
    const stored = await database.client.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(stored).toMatchObject({ upload: null, contracts: null, done: 0 });
    expect(await database.client.contract.count({ where: { commissionerId: buyer.organisationId } })).toBe(0);
  }, 120_000);

  it("reads a Windows-1252 file as stored, with the accents right and a note saying so", async () => {
    const buyer = await council();
    const cafe = { ...notice(), title: "Café “Early Help” – €5" };
    const bytes = iconv.encode(releasePackage([cafe]).toString("utf8"), "windows-1252");
    const runId = await queueImport(buyer, { fileName: "cafe.json", bytes });
    await runImport(runId);
    const run = await getImportRun(buyer, runId);
    expect(run.report.imported.map((c) => c.title)).toEqual([cafe.title]);
    expect(run.report.notes.map((n) => n.reason).join(" ")).toContain("read as Windows-1252");
  }, 120_000);

  it("reads a Windows-1252 file of several pieces whose only accented name is in its last piece", async () => {
    const buyer = await council();
    const run = `late-${notices}`;
    const text = largePackage({ buyer: COUNCIL, suppliers: 1_000, run }).toString("utf8");
    const plain = `Bench ${run} Supplier 999 Ltd`;
    const accented = `Bench ${run} Café “Ellis” 999 Ltd`;
    const bytes = iconv.encode(text.replaceAll(plain, accented), "windows-1252");
    // Read as UTF-8 up to there: only the last piece shows it is not.
    expect(bytes.findIndex((b) => b > 0x7f)).toBeGreaterThan(2 * UPLOAD_PIECE_BYTES);
    const runId = await queueImport(buyer, { fileName: "framework.json", bytes });
    await runImport(runId);
    const view = await getImportRun(buyer, runId);
    expect(view.status).toBe("done");
    expect(view.report.imported.flatMap((c) => c.primes)).toContain(accented);
    expect(view.report.notes.map((n) => n.reason).join(" ")).toContain("read as Windows-1252");
  }, 300_000);

  it("reads a JSON Lines file, one release a line, and names the line a refusal is about", async () => {
    const buyer = await council();
    const contracts = [notice(), notice(), notice()];
    const runId = await queueImport(buyer, { fileName: "releases.jsonl", bytes: releaseLines(contracts) });
    await runImport(runId);
    const run = await getImportRun(buyer, runId);
    expect(run.status).toBe("done");
    expect(run.report.imported.map((c) => c.title)).toEqual(contracts.map((c) => c.title));
    expect(run.report.skipped).toEqual([
      {
        item: 'Release "tender-lines" on line 1',
        reason: "This is a tender notice, so no contract has been awarded yet.",
      },
    ]);

    const broken = Buffer.concat([releaseLines([notice()]), Buffer.from('{"ocid": "x", "tag": [award]}\n')]);
    const refusedId = await queueImport(buyer, { fileName: "broken.jsonl", bytes: broken });
    await runImport(refusedId);
    const refused = await getImportRun(buyer, refusedId);
    expect(refused.status).toBe("refused");
    expect(refused.failure).toMatch(
      /^Line 4 of this file is not valid JSON: there is a problem at column 23\./,
    );
  }, 120_000);

  it("a run whose file cannot be read on the last attempt is marked failed with the reason; an earlier attempt leaves it for the retry", async () => {
    const buyer = await council();
    const { client } = database;
    // The database refuses to store what the worker read, as a lost connection or a full disk would.
    await client.$executeRawUnsafe(
      `CREATE FUNCTION chainwise_test_read_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$`,
    );
    await client.$executeRawUnsafe(
      `CREATE TRIGGER chainwise_test_read_fault BEFORE UPDATE OF "contracts" ON "ImportRun" FOR EACH ROW EXECUTE FUNCTION chainwise_test_read_fault()`,
    );
    try {
      const runId = await queueImport(buyer, upload([notice()]));
      await expect(runImport(runId, { lastAttempt: false })).rejects.toThrow();
      expect(await getImportRun(buyer, runId)).toMatchObject({ status: "queued", failure: null });
      await expect(runImport(runId, { lastAttempt: true })).rejects.toThrow();
      const run = await getImportRun(buyer, runId);
      expect(run.status).toBe("failed");
      expect(run.failure).toBe(
        "The file could not be read because of an error on our side, so nothing was imported. Upload it again in a while.",
      );
      expect((await client.importRun.findUniqueOrThrow({ where: { id: runId } })).upload).toBeNull();
    } finally {
      await client.$executeRawUnsafe(`DROP TRIGGER IF EXISTS chainwise_test_read_fault ON "ImportRun"`);
      await client.$executeRawUnsafe(`DROP FUNCTION IF EXISTS chainwise_test_read_fault()`);
    }
  }, 120_000);

  it("keeps the batches written before a failure, says how far it got, and an upload again carries on", async () => {
    const buyer = await council();
    const good = Array.from({ length: CONTRACTS_PER_BATCH + 10 }, () => notice());
    // A contract the worker cannot read, in the second batch: that batch rolls back whole.
    const broken = [
      ...good.slice(0, CONTRACTS_PER_BATCH + 3),
      { ...notice(), suppliers: null },
      ...good.slice(CONTRACTS_PER_BATCH + 3),
    ];
    const runId = await queueImport(buyer, upload(good));
    await storeRead(runId, broken);
    await expect(runImport(runId, { lastAttempt: true })).rejects.toThrow();
    const failed = await getImportRun(buyer, runId);
    expect(failed.status).toBe("failed");
    expect(failed.done).toBe(CONTRACTS_PER_BATCH);
    expect(failed.failure).toContain(`after ${CONTRACTS_PER_BATCH} of ${broken.length} contracts`);
    expect(await database.client.contract.count({ where: { commissionerId: buyer.organisationId } })).toBe(
      CONTRACTS_PER_BATCH,
    );

    const again = await queueImport(buyer, upload(good));
    await runImport(again);
    const run = await getImportRun(buyer, again);
    expect(run.status).toBe("done");
    expect(run.report.skipped.filter((s) => s.reason.includes("already been imported"))).toHaveLength(
      CONTRACTS_PER_BATCH,
    );
    expect(run.report.imported).toHaveLength(10);
  }, 120_000);

  it("a retry of a run that was cut short carries on from its last committed batch", async () => {
    const buyer = await council();
    const contracts = Array.from({ length: CONTRACTS_PER_BATCH * 2 }, () => notice());
    const runId = await queueImport(buyer, upload(contracts));
    const broken = [...contracts.slice(0, CONTRACTS_PER_BATCH + 1), { ...notice(), suppliers: null }];
    await storeRead(runId, broken);
    // Not the last attempt: the run is left running for the queue's retry.
    await expect(runImport(runId, { lastAttempt: false })).rejects.toThrow();
    expect(await getImportRun(buyer, runId)).toMatchObject({ status: "running", done: CONTRACTS_PER_BATCH });
    await storeRead(runId, contracts);
    await runImport(runId);
    const run = await getImportRun(buyer, runId);
    expect(run).toMatchObject({ status: "done", done: contracts.length });
    expect(run.report.imported).toHaveLength(contracts.length);
  }, 120_000);

  it("two workers on one run import each contract once", async () => {
    const buyer = await council();
    const contracts = Array.from({ length: CONTRACTS_PER_BATCH * 2 + 3 }, () => notice());
    const runId = await queueImport(buyer, upload(contracts));
    await Promise.all([runImport(runId), runImport(runId)]);
    const run = await getImportRun(buyer, runId);
    expect(run).toMatchObject({ status: "done", done: contracts.length });
    expect(run.report.imported).toHaveLength(contracts.length);
    expect(run.report.skipped.filter((s) => s.reason.includes("already been imported"))).toEqual([]);
    expect(await database.client.contract.count({ where: { commissionerId: buyer.organisationId } })).toBe(
      contracts.length,
    );
  }, 120_000);

  it("only the commissioner's members start, read or finish an import", async () => {
    const buyer = await council();
    const prime = actorFor(await createPrime(database.client));
    await expect(queueImport(prime, upload([notice()]))).rejects.toBeInstanceOf(ForbiddenError);
    // A person who is not a member of the council they claim to act for.
    const stranger = await createUser(database.client);
    await expect(queueImport({ ...buyer, userId: stranger.id }, upload([notice()]))).rejects.toBeInstanceOf(
      ForbiddenError,
    );

    const runId = await queueImport(buyer, upload([notice()]));
    const other = await council();
    await expect(getImportRun(other, runId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getImportRun(prime, runId)).rejects.toBeInstanceOf(NotFoundError);

    // The person who started it leaves before it runs: it stops, and imports nothing.
    await database.client.membership.deleteMany({ where: { userId: buyer.userId as string } });
    await runImport(runId);
    const run = await database.client.importRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.status).toBe("FAILED");
    expect(run.failure).toContain("no longer a member");
    expect(await database.client.contract.count({ where: { commissionerId: buyer.organisationId } })).toBe(0);
  }, 120_000);
});
