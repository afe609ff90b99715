import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrganisationType } from "@/lib/generated/prisma/enums";
import { formatIdentifier } from "@/lib/organisations/identifiers";

/**
 * When two organisations may not be merged (docs/decisions/0027-merging-organisations.md): each
 * rule gives the reason in words for the person merging, or null. Read in the merge's own
 * transaction, so what is checked is what is moved.
 */

type Tx = Prisma.TransactionClient;

export interface MergeSide {
  id: string;
  name: string;
  type: OrganisationType;
  demo: boolean;
}

const TYPE_WORDS: Record<OrganisationType, string> = {
  COMMISSIONER: "a commissioner",
  PRIME: "a prime",
  SUBCONTRACTOR: "a partner",
};

/** The first rule the merge breaks, or null when the duplicate may be merged into the kept one. */
export async function mergeProblem(tx: Tx, kept: MergeSide, duplicate: MergeSide): Promise<string | null> {
  if (kept.id === duplicate.id)
    return "An organisation cannot be merged into itself. Choose two different ones.";
  if (kept.type !== duplicate.type) {
    return `${duplicate.name} is ${TYPE_WORDS[duplicate.type]} and ${kept.name} is ${TYPE_WORDS[kept.type]}: only organisations of the same kind are merged.`;
  }
  if (kept.demo !== duplicate.demo) {
    return "One of the two is invented for the demo and the other is real: they are never the same organisation.";
  }
  // One after another: inside a transaction the queries share one connection.
  for (const rule of [
    differentNumbers,
    released,
    primeAndPartner,
    sharedAwards,
    sharedChains,
    sharedRatings,
  ]) {
    const problem = await rule(tx, kept, duplicate);
    if (problem) return problem;
  }
  return duplicate.type === "COMMISSIONER" ? contractClash(tx, kept, duplicate) : null;
}

/** Two numbers in one register: two firms that share a name (docs/decisions/0012). */
async function differentNumbers(tx: Tx, kept: MergeSide, duplicate: MergeSide) {
  const held = await tx.organisationIdentifier.findMany({
    where: { organisationId: { in: [kept.id, duplicate.id] } },
    select: { organisationId: true, scheme: true, value: true },
  });
  const keptHeld = held.filter((h) => h.organisationId === kept.id);
  const clash = held.find(
    (h) =>
      h.organisationId === duplicate.id && keptHeld.some((k) => k.scheme === h.scheme && k.value !== h.value),
  );
  if (!clash) return null;
  const other = keptHeld.find((k) => k.scheme === clash.scheme) as (typeof keptHeld)[number];
  return `${duplicate.name} is ${formatIdentifier({ scheme: clash.scheme, id: clash.value })} and ${kept.name} is ${formatIdentifier({ scheme: other.scheme, id: other.value })}: two numbers in one register are two organisations.`;
}

/** Released figures never change (docs/decisions/0011), and they name the organisation by its id. */
async function released(tx: Tx, _kept: MergeSide, duplicate: MergeSide) {
  const id = duplicate.id;
  const [scope, release, rating] = [
    await tx.releaseScope.findFirst({
      where: { OR: [{ primeId: id }, { commissionerId: id }] },
      select: { id: true },
    }),
    await tx.release.findFirst({
      where: { OR: [{ commissionerId: id }, { thresholds: { some: { commissionerId: id } } }] },
      select: { id: true },
    }),
    await tx.releaseScopeRating.findFirst({
      where: { assessment: { OR: [{ primeId: id }, { respondentOrgId: id }] } },
      select: { scopeId: true },
    }),
  ];
  if (!scope && !release && !rating) return null;
  return `Released figures rest on ${duplicate.name}, and a release never changes. Keep ${duplicate.name} and merge the other one into it instead.`;
}

