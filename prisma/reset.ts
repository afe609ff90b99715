import { rm } from "node:fs/promises";
import { closeDb, db, dbConnection } from "@/lib/db/client";
import { deployMigrations } from "@/lib/db/migrate";
import { describeTarget } from "@/lib/db/target";
import { env } from "@/lib/env";
import { seedDemo } from "./seed";

/**
 * Starts the database again: deletes everything, applies migrations, writes the demo data.
 * On a PostgreSQL server it drops the public schema, so it asks for --yes first.
 */
async function main() {
  const { database } = env();
  if (database.kind === "pglite" && database.dataDir) {
    await rm(database.dataDir, { recursive: true, force: true });
  } else if (database.kind === "postgres") {
    if (!process.argv.includes("--yes")) {
      throw new Error(
        `This deletes every row in ${describeTarget(database)}. Run again with: npm run db:reset -- --yes`,
      );
    }
    await db().$executeRawUnsafe("DROP SCHEMA public CASCADE");
    await db().$executeRawUnsafe("CREATE SCHEMA public");
  }
  try {
    await deployMigrations(dbConnection());
    await seedDemo(db());
    console.info(`${describeTarget(database)}: reset, migrated and seeded with demo data.`);
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
