import "server-only";
import { contractsInvitingBy, ON_ROSTER, openAt } from "@/lib/access/scopes";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { frameworkFor, type Perspective } from "@/lib/framework";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requireRecordIds } from "@/lib/ids";
import { type InvitationState, stateOf } from "@/lib/invitations/tokens";
import { fromDbPerspective } from "@/lib/services/assessments";
import { answeredCounts, countedTo, countKey } from "@/lib/services/report-counts";

/**
 * What the inviting side sees of its invitations. The commissioner holds the roster and chases it,
 * so it sees each invitation's state. A prime must never learn which of its partners answered
 * (docs/security.md, "Who can learn who answered"): it sees only counts, and the addresses its chain
 * was invited at, with nothing that changes when someone accepts, is reminded, or answers.
 */

const listSelect = {
  id: true,
  email: true,
  primeId: true,
  perspective: true,
  expiresAt: true,
  acceptedAt: true,
  remindedAt: true,
  createdAt: true,
  organisation: { select: { id: true, name: true } },
} satisfies Prisma.InvitationSelect;

export interface InvitationSummary {
  id: string;
  email: string;
  organisation: { id: string; name: string };
  prime: { id: string; name: string };
  perspective: Perspective;
  state: InvitationState;
  sentAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  remindedAt: Date | null;
}

async function contractFor(actor: Actor, contractId: string) {
  requireRecordIds(contractId);
  const contract = await db().contract.findFirst({
    where: { id: contractId, ...contractsInvitingBy(actor) },
    select: { commissionerId: true },
  });
  if (!contract) throw new NotFoundError();
  return contract;
}

/** Every invitation on a contract, newest first, with its state: for the contract's commissioner only. */
export async function listInvitations(
  actor: Actor,
  contractId: string,
  now = new Date(),
): Promise<InvitationSummary[]> {
  const contract = await contractFor(actor, contractId);
  if (contract.commissionerId !== actor.organisationId) throw new NotFoundError();
  const rows = await db().invitation.findMany({
    where: { contractId },
    select: listSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const primes = await db().organisation.findMany({
    where: { id: { in: [...new Set(rows.map((row) => row.primeId))] } },
    select: { id: true, name: true },
  });
  const names = new Map(primes.map((row) => [row.id, row.name]));
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    organisation: row.organisation,
    prime: { id: row.primeId, name: names.get(row.primeId) ?? "" },
    perspective: fromDbPerspective(row.perspective),
    state: stateOf(row, now),
    sentAt: row.createdAt,
    expiresAt: row.expiresAt,
    acceptedAt: row.acceptedAt,
    remindedAt: row.remindedAt,
  }));
}

export interface ChainInvitations {
  /** Partners on the prime's rating roster for this contract. */
  partners: number;
  /** Of those, how many have been invited at least once. */
  invited: number;
  /** Of those, how many have submitted a rating in the open cycle (none when no cycle is open). */
  answered: number;
  /**
   * Each address the chain was invited at, once, with the partner and when it was first invited:
   * nothing here changes when the invitation is accepted, reminded, sent again, or answered.
   */
  addresses: { email: string; organisation: string; firstSentAt: Date }[];
}

/** A prime's view of the invitations to its own partners on one contract: counts, never who. */
export async function chainInvitations(
  actor: Actor,
  contractId: string,
  now = new Date(),
): Promise<ChainInvitations> {
  const contract = await contractFor(actor, contractId);
  if (contract.commissionerId === actor.organisationId) throw new NotFoundError();
  const primeId = actor.organisationId;
  const [roster, invitations, cycle] = await Promise.all([
    db().supplyChainMember.findMany({
      where: { contractId, primeId, ...ON_ROSTER },
      select: { organisationId: true },
    }),
    db().invitation.findMany({
      where: { contractId, primeId, perspective: "SUBCONTRACTOR" },
      select: {
        email: true,
        createdAt: true,
        organisationId: true,
        organisation: { select: { name: true } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db().cycle.findFirst({
      where: { contractId, ...openAt(now) },
      orderBy: { opensAt: "desc" },
      select: { id: true, closesAt: true, frameworkId: true, frameworkVersion: true },
    }),
  ]);
  const onRoster = new Set(roster.map((r) => r.organisationId));
  // The report's count, by the same rule and no sooner (report-counts.ts): partners on the list
  // who had sent any version by the start of today.
  const answered = cycle
    ? ((
        await answeredCounts(frameworkFor(cycle.frameworkId, cycle.frameworkVersion), {
          contractId,
          primeIds: [primeId],
          cycleIds: [cycle.id],
          respondentOrgIds: [...onRoster],
          submittedBefore: countedTo("prime", now, cycle.closesAt) ?? undefined,
        })
      ).get(countKey(cycle.id, primeId)) ?? 0)
    : 0;
  const seen = new Map<string, ChainInvitations["addresses"][number]>();
  for (const row of invitations) {
    const key = `${row.organisationId}/${row.email.toLowerCase()}`;
    if (!seen.has(key)) {
      seen.set(key, { email: row.email, organisation: row.organisation.name, firstSentAt: row.createdAt });
    }
  }
  const addresses = [...seen.values()].sort(
    (a, b) => a.organisation.localeCompare(b.organisation) || a.email.localeCompare(b.email),
  );
  return {
    partners: onRoster.size,
    invited: new Set(invitations.map((i) => i.organisationId).filter((id) => onRoster.has(id))).size,
    answered,
    addresses,
  };
}
