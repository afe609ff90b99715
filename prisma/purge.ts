import { pathToFileURL } from "node:url";
import { closeDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { describePurge } from "@/lib/privacy/retention";
import { purgeStaleData } from "@/lib/services/retention";

/**
 * Applies the retention periods of the privacy notice: run it daily (cron, a scheduled job) with
 * `npm run privacy:purge`. What it removes is decided in lib/services/retention.ts.
 */

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