/** A prime and a partner on one contract merged would rate themselves, and read their own rating. */
async function primeAndPartner(tx: Tx, kept: MergeSide, duplicate: MergeSide) {
  for (const [prime, partner] of [
    [kept, duplicate],
    [duplicate, kept],
  ] as const) {
    const link = await tx.supplyChainMember.findFirst({
      where: { organisationId: partner.id, contract: { primes: { some: { primeId: prime.id } } } },
      select: { contract: { select: { title: true } } },
    });
    if (link) {
      return `${prime.name} is a prime and ${partner.name} a partner on “${link.contract.title}”. Merged, a partner's answers would belong to the prime it rates, so they stay two organisations.`;
    }
  }
  return null;
}

/**
 * Both primes on one contract: the duplicate's award line is folded into the kept one's (lots
 * joined) only when nothing hangs from it, no partner, rating, invitation, plan or reply.
 */
async function sharedAwards(tx: Tx, kept: MergeSide, duplicate: MergeSide) {
  const busy = await tx.contractPrime.findFirst({
    where: {
      primeId: duplicate.id,
      contract: { primes: { some: { primeId: kept.id } } },
      OR: [
        { supplyChain: { some: {} } },
        { assessments: { some: {} } },
        { invitations: { some: {} } },
        { actionPlan: { some: {} } },
        { contract: { cycles: { some: { replies: { some: { primeId: duplicate.id } } } } } },
      ],
    },
    select: { contract: { select: { title: true } } },
  });
  if (!busy) return null;
  return `${kept.name} and ${duplicate.name} are both primes on “${busy.contract.title}”, and ${duplicate.name} has partners, ratings, invitations or replies there of its own. Remove one of them from that contract first.`;
}

/** Two partners on one prime's chain would become one partner with two places on it. */
async function sharedChains(tx: Tx, kept: MergeSide, duplicate: MergeSide) {
  const links = await tx.supplyChainMember.findMany({
    where: { organisationId: duplicate.id },
    select: { contractId: true, primeId: true },
  });
  if (links.length === 0) return null;
  const both = await tx.supplyChainMember.findFirst({
    where: { organisationId: kept.id, OR: links },
    select: { contract: { select: { title: true } }, prime: { select: { name: true } } },
  });
  if (!both) return null;
  return `${kept.name} and ${duplicate.name} are both partners of ${both.prime.name} on “${both.contract.title}”. Remove one of them from that supply chain first.`;
}

/** Two ratings of one prime in one cycle would count one partner twice. */
async function sharedRatings(tx: Tx, kept: MergeSide, duplicate: MergeSide) {
  const rated = await tx.assessment.findMany({
    where: { respondentOrgId: duplicate.id, perspective: "SUBCONTRACTOR" },
    select: { cycleId: true, primeId: true },
    distinct: ["cycleId", "primeId"],
  });
  if (rated.length === 0) return null;
  const twice = await tx.assessment.findFirst({
    where: { respondentOrgId: kept.id, perspective: "SUBCONTRACTOR", OR: rated },
    select: { cycle: { select: { name: true } }, prime: { select: { name: true } } },
  });
  if (!twice) return null;
  return `${kept.name} and ${duplicate.name} have each rated ${twice.prime.name} in ${twice.cycle.name}: merged, one partner would have two ratings there.`;
}

/** A commissioner's contracts are unique by reference and by ocid. */
async function contractClash(tx: Tx, kept: MergeSide, duplicate: MergeSide) {
  const theirs = await tx.contract.findMany({
    where: { commissionerId: duplicate.id },
    select: { reference: true, ocid: true },
  });
  if (theirs.length === 0) return null;
  const clash = await tx.contract.findFirst({
    where: {
      commissionerId: kept.id,
      OR: [
        { reference: { in: theirs.map((c) => c.reference) } },
        { ocid: { in: theirs.flatMap((c) => (c.ocid ? [c.ocid] : [])) } },
      ],
    },
    select: { title: true, reference: true },
  });
  if (!clash) return null;
  return `${kept.name} and ${duplicate.name} each have a contract with the reference or notice of “${clash.title}” (${clash.reference}). Change one contract's reference, or remove the duplicate contract, first.`;
}
