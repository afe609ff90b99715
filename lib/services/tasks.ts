import "server-only";
import { can } from "@/lib/access/capabilities";
import { ON_ROSTER, openAt } from "@/lib/access/scopes";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import type { Perspective } from "@/lib/framework";

export interface Task {
  contractId: string;
  contractTitle: string;
  primeId: string;
  primeName: string;
  lot: string | null;
  perspective: Perspective;
  cycle: { name: string; closesAt: Date } | null;
  assessment: { id: string; status: "draft" | "submitted"; reference: string } | null;
}

/**
 * What an organisation is asked to do: partners rate each prime whose roster they are on; primes
 * assess themselves on each contract they hold. Each with the open cycle and where they are up to.
 */
export async function listTasks(actor: Actor, now = new Date()): Promise<Task[]> {
  const client = db();
  const openCycle = {
    where: openAt(now),
    orderBy: { opensAt: "desc" as const },
    take: 1,
  };
  // What a task shows of its contract, for a partner's rating and a prime's self-assessment alike.
  const contractAndOpenCycle = {
    select: {
      id: true,
      title: true,
      cycles: { ...openCycle, select: { id: true, name: true, closesAt: true } },
    },
  };
  const pairs = can(actor, "rate")
    ? (
        await client.supplyChainMember.findMany({
          where: { organisationId: actor.organisationId, ...ON_ROSTER },
          select: {
            contract: contractAndOpenCycle,
            prime: { select: { id: true, name: true } },
          },
          orderBy: [{ contract: { title: "asc" } }, { prime: { name: "asc" } }],
        })
      ).map((row) => ({ ...row, lot: null as string | null, perspective: "subcontractor" as const }))
    : can(actor, "selfAssess")
      ? (
          await client.contractPrime.findMany({
            where: { primeId: actor.organisationId },
            select: {
              lot: true,
              contract: contractAndOpenCycle,
              prime: { select: { id: true, name: true } },
            },
            orderBy: { contract: { title: "asc" } },
          })
        ).map((row) => ({ ...row, perspective: "prime" as const }))
      : [];

  const cycleIds = pairs.flatMap((p) => p.contract.cycles.map((c) => c.id));
  const assessments = await client.assessment.findMany({
    where: { cycleId: { in: cycleIds }, respondentOrgId: actor.organisationId },
    select: { id: true, cycleId: true, primeId: true, status: true, reference: true, version: true },
    orderBy: { version: "desc" },
  });

  return pairs.map((pair) => {
    const cycle = pair.contract.cycles[0] ?? null;
    const own = cycle
      ? assessments.find((a) => a.cycleId === cycle.id && a.primeId === pair.prime.id)
      : undefined;
    return {
      contractId: pair.contract.id,
      contractTitle: pair.contract.title,
      primeId: pair.prime.id,
      primeName: pair.prime.name,
      lot: pair.lot,
      perspective: pair.perspective,
      cycle: cycle ? { name: cycle.name, closesAt: cycle.closesAt } : null,
      assessment: own
        ? { id: own.id, status: own.status === "SUBMITTED" ? "submitted" : "draft", reference: own.reference }
        : null,
    };
  });
}

export interface Receipt {
  id: string;
  reference: string;
  submittedAt: Date;
  version: number;
  perspective: Perspective;
  contract: { id: string; title: string };
  prime: { id: string; name: string };
  cycle: string;
}

/** What the organisation has submitted, newest first: its receipts. Only its own. */
export async function listReceipts(actor: Actor): Promise<Receipt[]> {
  const rows = await db().assessment.findMany({
    where: { respondentOrgId: actor.organisationId, status: "SUBMITTED" },
    select: {
      id: true,
      reference: true,
      submittedAt: true,
      version: true,
      perspective: true,
      contract: { select: { id: true, title: true } },
      prime: { select: { id: true, name: true } },
      cycle: { select: { name: true } },
    },
    orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    ...row,
    submittedAt: row.submittedAt ?? new Date(0),
    perspective: row.perspective === "PRIME" ? "prime" : "subcontractor",
    cycle: row.cycle.name,
  }));
}
