import "server-only";
import { RuleError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The separation of roles in a supply chain: nobody may belong both to a prime and to one of its
 * partners, nor to a commissioner and to one of its primes or partners. Otherwise a prime (or a
 * commissioner) could place a colleague in a partner and read, or write, what the partner says.
 *
 * Checked wherever a membership or a chain link is written: joining an organisation (invitation,
 * an administrator's approval, the operator's command), and naming a prime or a partner on a
 * contract. Callers pass their transaction, so the check and the write see the same rows.
 */

type Tx = Prisma.TransactionClient;

/** The organisations whose members must never overlap with this one's, by id, with why. */
export async function separatedFrom(tx: Tx, organisationId: string): Promise<Map<string, string>> {
  // One after another: inside a transaction the queries share one connection, which takes one at a time.
  const commissioned = await tx.contract.findMany({
    where: { commissionerId: organisationId },
    select: {
      primes: { select: { primeId: true } },
      supplyChain: { select: { organisationId: true } },
    },
  });
  const primeAwards = await tx.contractPrime.findMany({
    where: { primeId: organisationId },
    select: { contract: { select: { commissionerId: true } } },
  });
  const ownPartners = await tx.supplyChainMember.findMany({
    where: { primeId: organisationId },
    select: { organisationId: true },
  });
  const partnerships = await tx.supplyChainMember.findMany({
    where: { organisationId },
    select: { primeId: true, contract: { select: { commissionerId: true } } },
  });
  const separated = new Map<string, string>();
  for (const contract of commissioned) {
    for (const { primeId } of contract.primes) separated.set(primeId, "a prime on its contracts");
    for (const partner of contract.supplyChain)
      separated.set(partner.organisationId, "a partner on its contracts");
  }
  for (const award of primeAwards) separated.set(award.contract.commissionerId, "its commissioner");
  for (const partner of ownPartners) separated.set(partner.organisationId, "one of its partners");
  for (const link of partnerships) {
    separated.set(link.primeId, "a prime it works for");
    separated.set(link.contract.commissionerId, "the commissioner of a contract it works on");
  }
  separated.delete(organisationId);
  return separated;
}

/** Refuses a person joining an organisation that is on the other side of a chain from one they are in. */
export async function assertMayJoin(tx: Tx, userId: string, organisationId: string): Promise<void> {
  // One after another: inside a transaction the queries share one connection, which takes one at a time.
  const memberships = await tx.membership.findMany({
    where: { userId, organisationId: { not: organisationId } },
    select: { organisation: { select: { id: true, name: true } } },
  });
  const target = await tx.organisation.findUnique({ where: { id: organisationId }, select: { name: true } });
  if (memberships.length === 0) return;
  const separated = await separatedFrom(tx, organisationId);
  const clash = memberships.find((m) => separated.has(m.organisation.id));
  if (!clash) return;
  throw new RuleError(
    `You cannot join ${target?.name ?? "this organisation"}: you belong to ${clash.organisation.name}, which is ` +
      `${separated.get(clash.organisation.id)}. Nobody may belong to both sides of a supply chain, so partners ` +
      `can trust that their answers stay with them. If you have left ${clash.organisation.name}, ask its ` +
      "administrators to remove you first.",
  );
}

/**
 * Refuses linking two organisations in a chain (a prime and its partner, a commissioner and a prime
 * or partner) while a person belongs to both. Names the organisations, never the person.
 */
export async function assertShareNoMembers(tx: Tx, organisationId: string, others: string[]): Promise<void> {
  const ids = others.filter((id) => id !== organisationId);
  if (ids.length === 0) return;
  const shared = await tx.membership.findFirst({
    where: {
      organisationId: { in: ids },
      user: { memberships: { some: { organisationId } } },
    },
    select: { organisation: { select: { name: true } } },
  });
  if (!shared) return;
  const self = await tx.organisation.findUnique({ where: { id: organisationId }, select: { name: true } });
  throw new RuleError(
    `${self?.name ?? "This organisation"} and ${shared.organisation.name} have a member in common, so they ` +
      "cannot be on opposite sides of a supply chain: partners must be able to trust that their answers stay " +
      "with them. Ask the person to leave one of the two organisations first.",
  );
}

/** The same check, for a caller that reports the problem rather than stopping (a bulk import). */
export async function sharedMembersProblem(
  tx: Tx,
  organisationId: string,
  others: string[],
): Promise<string | null> {
  try {
    await assertShareNoMembers(tx, organisationId, others);
    return null;
  } catch (error) {
    if (error instanceof RuleError) return error.message;
    throw error;
  }
}
