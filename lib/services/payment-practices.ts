import "server-only";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import type { PaymentPracticeReport } from "@/lib/payment-practices/parse";
import { isOperator } from "./operators";

/**
 * The government's payment practices reports, imported by an operator from the service's CSV and
 * read beside what primes claim and partners report (issue 16). Public data: any reader of a
 * prime's report may see its statutory figures.
 */

export interface PaymentPracticesImport {
  /** Reports new to Chainwise. */
  added: number;
  /** Reports already held (the export repeats every report each time): left as they were. */
  alreadyHeld: number;
  /** Primes on Chainwise whose Companies House number is in the file. */
  primesMatched: string[];
}

const day = (date: string) => new Date(`${date}T00:00:00Z`);

/** Stores every report not already held, in one transaction: all of a file, or none of it. */
export async function importPaymentPractices(
  userId: string,
  reports: readonly PaymentPracticeReport[],
): Promise<PaymentPracticesImport> {
  if (!(await isOperator(userId))) throw new ForbiddenError("Only an operator can import payment practices.");
  const numbers = [...new Set(reports.map((r) => r.companyNumber))];
  return db().$transaction(
    async (tx) => {
      let added = 0;
      // Chunks keep each statement's parameter list short: the national file has tens of thousands of rows.
      for (let i = 0; i < reports.length; i += 1000) {
        const { count } = await tx.paymentPracticeReport.createMany({
          data: reports.slice(i, i + 1000).map((r) => ({
            ...r,
            startDate: day(r.startDate),
            endDate: day(r.endDate),
            filedOn: day(r.filedOn),
          })),
          skipDuplicates: true,
        });
        added += count;
      }
      const matched = await tx.organisation.findMany({
        where: { type: "PRIME", identifiers: { some: { scheme: "GB-COH", value: { in: numbers } } } },
        select: { name: true },
        orderBy: { name: "asc" },
      });
      return { added, alreadyHeld: reports.length - added, primesMatched: matched.map((m) => m.name) };
    },
    { timeout: 60_000 },
  );
}

export interface StatutoryPaymentFigures {
  reportId: string;
  startDate: Date;
  endDate: Date;
  company: string;
  averageDaysToPay: number | null;
  paidWithin30Days: number | null;
  paidIn31To60Days: number | null;
  paidAfter60Days: number | null;
  notPaidWithinTerms: number | null;
}

/** A prime's statutory reports by its Companies House numbers, latest period first. */
export async function statutoryPaymentReports(
  primeId: string,
  limit = 4,
): Promise<StatutoryPaymentFigures[]> {
  const numbers = await db().organisationIdentifier.findMany({
    where: { organisationId: primeId, scheme: "GB-COH" },
    select: { value: true },
  });
  if (numbers.length === 0) return [];
  const rows = await db().paymentPracticeReport.findMany({
    where: { companyNumber: { in: numbers.map((n) => n.value) } },
    orderBy: [{ endDate: "desc" }, { reportId: "asc" }],
    take: limit,
  });
  const num = (value: { toNumber(): number } | null) => (value === null ? null : value.toNumber());
  return rows.map((r) => ({
    reportId: r.reportId,
    startDate: r.startDate,
    endDate: r.endDate,
    company: r.company,
    averageDaysToPay: num(r.averageDaysToPay),
    paidWithin30Days: num(r.paidWithin30Days),
    paidIn31To60Days: num(r.paidIn31To60Days),
    paidAfter60Days: num(r.paidAfter60Days),
    notPaidWithinTerms: num(r.notPaidWithinTerms),
  }));
}
