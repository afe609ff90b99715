import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_PROBLEMS, parsePaymentPractices, readDay } from "./parse";

const fixture = readFileSync(new URL("./fixtures/payment-practices.csv", import.meta.url), "utf8");
const [heading = "", ...rows] = fixture.trim().split("\n");
const withRows = (...lines: string[]) => [heading, ...lines].join("\n");

describe("parsePaymentPractices", () => {
  it("reads every report in the published columns, figures as numbers and blanks as unknown", () => {
    const result = parsePaymentPractices(fixture);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.reports).toHaveLength(4);
    expect(result.reports[0]).toEqual({
      reportId: "90001",
      startDate: "2026-04-01",
      endDate: "2026-09-30",
      filedOn: "2026-10-24",
      company: "ANVIL SERVICES LIMITED",
      companyNumber: "04567123",
      averageDaysToPay: 41,
      paidWithin30Days: 38,
      paidIn31To60Days: 47,
      paidAfter60Days: 15,
      notPaidWithinTerms: 32,
    });
    expect(result.reports[1]?.company).toBe("BEACON OUTCOMES, PLC");
    expect(result.reports[3]).toMatchObject({ averageDaysToPay: null, notPaidWithinTerms: null });
  });

  it("refuses the whole file for one bad row, naming each problem's line", () => {
    const result = parsePaymentPractices(
      withRows(
        rows[0] ?? "",
        (rows[1] ?? "").replace("SC123456", "ABC"),
        (rows[2] ?? "")
          .replace("01/10/2025", "31/02/2026")
          .replace(",45,", ",forty,")
          .replace(",33,49,", ",133,49,"),
        rows[0] ?? "",
      ),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          line: 3,
          message:
            '“Company number”: "ABC" is not a Companies House number: it looks like 01234567 or SC123456.',
        },
        { line: 4, message: "“Start date” is “31/02/2026”, which is not a date (31/03/2026 or 2026-03-31)." },
        { line: 4, message: "“Average time to pay” is “forty”, which is not a number of days." },
        {
          line: 4,
          message: "“% Invoices paid within 30 days” is “133”, which is not a percentage from 0 to 100.",
        },
        { line: 5, message: "Report 90001 is also on line 2." },
      ],
    });
  });

  it("names the columns a file lacks, and refuses an empty file or one with no reports", () => {
    const result = parsePaymentPractices("Report Id,Company\n1,Acme");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.line).toBe(1);
    expect(result.problems[0]?.message).toContain("no “Start date”, “End date”, “Filing date”");
    expect(parsePaymentPractices("")).toEqual({
      ok: false,
      problems: [{ line: 1, message: "The file is empty." }],
    });
    expect(parsePaymentPractices(heading)).toEqual({
      ok: false,
      problems: [{ line: 2, message: "The file has a heading row but no reports." }],
    });
  });

  it("lists at most a screenful of problems", () => {
    const bad = Array.from({ length: 50 }, (_, i) =>
      (rows[0] ?? "").replace("90001", `9${i}`).replace("04567123", "x"),
    );
    const result = parsePaymentPractices(withRows(...bad));
    expect(result.ok ? 0 : result.problems.length).toBe(MAX_PROBLEMS);
  });

  it("says where a file stops being CSV", () => {
    const result = parsePaymentPractices(withRows(rows[0] ?? "", '90009,"01/04/2026,unclosed'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/^The file is not valid CSV here/);
  });
});

describe("readDay", () => {
  it("reads UK and ISO dates and refuses days that do not exist", () => {
    expect(readDay("01/04/2026")).toBe("2026-04-01");
    expect(readDay("2026-04-01")).toBe("2026-04-01");
    expect(readDay("29/02/2025")).toBeNull();
    expect(readDay("04/31/2026")).toBeNull();
    expect(readDay("")).toBeNull();
  });
});
