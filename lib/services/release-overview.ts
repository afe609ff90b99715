import "server-only";
import { assertCan } from "@/lib/access/capabilities";
import type { Actor } from "@/lib/auth/types";
import { db } from "@/lib/db/client";
import { NOT_RELEASER } from "./releases";

/**
 * What a commissioner's administrator sees before releasing a period (docs/decisions/0011): each
 * period of its programme with its cycles, open or closed, and what has been released of it and
 * when. The release itself is `releasePeriod` in releases.ts, which checks who is asking again.
 */

export interface PeriodCycle {
  contractTitle: string;
  contractReference: string;
  closesAt: Date;
  closed: boolean;
  /** Its contracts' figures were in a release of the programme (its cycle had closed by the cut-off). */
  released: boolean;
}

export interface PeriodOverview {
  period: string;
  cycles: PeriodCycle[];
  /** The programme's releases of this period, oldest first. */
  releases: { releasedAt: Date; scopes: number }[];
  /** When the period was released nationally, if it has been. */
  nationalAt: Date | null;
  /** Closed cycles in no release yet: what releasing now would add. */
  releasable: number;
}

/** Only a commissioner's administrators release its programme, so only they see this. */
export function assertReleaser(actor: Actor): void {
  assertCan(actor, "releaseFigures", NOT_RELEASER);
}

/** Every period of the actor's programme, newest first. Refused to anyone but its administrators. */
export async function releaseOverview(actor: Actor, now: Date = new Date()): Promise<PeriodOverview[]> {
  assertReleaser(actor);
  const commissionerId = actor.organisationId;
  const [cycles, releases] = await Promise.all([
    db().cycle.findMany({
      where: { contract: { commissionerId } },
      select: { name: true, closesAt: true, contract: { select: { title: true, reference: true } } },
      orderBy: [{ closesAt: "desc" }, { contract: { title: "asc" } }],
    }),
    db().release.findMany({
      where: { OR: [{ commissionerId }, { kind: "NATIONAL" }] },
      select: {
        kind: true,
        period: true,
        cutOff: true,
        createdAt: true,
        _count: { select: { scopes: true } },
      },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const periods = [...new Set(cycles.map((c) => c.name))];
  return periods.map((period) => {
    const own = releases.filter((r) => r.period === period && r.kind === "COMMISSIONER");
    const lastCutOff = own.at(-1)?.cutOff ?? null;
    const list = cycles
      .filter((c) => c.name === period)
      .map((c) => ({
        contractTitle: c.contract.title,
        contractReference: c.contract.reference,
        closesAt: c.closesAt,
        closed: c.closesAt < now,
        released: lastCutOff !== null && c.closesAt < lastCutOff,
      }));
    return {
      period,
      cycles: list,
      releases: own.map((r) => ({ releasedAt: r.createdAt, scopes: r._count.scopes })),
      nationalAt: releases.find((r) => r.period === period && r.kind === "NATIONAL")?.createdAt ?? null,
      releasable: list.filter((c) => c.closed && !c.released).length,
    };
  });
}
