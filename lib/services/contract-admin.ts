import "server-only";
import { assertCan } from "@/lib/access/capabilities";
import { commissionedBy } from "@/lib/access/scopes";
import type { Actor } from "@/lib/auth/types";
import type { ServiceArea } from "@/lib/contracts/options";
import { db } from "@/lib/db/client";
import { NotFoundError, RuleError } from "@/lib/errors";
import {
  framework as currentFramework,
  findFramework,
  latestFramework,
  PERIOD_VERSION,
} from "@/lib/framework";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChainStatus, SizeBand } from "@/lib/generated/prisma/enums";
import { requireRecordIds } from "@/lib/ids";
import type { OrganisationIdentifier } from "@/lib/organisations/identifiers";
import { type Page, pageFrom, pageWindow } from "@/lib/reports/pages";
import {
  type FoundOrganisation,
  findOrCreateOrganisation,
  findOrCreateOrganisations,
  isDemoOrganisation,
} from "./organisation-matching";
import { assertShareNoMembers } from "./separation";

/**
 * A commissioner's management of its own contracts: creating them, naming primes, keeping the
 * supply chain and the roster of partners who rate, and opening rating cycles. Every function takes
 * the actor and scopes its query by the commissioner, so another body's contract is "not found".
 */

function requireCommissioner(actor: Actor) {
  assertCan(actor, "manageContracts", "Only a commissioner can manage contracts.");
}

const ownContract = (actor: Actor, contractId: string) => ({ id: contractId, ...commissionedBy(actor) });

export interface NewContract {
  title: string;
  reference: string;
  valueBand: string;
  /** Required on the form; null for contracts made another way that do not say. */
  serviceArea?: ServiceArea | null;
  startDate: Date;
  endDate: Date | null;
  ocid: string | null;
  /** Each with its numbers in registers, when the form or notice gives them: they decide who it is. */
  primes: { name: string; lot: string | null; identifiers?: readonly OrganisationIdentifier[] }[];
}

export async function createContract(actor: Actor, input: NewContract): Promise<string> {
  requireCommissioner(actor);
  return db().$transaction(async (tx) => {
    const clash = await tx.contract.findFirst({
      where: {
        commissionerId: actor.organisationId,
        reference: { equals: input.reference, mode: "insensitive" },
      },
      select: { id: true },
    });
    if (clash) throw new RuleError(`You already have a contract with the reference ${input.reference}.`);
    // A demo commissioner names demo organisations only (organisation-matching.ts).
    const demo = await isDemoOrganisation(tx, actor.organisationId);
    // All the primes in one go, as an import finds its suppliers (the same answers as one at a time).
    const { found, problem } = await findOrCreateOrganisations(
      tx,
      input.primes.map((p) => ({ name: p.name, type: "PRIME" as const, identifiers: p.identifiers ?? [] })),
      { demo },
    );
    if (problem) throw problem;
    const primeIds = input.primes.map((prime, i) => ({
      primeId: (found[i] as FoundOrganisation).id,
      lot: prime.lot,
    }));
    await assertShareNoMembers(
      tx,
      actor.organisationId,
      primeIds.map((p) => p.primeId),
    );
    const contract = await tx.contract.create({
      data: {
        commissionerId: actor.organisationId,
        title: input.title,
        reference: input.reference,
        valueBand: input.valueBand,
        serviceArea: input.serviceArea ?? null,
        startDate: input.startDate,
        endDate: input.endDate,
        ocid: input.ocid,
        primes: { create: primeIds },
      },
      select: { id: true },
    });
    return contract.id;
  });
}

const detailSelect = {
  id: true,
  title: true,
  reference: true,
  valueBand: true,
  valueAmount: true,
  serviceArea: true,
  valueCurrency: true,
  startDate: true,
  endDate: true,
  ocid: true,
  primes: { select: { lot: true, prime: { select: { id: true, name: true } } }, orderBy: { lot: "asc" } },
  supplyChain: {
    select: {
      id: true,
      primeId: true,
      status: true,
      namedInBid: true,
      canRate: true,
      organisation: { select: { id: true, name: true, sizeBand: true } },
    },
    orderBy: { organisation: { name: "asc" } },
  },
  cycles: {
    select: { id: true, name: true, opensAt: true, closesAt: true, frameworkVersion: true },
    orderBy: { opensAt: "desc" },
  },
} satisfies Prisma.ContractSelect;

type ContractRow = Prisma.ContractGetPayload<{ select: typeof detailSelect }>;
/** The exact value as a plain number: pages and client components cannot take a Decimal. */
export type ContractDetail = Omit<ContractRow, "valueAmount"> & { valueAmount: number | null };

export async function getOwnContract(actor: Actor, contractId: string): Promise<ContractDetail> {
  requireCommissioner(actor);
  requireRecordIds(contractId);
  const contract = await db().contract.findFirst({
    where: ownContract(actor, contractId),
    select: detailSelect,
  });
  if (!contract) throw new NotFoundError();
  return { ...contract, valueAmount: contract.valueAmount?.toNumber() ?? null };
}

/**
 * The commissioner's contracts, newest first, a page at a time: a council that imports a framework
 * notice can hold hundreds, and the list must cost the same to show however many it has.
 */
export async function listOwnContracts(actor: Actor, requestedPage?: string): Promise<Page<OwnContract>> {
  requireCommissioner(actor);
  const total = await db().contract.count({ where: commissionedBy(actor) });
  const { page, skip, take } = pageWindow(total, requestedPage);
  const rows = await db().contract.findMany({
    where: commissionedBy(actor),
    select: {
      id: true,
      title: true,
      reference: true,
      primes: { select: { prime: { select: { name: true } } } },
    },
    orderBy: [{ startDate: "desc" }, { reference: "asc" }, { id: "asc" }],
    skip,
    take,
  });
  return pageFrom(rows, total, page);
}

