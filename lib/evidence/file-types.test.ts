import { describe, expect, it } from "vitest";
import { ACCEPTED_LIST, judgeFileType } from "./file-types";
import { evidenceFixture } from "./test-fixtures";

describe("judgeFileType", () => {
  it("takes the accepted kinds by their content, whatever they are called", async () => {
    expect(await judgeFileType(evidenceFixture("pdf"), "payment-run.pdf")).toEqual({
      ok: true,
      mediaType: "application/pdf",
    });
    expect(await judgeFileType(evidenceFixture("xlsx"), "fees.xlsx")).toEqual({
      ok: true,
      mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(await judgeFileType(evidenceFixture("png"), "chart")).toEqual({
      ok: true,
      mediaType: "image/png",
    });
    expect(await judgeFileType(evidenceFixture("csv"), "invoices.csv")).toEqual({
      ok: true,
      mediaType: "text/csv",
    });
    // A PDF named as a spreadsheet is a PDF.
    expect(await judgeFileType(evidenceFixture("pdf"), "fees.xlsx")).toMatchObject({
      mediaType: "application/pdf",
    });
  });

  it("refuses a program renamed to look like a PDF, and text that is not a CSV", async () => {
    expect(await judgeFileType(evidenceFixture("exe"), "payment-run.pdf")).toEqual({
      ok: false,
      message: `“payment-run.pdf” is a program, whatever its name says. Upload a ${ACCEPTED_LIST} file.`,
    });
    expect(await judgeFileType(evidenceFixture("csv"), "notes.txt")).toMatchObject({ ok: false });
  });
});
