import { openConnection } from "@/lib/db/adapter";
import { createMigration, deployMigrations, migrationStatus } from "@/lib/db/migrate";
import { describeTarget, parseDatabaseUrl } from "@/lib/db/target";

const usage = `Usage:
  npm run db:migrate              apply pending migrations to DATABASE_URL
  npm run db:status               show whether DATABASE_URL is up to date
  npm run db:migrate:new -- NAME  write a migration for changes to prisma/schema.prisma`;

async function main() {
  const [command, name] = process.argv.slice(2);
  if (command === "new") {
    if (!name || !/^[a-z0-9_]+$/.test(name))
      throw new Error(`Give the migration a snake_case name.\n${usage}`);
    const created = await createMigration(name);
    console.info(
      created
        ? `Wrote prisma/migrations/${created}/migration.sql`
        : "The schema has not changed: no migration written.",
    );
    return;
  }
  if (command !== "deploy" && command !== "status") throw new Error(usage);

  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const connection = openConnection(target, { poolSize: 1 });
  try {
    if (command === "deploy") {
      const applied = await deployMigrations(connection);
      console.info(
        `${describeTarget(target)}: ${applied.length ? `applied ${applied.join(", ")}` : "already up to date"}.`,
      );
    } else {
      const status = await migrationStatus(connection);
      console.info(
        `${describeTarget(target)}: ${status.upToDate ? "up to date" : `pending: ${status.pending.join(", ") || "none"}`}`,
      );
      for (const problem of status.problems) console.info(`  problem: ${problem}`);
      if (!status.upToDate) process.exitCode = 1;
    }
  } finally {
    await connection.close();
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
