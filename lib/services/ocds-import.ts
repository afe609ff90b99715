import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { ForbiddenError, RuleError } from "@/lib/errors";
import type { ImportedContract, ImportedSupplier } from "@/lib/ocds/parse";
import { type OrganisationIdentifier, parseIdentifier } from "@/lib/organisations/identifiers";
import { findOrCreateOrganisation } from "./organisation-identities";
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
      let refused: string | null = null;
      for (const supplier of contract.suppliers) {
        try {
          const found = await findOrCreateOrganisation(tx, {
            name: supplier.name,
            type: "PRIME",
            identifiers: supplierIdentifiers(supplier),
            sizeBand: supplier.scale === "large" ? "LARGE" : null,
            sector: supplier.vcse ? "VCSE" : supplier.scale === "sme" ? "SME" : null,
          });
          if (found.note) report.notes.push({ item: `${label}: ${supplier.name}`, reason: found.note });
          primes.push({ primeId: found.id, name: supplier.name });
        } catch (error) {
          if (!(error instanceof RuleError)) throw error;
          refused = error.message;
          break;
        }
      }
      if (refused) {
        report.skipped.push({ item: label, reason: refused });
        continue;
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

/** The registers' numbers a notice gives a supplier: its identifier, and its party id when that is one. */
function supplierIdentifiers(supplier: ImportedSupplier): OrganisationIdentifier[] {
  const found = [supplier.identifier, supplier.id].flatMap((text) => {
    const parsed = text ? parseIdentifier(text) : null;
    return parsed ? [parsed] : [];
  });
  return found.filter((a, i) => found.findIndex((b) => b.scheme === a.scheme && b.id === a.id) === i);
}
