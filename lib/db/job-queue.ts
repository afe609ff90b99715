import "server-only";
import { fromPglite, PgBoss } from "pg-boss";
import { env } from "@/lib/env";
import type { Connection } from "./adapter";
import { dbConnection } from "./client";

/**
 * The background queue (docs/decisions/0017): pg-boss, in the app's own database. On the embedded
 * database it runs in this process on the same PGlite the Prisma client uses (one process owns the
 * folder); on a server every instance with JOBS=on works the queues, and each job is taken by one.
 */

export const QUEUES = {
  ocdsImport: "ocds-import",
  remind: "invitations-remind",
  purge: "privacy-purge",
  releases: "releases-due",
} as const;

/** One queue per database connection: tests switch the process between databases. */
const holder = globalThis as unknown as { chainwiseJobs?: WeakMap<Connection, Promise<PgBoss>> };
const started = () => {
  holder.chainwiseJobs ??= new WeakMap();
  return holder.chainwiseJobs;
};

function build(connection: Connection, works: boolean): PgBoss {
  const common = {
    schema: "pgboss",
    application_name: "chainwise-jobs",
    // Polling, not LISTEN/NOTIFY: a job waits at most a second or so, and nothing depends on a
    // connection that a proxy, or the embedded database's socket in the browser tests, may not carry.
    pollingIntervalSeconds: 1,
  } as const;
  if (!works) {
    // An instance that only sends (JOBS=off) needs no pool, schedules or upkeep of its own: its few
    // statements (at start, and to learn the queues) go through the app's own connections, and an
    // instance that works the queue installed it. Jobs themselves are sent in the caller's transaction.
    const own = { supervise: false, schedule: false, migrate: false, createSchema: false } as const;
    if (connection.pglite)
      return new PgBoss({ ...common, ...own, backend: "pglite", db: fromPglite(connection.pglite) });
    const pool = connection.pool;
    if (!pool) throw new Error("The database has no connections for the job queue.");
    return new PgBoss({ ...common, ...own, db: { executeSql: (text, values) => pool.query(text, values) } });
  }
  if (connection.pglite)
    return new PgBoss({ ...common, backend: "pglite", db: fromPglite(connection.pglite) });
  if (!connection.url) throw new Error("The database has no address for the job queue.");
  return new PgBoss({ ...common, connectionString: connection.url, max: 3 });
}

/**
 * The started queue of this process's database, for sending jobs and working them. Starting it
 * creates pg-boss's own schema (`pgboss`) the first time.
 */
export function jobQueue(connection: Connection = dbConnection()): Promise<PgBoss> {
  const existing = started().get(connection);
  if (existing) return existing;
  const works = env().JOBS === "on";
  const boss = build(connection, works);
  boss.on("error", (error) => console.error("Background jobs:", error.message));
  const ready = boss.start().then(async () => {
    if (!works) return boss;
    await boss.createQueue(QUEUES.ocdsImport, {
      // A long import is worked in batches that each commit, and a retry carries on where the
      // last batch left off; it must not be taken by a second worker while the first is still going.
      expireInSeconds: 6 * 3600,
      retryLimit: 1,
      retryDelay: 10,
    });
    for (const name of [QUEUES.remind, QUEUES.purge, QUEUES.releases])
      await boss.createQueue(name, { retryLimit: 2, retryDelay: 60, retryBackoff: true });
    return boss;
  });
  started().set(connection, ready);
  ready.catch(() => started().delete(connection));
  return ready;
}

/** Stops the queue of a database, letting a job under way finish its batch. */
export async function stopJobQueue(connection: Connection = dbConnection()): Promise<void> {
  const ready = started().get(connection);
  started().delete(connection);
  if (ready) await (await ready).stop({ graceful: true, timeout: 30_000 });
}
