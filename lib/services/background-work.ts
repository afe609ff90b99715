import "server-only";
import { jobQueue, QUEUES } from "@/lib/db/job-queue";
import { env } from "@/lib/env";
import { describePurge } from "@/lib/privacy/retention";
import { runImport } from "./import-runs";
import { sendReminders } from "./invitation-reminders";
import { releaseDue } from "./releases";
import { purgeStaleData } from "./retention";

/**
 * What this process does in the background when JOBS=on (docs/decisions/0017): OCDS imports as
 * they are queued, and the three daily jobs on pg-boss's schedules, so a deployment needs no cron.
 * Every instance schedules the same jobs; pg-boss sends each occurrence once, and one instance
 * takes it. The npm scripts (`invitations:remind`, `privacy:purge`, `releases:due`) still run the
 * same work by hand.
 */

const LONDON = { tz: "Europe/London", missed: "once" } as const;

export async function startBackgroundWork(): Promise<void> {
  const queue = await jobQueue();
  await queue.work<{ runId: string }>(QUEUES.ocdsImport, { batchSize: 1 }, async ([job]) => {
    if (job) await runImport(job.data.runId, { lastAttempt: job.retryCount >= 1 });
  });
  await queue.work(QUEUES.remind, async () => {
    const result = await sendReminders(new Date());
    console.info(
      `Reminders: ${result.sent} sent, ${result.alreadySubmitted} not needed, ${result.failed} failed.`,
    );
    if (result.failed > 0) throw new Error(`${result.failed} reminders could not be sent`);
  });
  await queue.work(QUEUES.purge, async () => {
    const result = await purgeStaleData(new Date(), { draftMonths: env().DRAFT_RETENTION_MONTHS });
    console.info(["Retention purge:", ...describePurge(result)].join(" "));
  });
  await queue.work(QUEUES.releases, async () => {
    const released = (await releaseDue(new Date())).filter((o) => o.releaseId !== null);
    console.info(`Releases due: ${released.length} released.`);
  });
  // Missed while the server was down (a laptop, a deploy): one catch-up run, not none.
  await queue.schedule(QUEUES.releases, "0 2 * * *", null, LONDON);
  await queue.schedule(QUEUES.purge, "0 3 * * *", null, LONDON);
  await queue.schedule(QUEUES.remind, "0 9 * * *", null, LONDON);
}
