import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { evidenceFixture } from "@/lib/evidence/test-fixtures";
import { addEvidence } from "@/lib/services/evidence";
import { exportPersonalData } from "@/lib/services/personal-data";
import { purgeStaleData } from "@/lib/services/retention";
import { answersAt } from "@/tests/support/answers";
import { createUser } from "@/tests/support/factories";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/** Evidence files in the privacy export and under the retention rules (issue 18, part 1). */
describe.each(testDatabaseKinds())("evidence files and personal data on %s", (kind) => {
  const database = useTestDatabase(kind);

  /** A prime's self-assessment (a draft unless `submitted`), and a member of the prime who uploads. */
  async function selfAssessment({ submitted = false } = {}) {
    const scenario = await createRatingScenario(database.client, { partners: 1 });
    const { id } = await scenario.rate(scenario.prime, answersAt("prime", "best"), {
      submittedAt: submitted ? undefined : null,
    });
    const person = await createUser(database.client);
    await database.client.membership.create({
      data: { userId: person.id, organisationId: scenario.prime.organisationId, role: "MEMBER" },
    });
    const member: Actor = { ...scenario.prime, userId: person.id, role: "MEMBER" };
    const upload = (fileName: string) =>
      addEvidence(member, {
        assessmentId: id,
        principleKey: "fair-payment",
        fileName,
        bytes: evidenceFixture("pdf"),
      });
    return { ...scenario, assessmentId: id, person, upload };
  }

  it("lists the files a person uploaded in their data download, described but without the bytes", async () => {
    const mine = await selfAssessment({ submitted: true });
    const theirs = await selfAssessment({ submitted: true });
    await mine.upload("payment-run.pdf");
    await theirs.upload("someone-elses.pdf");
    const pdf = evidenceFixture("pdf");

    const data = await exportPersonalData(mine.person.id);
    expect(data?.evidenceFilesYouUploaded).toEqual([
      {
        organisation: mine.prime.organisationName,
        contract: mine.contractTitle,
        cycle: mine.cycleName,
        version: 1,
        principle: "fair-payment",
        fileName: "payment-run.pdf",
        mediaType: "application/pdf",
        size: pdf.byteLength,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        uploadedAt: expect.any(Date),
      },
    ]);
    expect(JSON.stringify(data)).not.toContain("someone-elses.pdf");
    expect(JSON.stringify(data)).not.toContain(Buffer.from(pdf).toString("base64").slice(0, 40));
  });

  it("deletes a stale draft's files with it, keeps a draft whose file is recent, and a submitted one's", async () => {
    const NOW = new Date("2029-01-01T00:00:00Z");
    const STALE = new Date("2027-06-01T00:00:00Z");
    const RECENT = new Date("2028-06-01T00:00:00Z");
    const sql = (text: string, ...values: unknown[]) => database.client.$executeRawUnsafe(text, ...values);
    /** Nothing touched since STALE, but its file added at `fileAt` (a submitted one's answers never change). */
    const age = async (assessmentId: string, fileAt: Date) => {
      await sql(`UPDATE "EvidenceFile" SET "createdAt" = $2 WHERE "assessmentId" = $1`, assessmentId, fileAt);
      await sql(
        `UPDATE "Answer" SET "updatedAt" = $2 WHERE "assessmentId" = $1
           AND (SELECT status FROM "Assessment" WHERE id = $1) = 'DRAFT'`,
        assessmentId,
        STALE,
      );
      await sql(
        `UPDATE "Assessment" SET "updatedAt" = $2 WHERE id = $1 AND status = 'DRAFT'`,
        assessmentId,
        STALE,
      );
    };
    const stale = await selfAssessment();
    const { id: staleFile } = await stale.upload("old-policy.pdf");
    await age(stale.assessmentId, STALE);
    const touched = await selfAssessment();
    await touched.upload("new-policy.pdf");
    await age(touched.assessmentId, RECENT);
    const sent = await selfAssessment({ submitted: true });
    await sent.upload("payment-run.pdf");
    await age(sent.assessmentId, STALE);

    const result = await purgeStaleData(NOW, { draftMonths: 12 });
    expect(result.drafts.map((d) => d.organisation)).toContain(stale.prime.organisationName);
    expect(result.drafts.map((d) => d.organisation)).not.toContain(touched.prime.organisationName);
    expect(result.evidenceFiles).toBeGreaterThanOrEqual(1);
    const left = await database.client.evidenceFile.findMany({
      where: { assessmentId: { in: [stale.assessmentId, touched.assessmentId, sent.assessmentId] } },
      select: { fileName: true },
      orderBy: { fileName: "asc" },
    });
    expect(left.map((f) => f.fileName)).toEqual(["new-policy.pdf", "payment-run.pdf"]);
    expect(await database.client.evidenceContent.count({ where: { fileId: staleFile } })).toBe(0);
  });
});
