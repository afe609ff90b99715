import { beforeAll, describe, expect, it } from "vitest";
import { appTables, DUMP_FORMAT, DumpError, exportDump, importDump } from "@/lib/db/backup";
import { migrationStatus } from "@/lib/db/migrate";
import { evidenceFixture } from "@/lib/evidence/test-fixtures";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { releaseNational } from "@/lib/services/releases";
import { demoCycles } from "@/prisma/demo-data";
import { seedDemo } from "@/prisma/seed";
import { nonEmpty } from "@/tests/support/non-empty";
import { reportSnapshot, reportsAsServed } from "@/tests/support/report-snapshot";
import { testDatabaseKinds, useTestDatabase, withTestDatabase } from "@/tests/support/test-database";

/** Every row of every table, in primary-key order, as PostgreSQL writes it. */
async function contents(client: PrismaClient) {
  const all: Record<string, string[]> = {};
  for (const table of await appTables(client)) {
    const order = table.primaryKey.map((c) => `"${c}"`).join(", ");
    const rows = await client.$queryRawUnsafe<{ row: string }[]>(
      `SELECT row_to_json(t)::text AS row FROM "${table.name}" t ORDER BY ${order}`,
    );
    all[table.name] = rows.map((r) => r.row);
  }
  return all;
}

async function dump(client: PrismaClient): Promise<string[]> {
  const lines: string[] = [];
  await exportDump(client, (line) => {
    lines.push(line);
  });
  return lines;
}

const NOW = new Date("2026-12-01T12:00:00Z");

