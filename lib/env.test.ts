import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, loadEnv } from "./env";

describe("loadEnv", () => {
  it("defaults to the embedded database in .data/pglite", () => {
    const env = loadEnv({});
    expect(env.database).toEqual({ kind: "pglite", dataDir: path.resolve(".data/pglite") });
    expect(env.DATABASE_POOL_SIZE).toBe(10);
    expect(env.SEED_DEMO_DATA).toBe("auto");
  });

  it.each([
    ["pglite:memory", { kind: "pglite", dataDir: null }],
    ["pglite:./somewhere/db", { kind: "pglite", dataDir: path.resolve("somewhere/db") }],
    [
      "postgres://app:pw@db.internal:5432/chainwise",
      { kind: "postgres", url: "postgres://app:pw@db.internal:5432/chainwise" },
    ],
    [
      "postgresql://app@localhost/chainwise",
      { kind: "postgres", url: "postgresql://app@localhost/chainwise" },
    ],
  ])("reads DATABASE_URL=%s", (url, expected) => {
    expect(loadEnv({ DATABASE_URL: url }).database).toEqual(expected);
  });

  it.each([
    ["mysql://root@localhost/chainwise", "is not a database Chainwise can use"],
    ["postgres://app:hunter2@db.internal:5432", "names no database after the host"],
    ["postgres://", "has no host name"],
    ["pglite:", 'names no folder after "pglite:"'],
  ])("refuses DATABASE_URL=%s, saying what is wrong and how to fix it", (url, problem) => {
    let error: unknown;
    try {
      loadEnv({ DATABASE_URL: url });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toContain(problem);
    expect(message).toContain("postgres://user:password@host:5432/name");
    expect(message).not.toContain("hunter2");
  });

  it("refuses a pool size that is not a positive whole number", () => {
    expect(() => loadEnv({ DATABASE_POOL_SIZE: "lots" })).toThrow(
      /DATABASE_POOL_SIZE must be a whole number/,
    );
    expect(() => loadEnv({ DATABASE_POOL_SIZE: "0" })).toThrow(/at least 1/);
  });
});
