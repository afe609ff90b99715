import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { finished } from "node:stream/promises";
import { openConnection } from "@/lib/db/adapter";
import { DumpError, exportDump, importDump } from "@/lib/db/backup";
import { createClient } from "@/lib/db/client";
import { describeTarget, parseDatabaseUrl } from "@/lib/db/target";

const usage = `Usage:
  npm run db:export [-- FILE]   write a dump of DATABASE_URL (default: .data/backups/chainwise-<time>.jsonl)
  npm run db:import -- FILE     restore a dump into DATABASE_URL, which must be empty

With the embedded database (pglite:…), stop the app first: a PGlite folder has one owner at a time.`;

async function main() {
  const [command, file] = process.argv.slice(2);
  if (command !== "export" && command !== "import") throw new Error(usage);
  if (command === "import" && !file) throw new Error(`Name the dump to import.\n${usage}`);
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const connection = openConnection(target, { poolSize: 2 });
  const client = createClient(connection);
  try {
    if (command === "export") {
      const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
      const out = file ?? path.join(".data", "backups", `chainwise-${stamp}.jsonl`);
      if (existsSync(out)) throw new Error(`${out} already exists: name a new file.`);
      await mkdir(path.dirname(path.resolve(out)), { recursive: true });
      const stream = createWriteStream(out, { flags: "wx", mode: 0o600 });
      const { rows, tables } = await exportDump(client, (line) => {
        stream.write(`${line}\n`);
      });
      stream.end();
      await finished(stream);
      console.info(`${describeTarget(target)}: wrote ${rows} rows from ${tables} tables to ${out}.`);
      console.info(
        "The dump holds everything, password hashes and answers included: keep it as safe as the database.",
      );
    } else {
      const lines = createInterface({
        input: createReadStream(file ?? ""),
        crlfDelay: Number.POSITIVE_INFINITY,
      });
      const result = await importDump(connection, client, lines);
      console.info(
        `${describeTarget(target)}: restored ${result.rows} rows, taken at migration ${result.migration}` +
          (result.applied.length ? `; then applied ${result.applied.join(", ")}.` : "."),
      );
    }
  } finally {
    await client.$disconnect();
    await connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof DumpError || error instanceof Error ? error.message : error);
  process.exit(1);
});
