import { describe, expect, it } from "vitest";
import { openConnection } from "@/lib/db/adapter";
import { closeDb, createClient, useDbForTests } from "@/lib/db/client";
import { checkDatabase } from "@/lib/services/health";
import { expectConsoleError } from "@/tests/support/console";
import { useTestDatabase } from "@/tests/support/test-database";

describe("database health check", () => {
  useTestDatabase("pglite");

  it("reports ok when the database answers", async () => {
    expect(await checkDatabase()).toMatchObject({ ok: true });
  });

  it("reports unavailable, without hanging, when the server cannot be reached", async () => {
    // Nothing listens on port 1; the connection is refused at once.
    const connection = openConnection({ kind: "postgres", url: "postgres://nobody:secret@127.0.0.1:1/none" });
    useDbForTests(createClient(connection), connection);
    try {
      const logged = expectConsoleError("health check: database unreachable");
      const health = await checkDatabase();
      expect(health).toMatchObject({ ok: false, error: "The database cannot be reached." });
      expect(JSON.stringify(health)).not.toContain("secret");
      expect(logged.lines.join("\n")).not.toContain("secret");
    } finally {
      await closeDb();
    }
  });
});