export interface OwnContract {
  id: string;
  title: string;
  reference: string;
  primes: { prime: { name: string } }[];
}

export interface NewPartner {
  primeId: string;
  name: string;
  /** Its numbers in charity or company registers: they decide who it is before its name does. */
  identifiers?: readonly OrganisationIdentifier[];
  sizeBand: SizeBand;
  sector: "VCSE" | "SME";
  namedInBid: boolean;
  status: ChainStatus;
}

/** Adds a partner to one prime's supply chain on the commissioner's contract, on the rating roster. */
export async function addPartner(actor: Actor, contractId: string, input: NewPartner): Promise<void> {
  requireCommissioner(actor);
  requireRecordIds(contractId, input.primeId);
  await db().$transaction(async (tx) => {
    const award = await tx.contractPrime.findFirst({
      where: { contractId, primeId: input.primeId, contract: commissionedBy(actor) },
      select: { id: true },
    });
    if (!award) throw new NotFoundError();
    const { id: organisationId } = await findOrCreateOrganisation(
      tx,
      {
        name: input.name,
        type: "SUBCONTRACTOR",
        identifiers: input.identifiers,
        sizeBand: input.sizeBand,
        sector: input.sector,
      },
      { demo: await isDemoOrganisation(tx, actor.organisationId) },
    );
    await assertShareNoMembers(tx, organisationId, [input.primeId, actor.organisationId]);
    const existing = await tx.supplyChainMember.findUnique({
      where: { contractId_primeId_organisationId: { contractId, primeId: input.primeId, organisationId } },
      select: { id: true },
    });
    if (existing) throw new RuleError(`${input.name} is already in this prime's supply chain.`);
    await tx.supplyChainMember.create({
      data: {
        contractId,
        primeId: input.primeId,
        organisationId,
        namedInBid: input.namedInBid,
        status: input.status,
        canRate: true,
      },
    });
  });
}

/** Changes a partner's status, or whether it is on the roster of partners who rate the prime. */
export async function updatePartner(
  actor: Actor,
  supplyChainMemberId: string,
  change: { status?: ChainStatus; canRate?: boolean },
): Promise<void> {
  requireCommissioner(actor);
  requireRecordIds(supplyChainMemberId);
  const updated = await db().supplyChainMember.updateMany({
    where: { id: supplyChainMemberId, contract: commissionedBy(actor) },
    data: change,
  });
  if (updated.count === 0) throw new NotFoundError();
}

export async function openCycle(
  actor: Actor,
  contractId: string,
  input: { name: string; opensAt: Date; closesAt: Date; frameworkVersion?: string | typeof PERIOD_VERSION },
): Promise<void> {
  requireCommissioner(actor);
  requireRecordIds(contractId);
  if (input.closesAt <= input.opensAt)
    throw new RuleError("The closing date must be after the opening date.");
  const { frameworkVersion, ...cycle } = input;
  await db().$transaction(async (tx) => {
    // "The period's version": the one its cycles already use, on any contract, else the newest.
    // Without a choice, the version cycles have always used (the database's default too).
    const used =
      frameworkVersion === PERIOD_VERSION
        ? await tx.cycle.findFirst({
            where: { name: { equals: input.name, mode: "insensitive" } },
            select: { frameworkId: true, frameworkVersion: true },
          })
        : null;
    const framework =
      frameworkVersion === PERIOD_VERSION
        ? used
          ? findFramework(used.frameworkId, used.frameworkVersion)
          : latestFramework
        : findFramework(currentFramework.id, frameworkVersion ?? currentFramework.version);
    if (!framework) throw new RuleError("Choose a version of the questions that Chainwise offers.");
    const contract = await tx.contract.findFirst({
      where: ownContract(actor, contractId),
      select: { id: true },
    });
    if (!contract) throw new NotFoundError();
    // One cycle change per contract at a time: two opened at once would each pass the check below.
    await tx.$queryRaw`SELECT id FROM "Contract" WHERE id = ${contractId} FOR UPDATE`;
    const sameName = await tx.cycle.findFirst({
      where: { contractId, name: { equals: input.name, mode: "insensitive" } },
      select: { name: true },
    });
    if (sameName)
      throw new RuleError(`This contract already has a cycle called ${sameName.name}. Choose another name.`);
    const overlap = await tx.cycle.findFirst({
      where: { contractId, opensAt: { lt: input.closesAt }, closesAt: { gt: input.opensAt } },
      select: { name: true },
    });
    if (overlap)
      throw new RuleError(`This overlaps the ${overlap.name} cycle. Cycles on a contract cannot overlap.`);
    // A period's figures are pooled across contracts and nationally, so its cycles ask the same
    // questions: one framework version per period (lib/framework/README.md).
    const period = await tx.cycle.findFirst({
      where: {
        name: { equals: input.name, mode: "insensitive" },
        NOT: { frameworkId: framework.id, frameworkVersion: framework.version },
      },
      select: { name: true, frameworkVersion: true },
    });
    if (period)
      throw new RuleError(
        `Cycles of the ${period.name} period use version ${period.frameworkVersion} of the questions, so their figures can be combined. Choose version ${period.frameworkVersion}, or another name.`,
      );
    await tx.cycle.create({
      data: { contractId, ...cycle, frameworkId: framework.id, frameworkVersion: framework.version },
    });
  });
}
