import "server-only";
import { assertCan } from "@/lib/access/capabilities";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { formatDate, formatMoney } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportedContract, ImportedSupplier } from "@/lib/ocds/parse";
import { type OrganisationIdentifier, parseIdentifier } from "@/lib/organisations/identifiers";
import { buyerProblem } from "./organisation-identities";
import { findOrCreateOrganisations, isDemoOrganisation } from "./organisation-matching";
import { sharedMembersProblem } from "./separation";

export interface ImportReport {
  imported: { id: string; title: string; reference: string; primes: string[] }[];
  /** Contracts imported before, brought up to a later release: what changed, in words. */
  updated: { id: string; title: string; changes: string[] }[];
  skipped: { item: string; reason: string }[];
  notes: { item: string; reason: string }[];
}

export type Tx = Prisma.TransactionClient;

/**
 * Writes parsed OCDS contracts for the acting commissioner, all in one transaction: a failure part
 * way leaves nothing behind. Uploads go through the background queue instead (import-runs.ts),
 * which writes them batch by batch with {@link importBatch}.
 */
export async function importContracts(
  actor: Actor,
  contracts: readonly ImportedContract[],
): Promise<ImportReport> {
  const report: ImportReport = { imported: [], updated: [], skipped: [], notes: [] };
  const options = { runId: null, startedAt: new Date() };
  await db().$transaction((tx) => importBatch(tx, actor, contracts, report, options));
  return report;
}

export interface BatchOptions {
  /** The background import the batch belongs to, which its likely matches are listed under. */
  runId: string | null;
  /** When the import started: organisations made before it are matched by name only by a person. */
  startedAt: Date;
}

/**
 * Writes some parsed contracts in the caller's transaction, adding to `report`. Award suppliers
 * become the contract's primes, each with the lots it won. A contract this commissioner imported
 * before (same ocid) is updated from a later release and the changes listed; the same release
 * again, or an earlier one, changes nothing, so a batch run twice changes nothing the second time.
 * Another commissioner's import of the same notice is its own. A notice whose buyer is another
 * body is refused (`buyerProblem`).
 */
export async function importBatch(
  tx: Tx,
  actor: Actor,
  contracts: readonly ImportedContract[],
  report: ImportReport,
  options: BatchOptions,
): Promise<void> {
  assertCan(actor, "manageContracts", "Only a commissioner can import contracts.");
  // A demo commissioner's notices name demo organisations only (organisation-matching.ts).
  const demo = await isDemoOrganisation(tx, actor.organisationId);
  for (const contract of contracts) {
    const label = `“${contract.title}” (${contract.ocid})`;
    const existing = await tx.contract.findUnique({
      where: { commissionerId_ocid: { commissionerId: actor.organisationId, ocid: contract.ocid } },
      select: existingSelect,
    });
    if (existing && !isLater(contract, existing)) {
      report.skipped.push({
        item: label,
        reason:
          existing.ocdsReleaseId === contract.releaseId
            ? "This contract has already been imported from this release."
            : "This contract has already been imported from a later release (or this one has no date).",
      });
      continue;
    }
    if (!contract.startDate) {
      report.skipped.push({
        item: label,
        reason: "The data gives no start date. Create this contract by hand.",
      });
      continue;
    }
    const buyer = await buyerProblem(tx, actor, contract.buyer);
    if (buyer.problem) {
      report.skipped.push({ item: label, reason: buyer.problem });
      continue;
    }
    if (buyer.recorded) {
      report.notes.push({
        item: label,
        reason: `${buyer.recorded}, the buyer's identifier in this notice, is now recorded as your organisation's, so later notices are matched by it.`,
      });
    }
    const primes = await resolvePrimes(tx, actor, contract, label, report, { ...options, demo });
    if (!primes) continue;
    if (existing) await update(tx, existing, contract, primes, report);
    else await create(tx, actor, contract, primes, report);
  }
}

const existingSelect = {
  id: true,
  title: true,
  valueBand: true,
  valueAmount: true,
  valueCurrency: true,
  startDate: true,
  endDate: true,
  ocdsReleaseId: true,
  ocdsReleaseDate: true,
  primes: { select: { id: true, primeId: true, lot: true, prime: { select: { name: true } } } },
} satisfies Prisma.ContractSelect;
type Existing = Prisma.ContractGetPayload<{ select: typeof existingSelect }>;

interface Prime {
  primeId: string;
  name: string;
  lot: string | null;
}

function isLater(contract: ImportedContract, existing: Existing): boolean {
  if (existing.ocdsReleaseId === contract.releaseId || !contract.releaseDate) return false;
  return !existing.ocdsReleaseDate || new Date(contract.releaseDate) > existing.ocdsReleaseDate;
}