describe.each(testDatabaseKinds())("backup and restore on %s", (kind) => {
  const source = useTestDatabase(kind);
  let lines: string[];

  // Read by every test, changed by none.
  beforeAll(async () => {
    await seedDemo(source.client);
    // A correction, so a row that points at another row of its own table is restored after it.
    const original = await source.client.assessment.findFirstOrThrow({
      where: { status: "SUBMITTED" },
      include: { answers: true },
    });
    await source.client.assessment.create({
      data: {
        reference: "CW-CORR-0001",
        frameworkId: original.frameworkId,
        frameworkVersion: original.frameworkVersion,
        perspective: original.perspective,
        contractId: original.contractId,
        cycleId: original.cycleId,
        primeId: original.primeId,
        respondentOrgId: original.respondentOrgId,
        version: 2,
        supersedesId: original.id,
      },
    });
    // A released period: the release tables, which only take inserts, are restored too.
    await source.client.organisation.updateMany({
      where: { type: "COMMISSIONER" },
      data: { releaseScoreThreshold: 3, releaseCategoryThreshold: 3 },
    });
    const [closed] = demoCycles();
    await releaseNational(closed?.name ?? "");
    expect(await source.client.releaseFigure.count()).toBeGreaterThan(0);
    // A self-assessment changed after that release (ADR 0029). A restore writes it before the release
    // rows that make it one; the database checks that at the end of the restore's transaction.
    const locked = await source.client.assessment.findFirstOrThrow({
      where: {
        perspective: "PRIME",
        status: "SUBMITTED",
        cycle: { name: closed?.name },
        correction: { is: null },
      },
      include: { answers: true },
    });
    await source.client.assessment.create({
      data: {
        reference: "CW-CORR-0002",
        frameworkId: locked.frameworkId,
        frameworkVersion: locked.frameworkVersion,
        perspective: locked.perspective,
        contractId: locked.contractId,
        cycleId: locked.cycleId,
        primeId: locked.primeId,
        respondentOrgId: locked.respondentOrgId,
        version: locked.version + 1,
        supersedesId: locked.id,
        afterRelease: true,
        answers: {
          create: locked.answers.map(({ assessmentId: _, updatedAt: __, value, ...answer }) => ({
            ...answer,
            value: value ?? "dont_know",
          })),
        },
      },
    });
    // An evidence file: its bytes must come back exactly (compared with every other row below).
    const selfAssessment = await source.client.assessment.findFirstOrThrow({
      where: { perspective: "PRIME" },
    });
    const pdf = evidenceFixture("pdf");
    await source.client.evidenceFile.create({
      data: {
        assessmentId: selfAssessment.id,
        principleKey: "fair-payment",
        fileName: "payment-run.pdf",
        mediaType: "application/pdf",
        size: pdf.byteLength,
        sha256: "test",
        content: { create: { bytes: Buffer.from(pdf) } },
      },
    });
    lines = await dump(source.client);
  });

  it("writes a versioned header naming the migration it was taken at, every row, and an end line", async () => {
    const header = JSON.parse(lines[0] ?? "{}");
    const status = await migrationStatus(source.connection);
    expect(status.upToDate).toBe(true);
    expect(header).toMatchObject({ format: DUMP_FORMAT, version: 1 });
    expect(header.migration).toBe(header.migrations.at(-1));
    expect(header.migrations.length).toBeGreaterThan(0);
    expect(header.tables).toEqual(expect.arrayContaining(["Organisation", "Assessment", "Answer", "user"]));
    expect(header.tables.indexOf("Organisation")).toBeLessThan(header.tables.indexOf("Assessment"));
    expect(header.tables.indexOf("Assessment")).toBeLessThan(header.tables.indexOf("Answer"));
    expect(JSON.parse(lines.at(-1) ?? "{}")).toEqual({ end: true, rows: lines.length - 2 });
    // The same database gives the same file.
    expect((await dump(source.client)).slice(1)).toEqual(lines.slice(1));
  });

  it("restores into an empty database: every table identical, and the same scores from the answers", async () => {
    await withTestDatabase(kind, { empty: true }, async (target) => {
      const result = await importDump(target.connection, target.client, lines);
      expect(result.rows).toBe(lines.length - 2);
      expect(await migrationStatus(target.connection)).toMatchObject({ upToDate: true });
      const [before, after] = [await contents(source.client), await contents(target.client)];
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const table of nonEmpty(Object.keys(before), "tables")) {
        expect(after[table], table).toEqual(before[table]);
      }
      expect((before.Answer ?? []).length).toBeGreaterThan(100);
      expect(await reportSnapshot(target.client)).toEqual(await reportSnapshot(source.client));
      // And every report, as the report services serve it.
      const served = await reportsAsServed(source, NOW);
      expect(served.length).toBeGreaterThan(4);
      expect(await reportsAsServed(target, NOW)).toEqual(served);
    });
  });

  it("refuses a database that is not empty, and changes nothing in it", async () => {
    await withTestDatabase(kind, {}, async (target) => {
      await target.client.organisation.create({ data: { name: "Already here", type: "PRIME" } });
      const error = await importDump(target.connection, target.client, lines).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DumpError);
      expect((error as Error).message).toMatch(/^The database is not empty: table Organisation has 1 row/);
      expect(await target.client.organisation.count()).toBe(1);
    });
  });

  it("refuses a dump cut short, or of another format, and loads nothing", async () => {
    await withTestDatabase(kind, { empty: true }, async (target) => {
      await expect(importDump(target.connection, target.client, lines.slice(0, -1))).rejects.toThrow(
        /cut short.*Nothing was imported/,
      );
      expect(await target.client.organisation.count()).toBe(0);
      await expect(
        importDump(target.connection, target.client, [JSON.stringify({ format: DUMP_FORMAT, version: 99 })]),
      ).rejects.toThrow(/format version 99/);
      await expect(importDump(target.connection, target.client, ["not json"])).rejects.toThrow(
        /not a Chainwise dump/,
      );
      const future = JSON.stringify({
        ...JSON.parse(lines[0] ?? "{}"),
        migrations: ["29990101000000_future"],
      });
      await expect(importDump(target.connection, target.client, [future])).rejects.toThrow(/does not have/);
    });
  });
});
