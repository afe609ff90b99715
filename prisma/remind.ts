import { pathToFileURL } from "node:url";
import { closeDb } from "@/lib/db/client";
import { sendReminders } from "@/lib/services/invitation-reminders";

/**
 * Emails a reminder to everyone invited to answer in a cycle that closes soon and whose organisation
 * has not submitted yet; each invitation once. Run it daily (cron, a scheduled job):
 * `npm run invitations:remind`, or `npm run invitations:remind -- --within-days 3`.
 */

export function withinDays(argv: readonly string[]): number {
  const at = argv.indexOf("--within-days");
  if (at === -1) return 7;
  const days = Number(argv[at + 1]);
  if (!Number.isInteger(days) || days < 1 || days > 60) {
    throw new Error("--within-days must be a whole number of days from 1 to 60");
  }
  return days;
}

async function main() {
  try {
    const days = withinDays(process.argv.slice(2));
    const result = await sendReminders(new Date(), { withinDays: days });
    console.info(
      `Reminders for cycles closing within ${days} days: ${result.sent} sent, ` +
        `${result.alreadySubmitted} not needed (already submitted), ${result.failed} failed.`,
    );
    if (result.failed > 0) process.exitCode = 1;
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