/** The suppliers as organisations, or null (with the reason in the report) when the contract is refused. */
async function resolvePrimes(
  tx: Tx,
  actor: Actor,
  contract: ImportedContract,
  label: string,
  report: ImportReport,
  options: BatchOptions & { demo: boolean },
): Promise<Prime[] | null> {
  // All the contract's suppliers in a few statements, not several each (organisation-matching.ts).
  const { found, problem } = await findOrCreateOrganisations(
    tx,
    contract.suppliers.map((supplier) => ({
      name: supplier.name,
      type: "PRIME",
      identifiers: supplierIdentifiers(supplier),
      sizeBand: supplier.scale === "large" ? "LARGE" : null,
      sector: supplier.vcse ? "VCSE" : supplier.scale === "sme" ? "SME" : null,
    })),
    { offerNameMatchesMadeBefore: options.startedAt, answersOf: actor.organisationId, demo: options.demo },
  );
  const primes: Prime[] = found.map((organisation, i) => {
    const supplier = contract.suppliers[i] as ImportedSupplier;
    if (organisation.note)
      report.notes.push({ item: `${label}: ${supplier.name}`, reason: organisation.note });
    return { primeId: organisation.id, name: supplier.name, lot: supplier.lots?.join("; ") ?? null };
  });
  if (problem) {
    report.skipped.push({ item: label, reason: problem.message });
    return null;
  }
  const separation = await sharedMembersProblem(
    tx,
    actor.organisationId,
    primes.map((p) => p.primeId),
  );
  if (separation) {
    report.skipped.push({ item: label, reason: separation });
    return null;
  }
  // Found by name only: made new, and offered to the commissioner to decide (likely-matches.ts).
  const likely = found.flatMap((organisation, i) =>
    organisation.likely
      ? [
          {
            commissionerId: actor.organisationId,
            importRunId: options.runId,
            supplierName: (contract.suppliers[i] as ImportedSupplier).name,
            contractLabel: label,
            madeId: organisation.id,
            existingId: organisation.likely.id,
            existingName: organisation.likely.name,
          },
        ]
      : [],
  );
  if (likely.length > 0) await tx.likelyMatch.createMany({ data: likely });
  return primes;
}

const day = (date: string | null) => (date ? new Date(`${date}T00:00:00Z`) : null);

function fields(contract: ImportedContract) {
  return {
    title: contract.title,
    valueBand: contract.valueBand,
    // A later release that does not classify the tender keeps the area an earlier one gave.
    ...(contract.serviceArea ? { serviceArea: contract.serviceArea } : {}),
    valueAmount: contract.value?.amount ?? null,
    valueCurrency: contract.value?.currency ?? null,
    startDate: day(contract.startDate) ?? new Date(0),
    endDate: day(contract.endDate),
    ocdsReleaseId: contract.releaseId,
    ocdsReleaseDate: contract.releaseDate ? new Date(contract.releaseDate) : null,
  };
}

async function create(
  tx: Tx,
  actor: Actor,
  contract: ImportedContract,
  primes: Prime[],
  report: ImportReport,
) {
  let reference = contract.reference;
  const clash = await tx.contract.findFirst({
    where: { commissionerId: actor.organisationId, reference },
    select: { id: true },
  });
  if (clash) reference = contract.ocid;
  const created = await tx.contract.create({
    data: {
      ...fields(contract),
      commissionerId: actor.organisationId,
      reference,
      ocid: contract.ocid,
      // One insert for all its award lines, not one each (a framework has hundreds).
      primes: { createMany: { data: primes.map((p) => ({ primeId: p.primeId, lot: p.lot })) } },
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

async function update(
  tx: Tx,
  existing: Existing,
  contract: ImportedContract,
  primes: Prime[],
  report: ImportReport,
) {
  const next = fields(contract);
  const changes: string[] = [];
  if (existing.title !== next.title)
    changes.push(`Title changed from “${existing.title}” to “${next.title}”.`);
  const worth = (amount: number | null, currency: string | null, band: string) =>
    amount !== null && currency ? formatMoney(amount, currency) : band;
  const was = worth(existing.valueAmount?.toNumber() ?? null, existing.valueCurrency, existing.valueBand);
  const now = worth(next.valueAmount, next.valueCurrency, next.valueBand);
  if (was !== now) changes.push(`Value changed from ${was} to ${now}.`);
  const dateWords = (date: Date | null) => (date ? formatDate(date) : "none");
  if (existing.startDate.getTime() !== next.startDate.getTime())
    changes.push(`Start date changed from ${dateWords(existing.startDate)} to ${dateWords(next.startDate)}.`);
  if ((existing.endDate?.getTime() ?? null) !== (next.endDate?.getTime() ?? null))
    changes.push(`End date changed from ${dateWords(existing.endDate)} to ${dateWords(next.endDate)}.`);
  for (const prime of primes) {
    const award = existing.primes.find((p) => p.primeId === prime.primeId);
    if (!award) {
      await tx.contractPrime.create({
        data: { contractId: existing.id, primeId: prime.primeId, lot: prime.lot },
      });
      changes.push(`${prime.name} added as a prime${prime.lot ? ` (${prime.lot})` : ""}.`);
    } else if (prime.lot && award.lot !== prime.lot) {
      await tx.contractPrime.update({ where: { id: award.id }, data: { lot: prime.lot } });
      changes.push(`${award.prime.name}'s lots are now ${prime.lot}.`);
    }
  }
  for (const award of existing.primes) {
    if (primes.some((p) => p.primeId === award.primeId)) continue;
    // Its supply chain and ratings stay: removing a prime is the commissioner's decision.
    changes.push(
      `${award.prime.name} is no longer on the published award; remove it from the contract if it has left.`,
    );
  }
  await tx.contract.update({ where: { id: existing.id }, data: next });
  report.updated.push({
    id: existing.id,
    title: contract.title,
    changes: changes.length > 0 ? changes : ["Nothing Chainwise keeps has changed."],
  });
}

/** The registers' numbers a notice gives a supplier: its identifier, and its party id when that is one. */
function supplierIdentifiers(supplier: ImportedSupplier): OrganisationIdentifier[] {
  const found = [supplier.identifier, supplier.id].flatMap((text) => {
    const parsed = text ? parseIdentifier(text) : null;
    return parsed ? [parsed] : [];
  });
  return found.filter((a, i) => found.findIndex((b) => b.scheme === a.scheme && b.id === a.id) === i);
}
