import "server-only";
import { jobQueue, QUEUES, stopJobQueue } from "@/lib/db/job-queue";
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

/** Set once the server is shutting down: imports stop between batches. */
let stopping = false;
/** Imports under way in this process, so a shutdown can wait for their current batch. */
const imports = new Set<Promise<unknown>>();

export async function startBackgroundWork(): Promise<void> {
  stopping = false;
  const queue = await jobQueue();
  await queue.work<{ runId: string }>(QUEUES.ocdsImport, { batchSize: 1 }, async ([job]) => {
    if (!job) return;
    const work = (async () => {
      const { runId } = job.data;
      const outcome = await runImport(runId, {
        lastAttempt: job.retryCount >= 1,
        shouldStop: () => stopping,
      });
      // Stopped between batches: a new job carries on from the last one committed, here after a
      // restart or at once on another instance. Sent before this job completes, so a crash in
      // between leaves this one to expire and be retried rather than the run with no job.
      if (outcome === "paused") await queue.send(QUEUES.ocdsImport, { runId });
    })();
    imports.add(work);
    try {
      await work;
    } finally {
      imports.delete(work);
    }
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

/**
 * Before the process exits (lib/shutdown.ts): imports stop after the batch they are writing, and
 * then the queue stops, while the database is still open. Nothing is left half-written, and no
 * job is left taken by a process that is gone (it would wait hours for its expiry to be retried).
 */
export async function stopBackgroundWork(): Promise<void> {
  stopping = true;
  await Promise.allSettled([...imports]);
  await stopJobQueue();
}
