import { afterEach, describe, expect, it, vi } from "vitest";
import { openConnection } from "@/lib/db/adapter";
import { closeDb, createClient, useDbForTests } from "@/lib/db/client";
import { checkDatabase } from "@/lib/services/health";
import { openTestDatabase } from "@/tests/support/test-database";

describe("database health check", () => {
  afterEach(async () => {
    vi.restoreAllMocks();
    await closeDb();
  });

  it("reports ok when the database answers", async () => {
    const database = await openTestDatabase("pglite");
    database.use();
    expect(await checkDatabase()).toMatchObject({ ok: true });
  });

  it("reports unavailable, without hanging, when the server cannot be reached", async () => {
    // Nothing listens on port 1; the connection is refused at once.
    const connection = openConnection({ kind: "postgres", url: "postgres://nobody:secret@127.0.0.1:1/none" });
    useDbForTests(createClient(connection), connection);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const health = await checkDatabase();
    expect(logged).toHaveBeenCalledWith("health check: database unreachable", expect.anything());
    expect(health).toMatchObject({ ok: false, error: "The database cannot be reached." });
    expect(JSON.stringify(health)).not.toContain("secret");
  });
});
