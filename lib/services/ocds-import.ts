import "server-only";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { ForbiddenError } from "@/lib/errors";
import type { ImportedContract } from "@/lib/ocds/parse";
import { findOrCreateOrganisation } from "./contract-admin";
import { sharedMembersProblem } from "./separation";

export interface ImportReport {
  imported: { id: string; title: string; reference: string; primes: string[] }[];
  skipped: { item: string; reason: string }[];
  notes: { item: string; reason: string }[];
}

/**
 * Writes parsed OCDS contracts for the acting commissioner, all in one transaction: a failure part
 * way leaves nothing behind. Award suppliers become the contract's primes. Contracts already
 * imported (same ocid) and contracts without a start date are skipped, each with its reason.
 */
export async function importContracts(
  actor: Actor,
  contracts: readonly ImportedContract[],
): Promise<ImportReport> {
  if (actor.organisationType !== "COMMISSIONER")
    throw new ForbiddenError("Only a commissioner can import contracts.");
  const report: ImportReport = { imported: [], skipped: [], notes: [] };
  await db().$transaction(async (tx) => {
    for (const contract of contracts) {
      const label = `“${contract.title}” (${contract.ocid})`;
      const existing = await tx.contract.findUnique({ where: { ocid: contract.ocid }, select: { id: true } });
      if (existing) {
        report.skipped.push({ item: label, reason: "This contract has already been imported." });
        continue;
      }
      if (!contract.startDate) {
        report.skipped.push({
          item: label,
          reason: "The data gives no start date. Create this contract by hand.",
        });
        continue;
      }
      if (contract.buyer.name.toLowerCase() !== actor.organisationName.toLowerCase()) {
        report.notes.push({
          item: label,
          reason: `The buyer in the data is ${contract.buyer.name}; it was imported under ${actor.organisationName}.`,
        });
      }
      let reference = contract.reference;
      const clash = await tx.contract.findFirst({
        where: { commissionerId: actor.organisationId, reference },
        select: { id: true },
      });
      if (clash) reference = contract.ocid;
      const primes = [];
      for (const supplier of contract.suppliers) {
        const primeId = await findOrCreateOrganisation(tx, {
          name: supplier.name,
          type: "PRIME",
          sizeBand: supplier.scale === "large" ? "LARGE" : null,
          sector: supplier.vcse ? "VCSE" : supplier.scale === "sme" ? "SME" : null,
        });
        primes.push({ primeId, name: supplier.name });
      }
      const separation = await sharedMembersProblem(
        tx,
        actor.organisationId,
        primes.map((p) => p.primeId),
      );
      if (separation) {
        report.skipped.push({ item: label, reason: separation });
        continue;
      }
      const created = await tx.contract.create({
        data: {
          commissionerId: actor.organisationId,
          title: contract.title,
          reference,
          valueBand: contract.valueBand,
          startDate: new Date(`${contract.startDate}T00:00:00Z`),
          endDate: contract.endDate ? new Date(`${contract.endDate}T00:00:00Z`) : null,
          ocid: contract.ocid,
          primes: { create: primes.map((p) => ({ primeId: p.primeId })) },
        },
        select: { id: true },
      });
      report.imported.push({
        id: created.id,
        title: contract.title,
        reference,
        primes: primes.map((p) => p.name),
      });
    }
  });
  return report;
}
