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

describe("start-up with the demo off", () => {
  it("stops when email would stay in an outbox on a public site, saying how to fix it", () => {
    const result = spawnSync("npx", ["tsx", "prisma/prepare.ts"], {
      encoding: "utf8",
      env: {
        ...process.env,
        DATABASE_URL: "pglite:memory",
        DEMO_MODE: "off",
        EMAIL_TRANSPORT: "outbox",
        APP_URL: "https://chainwise.example.org",
      },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Chainwise cannot start");
    expect(result.stderr).toContain(
      'EMAIL_TRANSPORT must be "smtp" (with SMTP_URL) when APP_URL is a public address',
    );
  });
});
