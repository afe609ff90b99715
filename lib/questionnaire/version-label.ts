import { formatDate } from "@/lib/format";

/**
 * How a version of a prime's self-assessment is named wherever it is shown (docs/decisions/0029):
 * a change made after partners' figures were released always says so, with its date.
 */
export function versionLabel(
  v: { id: string; version: number; submittedAt: Date | null; afterRelease: boolean },
  { releasedOn, reportedId }: { releasedOn: Date | null; reportedId: string | null },
): string {
  const name = `Version ${v.version}`;
  if (v.afterRelease) {
    return v.submittedAt
      ? `${name}, changed on ${formatDate(v.submittedAt)} after release`
      : `${name}, a change after release, not yet submitted`;
  }
  if (!v.submittedAt) return `${name}, not yet submitted`;
  if (releasedOn && v.id === reportedId) {
    return `${name}, as it was when partners' figures were released on ${formatDate(releasedOn)}`;
  }
  return `${name}, submitted on ${formatDate(v.submittedAt)}`;
}
