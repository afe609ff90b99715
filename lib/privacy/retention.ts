import { formatDate } from "@/lib/format";

/**
 * The same moment `months` calendar months earlier, in UTC. A day the earlier month lacks becomes
 * its last day: a year before 29 February 2028 is 28 February 2027, a month before 31 March is the
 * end of February, never 3 March.
 */
export function monthsBefore(now: Date, months: number): Date {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(
      year,
      month,
      Math.min(now.getUTCDate(), lastDay),
      now.getUTCHours(),
      now.getUTCMinutes(),
      now.getUTCSeconds(),
      now.getUTCMilliseconds(),
    ),
  );
}

/** What one run of `npm run privacy:purge` removed (lib/services/retention.ts). */
export interface PurgeResult {
  draftCutoff: Date;
  drafts: { reference: string; organisation: string }[];
  /** Evidence files of those drafts (self-assessments), deleted with them. */
  evidenceFiles: number;
  invitations: number;
  sessions: number;
  resetTokens: number;
  rateCounters: number;
  /** Requests to join an organisation, and councils' account requests, decided long enough ago. */
  joinRequests: number;
  accountRequests: number;
}

/** What `npm run privacy:purge` prints: counts, and drafts by reference; never an address. */
export function describePurge(result: PurgeResult): string[] {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const drafts = result.drafts.length;
  return [
    `${plural(drafts, "draft", "drafts")} nobody had touched since ${formatDate(result.draftCutoff)}` +
      (drafts ? `: ${result.drafts.map((d) => `${d.reference} (${d.organisation})`).join(", ")}` : ""),
    plural(result.evidenceFiles, "evidence file of those drafts", "evidence files of those drafts"),
    plural(
      result.invitations,
      "expired invitation that was never accepted",
      "expired invitations that were never accepted",
    ),
    plural(result.sessions, "expired session", "expired sessions"),
    plural(result.resetTokens, "expired password-reset token", "expired password-reset tokens"),
    plural(result.rateCounters, "old sign-in rate counter", "old sign-in rate counters"),
    plural(
      result.joinRequests,
      "decided request to join an organisation",
      "decided requests to join an organisation",
    ),
    plural(result.accountRequests, "decided account request", "decided account requests"),
  ];
}
