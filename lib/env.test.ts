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

describe("loadEnv: email", () => {
  const smtp = { EMAIL_TRANSPORT: "smtp", APP_URL: "https://chainwise.example.org" };

  function problemWith(source: Record<string, string>): string {
    try {
      loadEnv(source);
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      return (error as Error).message;
    }
    throw new Error("loadEnv accepted the environment");
  }

  it("keeps email in the outbox, from a no-reply address, with links to localhost, by default", () => {
    const env = loadEnv({ NODE_ENV: "production" });
    expect(env.EMAIL_TRANSPORT).toBe("outbox");
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.EMAIL_FROM).toBe("Chainwise <no-reply@chainwise.invalid>");
    expect(env.APP_URL).toBe("http://localhost:3000");
  });

  it("sends over SMTP when asked, with the URL, sender and public address given", () => {
    const env = loadEnv({
      ...smtp,
      SMTP_URL: "smtps://mailer:s3cret@smtp.example.org:465",
      EMAIL_FROM: "Chainwise <hello@chainwise.example.org>",
    });
    expect(env).toMatchObject({
      EMAIL_TRANSPORT: "smtp",
      SMTP_URL: "smtps://mailer:s3cret@smtp.example.org:465",
      EMAIL_FROM: "Chainwise <hello@chainwise.example.org>",
      APP_URL: "https://chainwise.example.org",
    });
  });

  it("refuses a transport it does not know", () => {
    expect(problemWith({ EMAIL_TRANSPORT: "sendmail" })).toContain(
      'EMAIL_TRANSPORT must be "outbox" or "smtp"',
    );
  });

  it("needs SMTP_URL for SMTP", () => {
    const message = problemWith(smtp);
    expect(message).toContain('SMTP_URL must be set when EMAIL_TRANSPORT is "smtp"');
    expect(message).toContain("smtp://user:password@smtp.example.org:587");
  });

  it.each([
    ["http://mailer:hunter2@smtp.example.org", "must start with smtp:// or smtps://"],
    ["smtp://mailer:hunter2@", "is not a valid URL"],
    ["mailer:hunter2 at smtp.example.org", "must start with smtp:// or smtps://"],
    ["hunter2", "is not a valid URL"],
  ])("refuses SMTP_URL=%s without showing the password", (url, problem) => {
    const message = problemWith({ ...smtp, SMTP_URL: url });
    expect(message).toContain(`SMTP_URL ${problem}`);
    expect(message).not.toContain("hunter2");
  });

  it("keeps the password out of the error itself, not just its message", () => {
    let error: unknown;
    try {
      loadEnv({ SMTP_URL: "ftp://mailer:hunter2@smtp.example.org" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain("hunter2");
  });

  it("needs a public APP_URL for SMTP, so links in emails do not point at localhost", () => {
    expect(problemWith({ EMAIL_TRANSPORT: "smtp", SMTP_URL: "smtp://smtp.example.org" })).toContain(
      'APP_URL must be set when EMAIL_TRANSPORT is "smtp"',
    );
  });

  it("refuses the outbox on a site with a public address, demo or not: reset links would be readable", () => {
    const sources: Record<string, string>[] = [
      { APP_URL: "https://chainwise.example.org" },
      { APP_URL: "https://chainwise.example.org", EMAIL_TRANSPORT: "outbox" },
      { APP_URL: "https://chainwise.example.org", EMAIL_TRANSPORT: "outbox", DEMO_MODE: "off" },
      { APP_URL: "http://10.0.0.5:3000", EMAIL_TRANSPORT: "outbox", DEMO_MODE: "on" },
    ];
    for (const source of sources) {
      expect(problemWith(source)).toContain(
        'EMAIL_TRANSPORT must be "smtp" (with SMTP_URL) when APP_URL is a public address',
      );
    }
    expect(loadEnv({ APP_URL: "http://127.0.0.1:3100" }).EMAIL_TRANSPORT).toBe("outbox");
    expect(loadEnv({ APP_URL: "http://chainwise.localhost" }).EMAIL_TRANSPORT).toBe("outbox");
  });

  it("points links at the port actually served when APP_URL is unset", () => {
    expect(loadEnv({ PORT: "4123" }).APP_URL).toBe("http://localhost:4123");
    expect(loadEnv({ PORT: "4123", APP_URL: "http://127.0.0.1:9" }).APP_URL).toBe("http://127.0.0.1:9");
    expect(problemWith({ PORT: "web" })).toContain("PORT must be a whole number");
  });

  it("shows the outbox page with the demo, and without it only when asked (local addresses only)", () => {
    expect(loadEnv({}).DEV_OUTBOX).toBe(true);
    expect(loadEnv({ DEMO_MODE: "off" }).DEV_OUTBOX).toBe(false);
    expect(loadEnv({ DEMO_MODE: "off", DEV_OUTBOX: "on" }).DEV_OUTBOX).toBe(true);
    expect(loadEnv({ DEMO_MODE: "on", DEV_OUTBOX: "off" }).DEV_OUTBOX).toBe(false);
    expect(loadEnv({ ...smtp, SMTP_URL: "smtp://smtp.example.org", DEMO_MODE: "on" }).DEV_OUTBOX).toBe(false);
    expect(problemWith({ ...smtp, SMTP_URL: "smtp://smtp.example.org", DEV_OUTBOX: "on" })).toContain(
      'DEV_OUTBOX can only be "on" while EMAIL_TRANSPORT is "outbox"',
    );
    expect(problemWith({ DEV_OUTBOX: "yes" })).toContain('DEV_OUTBOX must be "on" or "off"');
  });

  it.each([
    ["https://chainwise.example.org/", "https://chainwise.example.org"],
    ["http://localhost:3100", "http://localhost:3100"],
    ["https://example.org/chainwise//", "https://example.org/chainwise"],
  ])("reads APP_URL=%s as %s", (url, expected) => {
    const transport = url.includes("localhost")
      ? { EMAIL_TRANSPORT: "outbox" }
      : { EMAIL_TRANSPORT: "smtp", SMTP_URL: "smtp://smtp.example.org" };
    expect(loadEnv({ APP_URL: url, ...transport }).APP_URL).toBe(expected);
  });

  it.each(["chainwise.example.org", "ftp://chainwise.example.org", "javascript:alert(1)", ""])(
    "refuses APP_URL=%j",
    (url) => {
      expect(problemWith({ APP_URL: url })).toContain("APP_URL must be an http:// or https:// address");
    },
  );

  it.each(["no-reply@example.org", "Chainwise <no-reply@example.org>", '"Chainwise, NCVO" <a@b.example>'])(
    "accepts EMAIL_FROM=%s",
    (from) => {
      expect(loadEnv({ EMAIL_FROM: from }).EMAIL_FROM).toBe(from);
    },
  );

  it.each(["Chainwise", "Chainwise <no-reply>", "<>"])("refuses EMAIL_FROM=%s", (from) => {
    expect(problemWith({ EMAIL_FROM: from })).toContain("EMAIL_FROM must be an email address");
  });
});

describe("loadEnv: privacy", () => {
  it("names a demo controller and contact, and keeps untouched drafts for 12 months, by default", () => {
    const env = loadEnv({});
    expect(env.PRIVACY_CONTROLLER).toBe("The team running this Chainwise demonstration");
    expect(env.PRIVACY_CONTACT).toBe("privacy@chainwise.invalid");
    expect(env.DRAFT_RETENTION_MONTHS).toBe(12);
  });

  it("reads the controller, the contact and the retention period", () => {
    const env = loadEnv({
      PRIVACY_CONTROLLER: " Northmoor County Council ",
      PRIVACY_CONTACT: "dpo@northmoor.example",
      DRAFT_RETENTION_MONTHS: "6",
    });
    expect(env).toMatchObject({
      PRIVACY_CONTROLLER: "Northmoor County Council",
      PRIVACY_CONTACT: "dpo@northmoor.example",
      DRAFT_RETENTION_MONTHS: 6,
    });
  });

  it.each([
    [{ PRIVACY_CONTACT: "the DPO" }, "PRIVACY_CONTACT must be an email address"],
    [{ PRIVACY_CONTROLLER: "  " }, "PRIVACY_CONTROLLER must name the organisation"],
    [{ DRAFT_RETENTION_MONTHS: "a year" }, "DRAFT_RETENTION_MONTHS must be a whole number of months"],
    [{ DRAFT_RETENTION_MONTHS: "1.5" }, "DRAFT_RETENTION_MONTHS must be a whole number of months"],
    [{ DRAFT_RETENTION_MONTHS: "0" }, "DRAFT_RETENTION_MONTHS must be at least 1"],
  ])("refuses %j", (source, problem) => {
    expect(() => loadEnv(source)).toThrow(problem);
  });
});

describe("loadEnv: security contact", () => {
  it("names a placeholder by default, and reads an address or an https page", () => {
    expect(loadEnv({}).SECURITY_CONTACT).toBe("security@chainwise.invalid");
    expect(loadEnv({ SECURITY_CONTACT: " security@northmoor.example " }).SECURITY_CONTACT).toBe(
      "security@northmoor.example",
    );
    expect(loadEnv({ SECURITY_CONTACT: "https://northmoor.example/report" }).SECURITY_CONTACT).toBe(
      "https://northmoor.example/report",
    );
  });

  it.each(["the security team", "http://northmoor.example/report", "javascript:alert(1)"])(
    "refuses %j",
    (value) => {
      expect(() => loadEnv({ SECURITY_CONTACT: value })).toThrow(
        "SECURITY_CONTACT must be an email address or an https:// address",
      );
    },
  );
});
