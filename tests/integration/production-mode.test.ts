import { describe, expect, it } from "vitest";
import { seedWhenWanted } from "@/prisma/seed";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

describe.each(testDatabaseKinds())("demo data at start-up on %s", (kind) => {
  const database = useTestDatabase(kind);

  it("writes no invented organisations into an empty database when the demo is off, whatever SEED_DEMO_DATA says", async () => {
    const wrote = await seedWhenWanted(database.client, { DEMO_MODE: "off", SEED_DEMO_DATA: "auto" });
    expect(wrote).toBe(false);
    expect(await database.client.organisation.count()).toBe(0);
  });

  it("writes them with the demo on, and only into an empty database", async () => {
    expect(await seedWhenWanted(database.client, { DEMO_MODE: "on", SEED_DEMO_DATA: "never" })).toBe(false);
    expect(await seedWhenWanted(database.client, { DEMO_MODE: "on", SEED_DEMO_DATA: "auto" })).toBe(true);
    const organisations = await database.client.organisation.count();
    expect(organisations).toBeGreaterThan(0);
    expect(await database.client.organisation.count({ where: { demo: false } })).toBe(0);
    expect(await seedWhenWanted(database.client, { DEMO_MODE: "on", SEED_DEMO_DATA: "auto" })).toBe(false);
    expect(await database.client.organisation.count()).toBe(organisations);
  });
});
