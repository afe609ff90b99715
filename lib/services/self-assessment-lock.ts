import "server-only";
import { RuleError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A prime's self-assessment is locked once partners' figures for its cycle are released, so a claim
 * cannot be adjusted to what partners said (issue 18, part 3; docs/decisions/0029). Released means,
 * as in the database's triggers, that a stored release holds one of the prime's partners' ratings
 * of that cycle. A later change is a new version with `afterRelease` set; the locked one stays.
 * Every mutation of a self-assessment asks here; the database refuses the same whatever code asks.
 */

type Reader = Pick<Prisma.TransactionClient, "release">;

/** When partners' figures for the prime's cycle were first released; null while they are not. */
export async function releasedOn(
  client: Reader,
  { cycleId, primeId }: { cycleId: string; primeId: string },
): Promise<Date | null> {
  const release = await client.release.findFirst({
    where: {
      scopes: {
        some: { members: { some: { assessment: { cycleId, primeId, perspective: "SUBCONTRACTOR" } } } },
      },
    },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  return release?.createdAt ?? null;
}

export const lockedMessage = (on: Date) =>
  `Partners' figures for this cycle were released on ${formatDate(on)}, so this self-assessment is locked as it was then. To change an answer, start a new version: it is shown as changed after release, and the locked version stays as it is.`;

export interface LockKey {
  perspective: "PRIME" | "SUBCONTRACTOR";
  afterRelease: boolean;
  cycleId: string;
  primeId: string;
}

/** The release date when this assessment is a locked self-assessment; null when it may change. */
export async function lockedOn(client: Reader, row: LockKey): Promise<Date | null> {
  if (row.perspective !== "PRIME" || row.afterRelease) return null;
  return releasedOn(client, row);
}

/** Refuses any change to a locked self-assessment, saying why and what to do instead. */
export async function assertNotLocked(client: Reader, row: LockKey): Promise<void> {
  const on = await lockedOn(client, row);
  if (on) throw new RuleError(lockedMessage(on));
}
