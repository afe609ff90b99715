import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

const contractSummarySelect = {
  id: true,
  title: true,
  reference: true,
  valueBand: true,
  startDate: true,
  endDate: true,
  commissioner: { select: { name: true } },
  primes: { select: { lot: true, prime: { select: { id: true, name: true } } }, orderBy: { lot: "asc" } },
  _count: { select: { supplyChain: true } },
} satisfies Prisma.ContractSelect;

export interface ContractSummary {
  id: string;
  title: string;
  reference: string;
  valueBand: string;
  startDate: Date;
  endDate: Date | null;
  commissioner: string;
  primes: { id: string; name: string; lot: string | null }[];
  partnerCount: number;
}

/**
 * The demo's contracts, newest first, for the public home page. Only contracts an invented demo
 * commissioner let: real contracts are listed to their own organisations, never publicly. Not the
 * ones a visitor imported from a notice (they have an ocid): one framework notice brings hundreds,
 * and they are listed on the demo council's own contracts page.
 */
export async function listDemoContracts(): Promise<ContractSummary[]> {
  const rows = await db().contract.findMany({
    where: { commissioner: { demo: true, demoOffered: true }, ocid: null },
    select: contractSummarySelect,
    orderBy: [{ startDate: "desc" }, { reference: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    reference: row.reference,
    valueBand: row.valueBand,
    startDate: row.startDate,
    endDate: row.endDate,
    commissioner: row.commissioner.name,
    primes: row.primes.map((p) => ({ id: p.prime.id, name: p.prime.name, lot: p.lot })),
    partnerCount: row._count.supplyChain,
  }));
}
