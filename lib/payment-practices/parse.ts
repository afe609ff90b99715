import { CsvError } from "csv-parse";
import { parse as parseCsv } from "csv-parse/sync";
import { checkIdentifier } from "@/lib/organisations/identifiers";

/**
 * Reads the UK government's payment practices CSV (check-payment-practices.service.gov.uk, the
 * "download all reports" export): one row per report a large company filed under the Reporting on
 * Payment Practices and Performance Regulations 2017. Pure. All or nothing: one bad row and the
 * whole file is refused with every problem and its line, so an import never stores part of a file.
 */

export interface PaymentPracticeReport {
  /** The service's own id for the report: a report is stored once. */
  reportId: string;
  /** The reporting period and the day it was filed, 'YYYY-MM-DD'. */
  startDate: string;
  endDate: string;
  filedOn: string;
  company: string;
  /** Companies House number, as the register writes it (lib/organisations/identifiers.ts). */
  companyNumber: string;
  /** Null when the company made no payments in the period, as it may then leave them blank. */
  averageDaysToPay: number | null;
  paidWithin30Days: number | null;
  paidIn31To60Days: number | null;
  paidAfter60Days: number | null;
  notPaidWithinTerms: number | null;
}

export interface LineProblem {
  /** The line of the file, counting the heading row as line 1. */
  line: number;
  message: string;
}

export type PaymentPracticesResult =
  | { ok: true; reports: PaymentPracticeReport[] }
  | { ok: false; problems: LineProblem[] };

/** The published headings this import reads, and what each becomes. */
const COLUMNS = {
  reportId: "Report Id",
  startDate: "Start date",
  endDate: "End date",
  filedOn: "Filing date",
  company: "Company",
  companyNumber: "Company number",
  averageDaysToPay: "Average time to pay",
  paidWithin30Days: "% Invoices paid within 30 days",
  paidIn31To60Days: "% Invoices paid between 31 and 60 days",
  paidAfter60Days: "% Invoices paid later than 60 days",
  notPaidWithinTerms: "% Invoices not paid within agreed terms",
} as const;

/** At most this many problems are listed: a wrong file would otherwise give one per line. */
export const MAX_PROBLEMS = 20;

export function parsePaymentPractices(text: string): PaymentPracticesResult {
  let rows: string[][];
  try {
    rows = parseCsv(text, { bom: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      return { ok: false, problems: [{ line, message: `The file is not valid CSV here: ${error.message}` }] };
    }
    throw error;
  }
  const [heading, ...body] = rows;
  if (!heading) return { ok: false, problems: [{ line: 1, message: "The file is empty." }] };
  const position = new Map(heading.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = Object.values(COLUMNS).filter((name) => !position.has(name.toLowerCase()));
  if (missing.length > 0) {
    return {
      ok: false,
      problems: [
        {
          line: 1,
          message: `The heading row has no ${missing.map((m) => `“${m}”`).join(", ")} column${missing.length > 1 ? "s" : ""}. Download the file again from the government's payment practices service.`,
        },
      ],
    };
  }
  const cell = (row: string[], key: keyof typeof COLUMNS) =>
    (row[position.get(COLUMNS[key].toLowerCase()) ?? -1] ?? "").trim();

  const reports: PaymentPracticeReport[] = [];
  const problems: LineProblem[] = [];
  const seen = new Map<string, number>();
  body.forEach((row, i) => {
    // Quoted fields can span lines, but the service's export has none: rows are lines.
    const line = i + 2;
    const wrong = (message: string) => problems.push({ line, message });
    const reportId = cell(row, "reportId");
    if (!reportId) wrong("“Report Id” is empty.");
    else if (seen.has(reportId)) wrong(`Report ${reportId} is also on line ${seen.get(reportId)}.`);
    else seen.set(reportId, line);
    const dates = (["startDate", "endDate", "filedOn"] as const).map((key) => {
      const value = readDay(cell(row, key));
      if (!value)
        wrong(`“${COLUMNS[key]}” is “${cell(row, key)}”, which is not a date (31/03/2026 or 2026-03-31).`);
      return value;
    });
    const company = cell(row, "company");
    if (!company) wrong("“Company” is empty.");
    const number = checkIdentifier("GB-COH", cell(row, "companyNumber"));
    if (!number.ok) wrong(`“Company number”: ${number.message}`);
    const figures = (
      [
        "averageDaysToPay",
        "paidWithin30Days",
        "paidIn31To60Days",
        "paidAfter60Days",
        "notPaidWithinTerms",
      ] as const
    ).map((key) => {
      const raw = cell(row, key);
      if (raw === "") return null;
      const days = key === "averageDaysToPay";
      const value = Number(days ? raw : raw.replace(/%$/, ""));
      const limit = days ? 36500 : 100;
      if (!Number.isFinite(value) || value < 0 || value > limit) {
        wrong(
          `“${COLUMNS[key]}” is “${raw}”, which is not ${key === "averageDaysToPay" ? "a number of days" : "a percentage from 0 to 100"}.`,
        );
        return null;
      }
      return value;
    });
    const [startDate, endDate, filedOn] = dates;
    if (startDate && endDate && startDate > endDate) wrong("The period ends before it starts.");
    if (reportId && startDate && endDate && filedOn && company && number.ok) {
      const [averageDaysToPay, paidWithin30Days, paidIn31To60Days, paidAfter60Days, notPaidWithinTerms] =
        figures as [number | null, number | null, number | null, number | null, number | null];
      reports.push({
        reportId,
        startDate,
        endDate,
        filedOn,
        company,
        companyNumber: number.identifier.id,
        averageDaysToPay,
        paidWithin30Days,
        paidIn31To60Days,
        paidAfter60Days,
        notPaidWithinTerms,
      });
    }
  });
  if (body.length === 0) problems.push({ line: 2, message: "The file has a heading row but no reports." });
  return problems.length > 0
    ? { ok: false, problems: problems.slice(0, MAX_PROBLEMS) }
    : { ok: true, reports };
}

/** 'YYYY-MM-DD' from "31/03/2026" (as the service writes dates) or "2026-03-31"; null if not a real day. */
export function readDay(text: string): string | null {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(text);
  const [year, month, day] = uk
    ? [Number(uk[3]), Number(uk[2]), Number(uk[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [Number.NaN, Number.NaN, Number.NaN];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1)
    return null;
  return date.toISOString().slice(0, 10);
}
