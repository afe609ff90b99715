import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import { evidenceFixture } from "@/lib/evidence/test-fixtures";
import { addEvidence, listEvidence, MAX_EVIDENCE_FILES, readEvidence } from "@/lib/services/evidence";
import { answersAt } from "@/tests/support/answers";
import { actorFor, createCommissioner, createPrime } from "@/tests/support/factories";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

describe.each(testDatabaseKinds())("evidence on %s", (kind) => {
  const database = useTestDatabase(kind);

  async function selfAssessed() {
    const scenario = await createRatingScenario(database.client, { partners: 1 });
    const { id } = await scenario.rate(scenario.prime, answersAt("prime", "best"));
    return { ...scenario, assessmentId: id };
  }

  it("keeps a prime's files byte for byte, and gives them to the prime and its commissioner only", async () => {
    const { prime, commissioner, partners, assessmentId } = await selfAssessed();
    const pdf = evidenceFixture("pdf");
    const xlsx = evidenceFixture("xlsx");
    const first = await addEvidence(prime, {
      assessmentId,
      principleKey: "fair-payment",
      fileName: "payment-run.pdf",
      bytes: pdf,
    });
    await addEvidence(prime, {
      assessmentId,
      principleKey: "risk-sharing",
      fileName: "risk register.xlsx",
      bytes: xlsx,
    });

    const listing = await listEvidence(commissioner, assessmentId);
    expect(listing.canAdd).toBe(false);
    expect(listing.files.map((f) => [f.principleKey, f.fileName, f.mediaType, f.size])).toEqual([
      ["fair-payment", "payment-run.pdf", "application/pdf", pdf.byteLength],
      [
        "risk-sharing",
        "risk register.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        xlsx.byteLength,
      ],
    ]);
    expect((await listEvidence(prime, assessmentId)).canAdd).toBe(true);
    for (const reader of [prime, commissioner]) {
      const file = await readEvidence(reader, first.id);
      expect(Buffer.from(file.bytes).equals(Buffer.from(pdf))).toBe(true);
      expect(file.mediaType).toBe("application/pdf");
    }

    // A partner of the prime, another prime and another commissioner find nothing there.
    const strangers: Actor[] = [
      partners[0] as Actor,
      actorFor(await createPrime(database.client)),
      actorFor(await createCommissioner(database.client)),
    ];
    for (const stranger of strangers) {
      await expect(readEvidence(stranger, first.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listEvidence(stranger, assessmentId)).rejects.toBeInstanceOf(NotFoundError);
    }
    // Nor can anyone but the prime add to it.
    await expect(
      addEvidence(commissioner, {
        assessmentId,
        principleKey: "fair-payment",
        fileName: "x.pdf",
        bytes: pdf,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      addEvidence(strangers[1] as Actor, {
        assessmentId,
        principleKey: "fair-payment",
        fileName: "x.pdf",
        bytes: pdf,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a program renamed as a PDF, an unknown principle, and more files than the limit", async () => {
    const { prime, assessmentId } = await selfAssessed();
    await expect(
      addEvidence(prime, {
        assessmentId,
        principleKey: "fair-payment",
        fileName: "payments.pdf",
        bytes: evidenceFixture("exe"),
      }),
    ).rejects.toThrow("“payments.pdf” is a program, whatever its name says.");
    await expect(
      addEvidence(prime, {
        assessmentId,
        principleKey: "nonsense",
        fileName: "a.pdf",
        bytes: evidenceFixture("pdf"),
      }),
    ).rejects.toBeInstanceOf(RuleError);
    for (let i = 0; i < MAX_EVIDENCE_FILES; i++) {
      await addEvidence(prime, {
        assessmentId,
        principleKey: "data-sharing",
        fileName: `n${i}.csv`,
        bytes: evidenceFixture("csv"),
      });
    }
    await expect(
      addEvidence(prime, {
        assessmentId,
        principleKey: "data-sharing",
        fileName: "one more.csv",
        bytes: evidenceFixture("csv"),
      }),
    ).rejects.toThrow(`up to ${MAX_EVIDENCE_FILES} evidence files`);
  });
});
