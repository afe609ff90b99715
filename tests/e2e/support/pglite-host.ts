import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * One browser-test worker's embedded database, served over the PostgreSQL wire protocol so that
 * two processes can share it: the worker's `next start` (through @prisma/adapter-pg, as against a
 * server) and the spec's factories. Used only when no PostgreSQL server is configured
 * (docs/decisions/0009-browser-tests-per-worker-servers.md).
 *
 * Usage: tsx tests/e2e/support/pglite-host.ts <data folder> <port>. Prints "ready" once it listens;
 * SIGTERM closes the database cleanly.
 */
const [dataDir, port] = process.argv.slice(2);
if (!dataDir || !port) throw new Error("usage: pglite-host.ts <data folder> <port>");

const pglite = await PGlite.create(dataDir);
// The app's pool (DATABASE_POOL_SIZE, 10) and the factories' share it; past the limit the socket
// server hangs up on a new connection instead of making it wait.
const server = new PGLiteSocketServer({
  db: pglite,
  host: "127.0.0.1",
  port: Number(port),
  maxConnections: 64,
});
await server.start();
await startBackgroundWorkHere();
process.stdout.write("ready\n");

/**
 * The worker's background jobs run here, on the database directly, and its app server only sends
 * them (JOBS=off). The socket serves every connection as one PGlite session, so a queue polling over
 * a second pool beside the app's would interleave their statements (docs/decisions/0017).
 */
async function startBackgroundWorkHere() {
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  // Named so for the tests; here it makes the services use this process's own connection.
  const { createClient, useDbForTests: adopt } = await import("@/lib/db/client");
  const factory = new PrismaPGlite(pglite);
  const connection = {
    factory,
    pglite,
    url: null,
    pool: null,
    forMigrations: () => ({ factory, release: async () => {} }),
    close: async () => {},
  };
  adopt(createClient(connection), connection);
  const { startBackgroundWork } = await import("@/lib/services/background-work");
  await startBackgroundWork();
}

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  const { stopJobQueue } = await import("@/lib/db/job-queue");
  await stopJobQueue().catch(() => {});
  await server.stop();
  await pglite.close();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
