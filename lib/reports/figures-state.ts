import type { ScopeLine } from "@/lib/services/release-reads";

/**
 * Why a report on one prime, contract and cycle has no partners' figures, so the page can say what
 * is missing and when it will come instead of drawing an empty chart (issue 17, empty states).
 */
export type FiguresState =
  | { kind: "released" }
  /** The cycle has not opened: nobody can answer yet. */
  | { kind: "not-open"; opensAt: Date; closesAt: Date }
  /** Partners are still answering; figures come after the close. */
  | { kind: "open"; closesAt: Date }
  /** Closed with enough answers: waiting for the period's release. */
  | { kind: "awaiting-release" }
  /** Closed with fewer answers than a figure needs: none will be released for this contract. */
  | { kind: "too-few" }
  /** Released, but this contract's figures were held back so no partner can be narrowed down. */
  | { kind: "held-back"; releasedAt: Date | null };

export function figuresState(input: {
  released: boolean;
  submitted: number;
  minPartners: number;
  cycle: { opensAt: Date; closesAt: Date };
  /** The contract-level line of the prime's released scopes, when the report has one. */
  contractScope?: Pick<ScopeLine, "state" | "releasedAt">;
  now: Date;
}): FiguresState {
  const { released, submitted, minPartners, cycle, contractScope, now } = input;
  if (released) return { kind: "released" };
  if (cycle.opensAt > now) return { kind: "not-open", opensAt: cycle.opensAt, closesAt: cycle.closesAt };
  if (cycle.closesAt > now) return { kind: "open", closesAt: cycle.closesAt };
  if (contractScope?.state === "hidden") return { kind: "held-back", releasedAt: contractScope.releasedAt };
  if (submitted < minPartners) return { kind: "too-few" };
  return { kind: "awaiting-release" };
}

/** The latest cycle before `current` with released figures: where a reader can see figures now. */
export function lastReleasedCycle<C extends { id: string; answers: number }>(
  cycles: readonly C[],
  currentId: string,
): C | null {
  const before = cycles.slice(
    0,
    cycles.findIndex((c) => c.id === currentId),
  );
  return [...before].reverse().find((c) => c.answers > 0) ?? null;
}
