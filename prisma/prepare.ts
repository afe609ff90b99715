import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { closeDb, db, dbConnection } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/migrate";
import { describeTarget } from "@/lib/db/target";
import { env } from "@/lib/env";
import { fillMatchNames } from "@/lib/services/fill-match-names";
import { backfillScores } from "@/lib/services/score-backfill";
import { seedWhenWanted } from "./seed";

/**
 * Runs before the server (`npm start`, `npm run dev`): checks the environment, applies migrations,
 * writes demo data into an empty database, and with --build builds the app when the sources are
 * newer than the last build. The server starts only after this process has closed the database,
 * because an embedded PGlite folder has one owner at a time.
 */

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.js",
  "proxy.ts",
  "instrumentation.ts",
  "package-lock.json",
];

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "generated" || child.startsWith(".")) continue;
    newest = Math.max(newest, newestChange(path.join(entry, child)));
  }
  return newest;
}

function buildIfStale() {
  const buildId = path.join(".next", "BUILD_ID");
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (built > Math.max(...SOURCES.map(newestChange))) return;
  console.info(built ? "Sources changed since the last build: building." : "No build yet: building.");
  const result = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("The build failed; see above.");
}

async function main() {
  const { database, SEED_DEMO_DATA, DEMO_MODE } = env();
  if (process.argv.includes("--build")) buildIfStale();
  const client = db();
  try {
    const applied = await deployMigrations(dbConnection());
    console.info(
      `${describeTarget(database)}: ${applied.length ? `applied ${applied.length} migration(s)` : "schema up to date"}.`,
    );
    if (await seedWhenWanted(client, { DEMO_MODE, SEED_DEMO_DATA })) {
      console.info("Empty database: demo data written.");
    }
    const scored = await backfillScores(client);
    if (scored > 0) console.info(`Stored the scores of ${scored} earlier submission(s) for reports.`);
    const named = await fillMatchNames(client);
    if (named > 0) console.info(`Gave ${named} earlier organisation(s) the name they are matched on.`);
  } finally {
    await closeDb();
  }
}

main().then(
  // The wasm schema engine leaves a 10-second timer behind; the work is done, so do not wait for it.
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
