/**
 * Reads an assessment with several relations inside an interactive transaction, in a process of
 * its own started with `--throw-deprecation`, for tests/integration/database.test.ts:
 * `node --throw-deprecation --import tsx tests/support/read-in-transaction-child.ts` with
 * DATABASE_URL naming a PostgreSQL database. pg warns only once per process, so only a fresh
 * process shows whether this read makes it warn. Prints what it read when done.
 */
import { openConnection } from "@/lib/db/adapter";
import { createClient } from "@/lib/db/client";

const connection = openConnection({ kind: "postgres", url: process.env.DATABASE_URL ?? "" });
const client = createClient(connection);
try {
  const found = await client.$transaction(async (tx) =>
    tx.organisation.findFirst({
      include: { members: true, commissionedContracts: true, primeAwards: true, supplyChains: true },
    }),
  );
  console.info(`read ${found ? "an organisation" : "nothing"}`);
} finally {
  await client.$disconnect();
  await connection.close();
}
