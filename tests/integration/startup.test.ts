import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("start-up", () => {
  it("stops with a message saying what is wrong when DATABASE_URL is bad", () => {
    const result = spawnSync("npx", ["tsx", "prisma/prepare.ts"], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "mysql://root:topsecret@localhost/chainwise" },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'DATABASE_URL "mysql://root:***@localhost/chainwise" is not a database Chainwise can use.',
    );
    expect(result.stderr).toContain("postgres://user:password@host:5432/name");
    expect(result.stderr).not.toContain("topsecret");
  });
});
