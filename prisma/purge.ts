import { pathToFileURL } from "node:url";
import { closeDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/format";
import { type PurgeResult, purgeStaleData } from "@/lib/services/retention";

/**
 * Applies the retention periods of the privacy notice: run it daily (cron, a scheduled job) with
 * `npm run privacy:purge`. What it removes is decided in lib/services/retention.ts.
 */

export function describePurge(result: PurgeResult): string[] {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const drafts = result.drafts.length;
  return [
    `${plural(drafts, "draft", "drafts")} nobody had touched since ${formatDate(result.draftCutoff)}` +
      (drafts ? `: ${result.drafts.map((d) => `${d.reference} (${d.organisation})`).join(", ")}` : ""),
    plural(
      result.invitations,
      "expired invitation that was never accepted",
      "expired invitations that were never accepted",
    ),
    plural(result.sessions, "expired session", "expired sessions"),
    plural(result.resetTokens, "expired password-reset token", "expired password-reset tokens"),
    plural(result.rateCounters, "old sign-in rate counter", "old sign-in rate counters"),
  ];
}

async function main() {
  try {
    const result = await purgeStaleData(new Date(), { draftMonths: env().DRAFT_RETENTION_MONTHS });
    console.info(["Removed:", ...describePurge(result).map((line) => `  ${line}`)].join("\n"));
  } finally {
    await closeDb();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
