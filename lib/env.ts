import { z } from "zod";
import { type DatabaseTarget, DatabaseUrlError, parseDatabaseUrl } from "./db/target";

export const DEFAULT_PORT = 3000;
/** Where links in emails point when APP_URL is unset: this machine, on the port actually served. */
export const defaultAppUrl = (port: number) => `http://localhost:${port}`;
export const DEFAULT_EMAIL_FROM = "Chainwise <no-reply@chainwise.invalid>";
export const DEFAULT_PRIVACY_CONTROLLER = "The team running this Chainwise demonstration";
export const DEFAULT_PRIVACY_CONTACT = "privacy@chainwise.invalid";
export const DEFAULT_SECURITY_CONTACT = "security@chainwise.invalid";

const SMTP_URL_EXAMPLE = "Use smtp://user:password@smtp.example.org:587, or smtps://… for port 465.";

/**
 * Every environment variable Chainwise reads, checked once. Nothing else reads process.env for
 * configuration. README.md lists the same variables; keep the two in step.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: "DATABASE_POOL_SIZE must be a whole number" })
    .int("DATABASE_POOL_SIZE must be a whole number")
    .min(1, "DATABASE_POOL_SIZE must be at least 1")
    .max(200, "DATABASE_POOL_SIZE must be at most 200")
    .default(10),
  SEED_DEMO_DATA: z
    .enum(["auto", "never"], { error: 'SEED_DEMO_DATA must be "auto" or "never"' })
    .default("auto"),
  /** Signs session cookies; every instance must share it. Unset: a random secret kept in .data/. */
  AUTH_SECRET: z
    .string()
    .min(32, "AUTH_SECRET must be at least 32 characters: generate one with `openssl rand -base64 32`")
    .optional(),
  /** The port `npm start` serves on; read by Next.js, and here for APP_URL's default. */
  PORT: z.coerce
    .number({ error: "PORT must be a whole number" })
    .int("PORT must be a whole number")
    .min(1, "PORT must be between 1 and 65535")
    .max(65535, "PORT must be between 1 and 65535")
    .default(DEFAULT_PORT),
  /**
   * Whether this process works the background queue (OCDS imports, the daily reminders, purge and
   * releases; docs/decisions/0017). "off" for an instance that should only serve pages; at least
   * one instance must have it on.
   */
  JOBS: z.enum(["on", "off"], { error: 'JOBS must be "on" or "off"' }).default("on"),
  /**
   * Lets visitors act for the seeded demo organisations without an account, and writes the demo
   * data. "off" is the product: no demo anywhere.
   */
  DEMO_MODE: z.enum(["on", "off"], { error: 'DEMO_MODE must be "on" or "off"' }).default("on"),
  /**
   * The page /dev/outbox, which shows every email kept in the outbox to anyone who can reach the
   * site. Unset: on with the demo, off without it.
   */
  DEV_OUTBOX: z.enum(["on", "off"], { error: 'DEV_OUTBOX must be "on" or "off"' }).optional(),
  /**
   * "outbox" keeps every email in the database, readable by anyone at /dev/outbox; "smtp" sends it.
   * Not tied to NODE_ENV: `next start` runs as production on laptops and in the browser tests too.
   */
  EMAIL_TRANSPORT: z
    .enum(["outbox", "smtp"], { error: 'EMAIL_TRANSPORT must be "outbox" or "smtp"' })
    .optional(),
  /** Never echoed in messages: it holds the SMTP password. */
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .check((ctx) => {
      const problem = ctx.value ? smtpUrlProblem(ctx.value) : null;
      if (problem) ctx.issues.push({ code: "custom", input: "(hidden)", message: problem });
    }),
  EMAIL_FROM: z
    .string()
    .trim()
    .refine(isFromAddress, 'EMAIL_FROM must be an email address, like "Chainwise <no-reply@example.org>"')
    .default(DEFAULT_EMAIL_FROM),
  /** The public address of the app, for links in emails. Trailing slashes are dropped. */
  APP_URL: z
    .string()
    .trim()
    .refine(
      isWebAddress,
      "APP_URL must be an http:// or https:// address, like https://chainwise.example.org",
    )
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
  /** Who is responsible for the personal data (the data controller), named on /privacy. */
  PRIVACY_CONTROLLER: z
    .string()
    .trim()
    .min(1, "PRIVACY_CONTROLLER must name the organisation responsible for the data, if set")
    .max(200, "PRIVACY_CONTROLLER must be 200 characters or fewer")
    .default(DEFAULT_PRIVACY_CONTROLLER),
  /** Where people write about their data: an email address shown on /privacy. */
  PRIVACY_CONTACT: z
    .string()
    .trim()
    .pipe(z.email('PRIVACY_CONTACT must be an email address, like "privacy@example.org"'))
    .default(DEFAULT_PRIVACY_CONTACT),
  /** Where to report a security problem: an email address or an https:// page, in /.well-known/security.txt. */
  SECURITY_CONTACT: z
    .string()
    .trim()
    .pipe(
      z.union([z.email(), z.url({ protocol: /^https$/ })], {
        error:
          'SECURITY_CONTACT must be an email address or an https:// address, like "security@example.org"',
      }),
    )
    .default(DEFAULT_SECURITY_CONTACT),
  /** Drafts nobody has touched for this many months are deleted by `npm run privacy:purge`. */
  DRAFT_RETENTION_MONTHS: z.coerce
    .number({ error: "DRAFT_RETENTION_MONTHS must be a whole number of months" })
    .int("DRAFT_RETENTION_MONTHS must be a whole number of months")
    .min(1, "DRAFT_RETENTION_MONTHS must be at least 1")
    .max(120, "DRAFT_RETENTION_MONTHS must be at most 120 (ten years)")
    .default(12),
});

type Parsed = z.infer<typeof schema>;

export type Env = Omit<Parsed, "DATABASE_URL" | "EMAIL_TRANSPORT" | "APP_URL" | "DEV_OUTBOX"> & {
  database: DatabaseTarget;
  EMAIL_TRANSPORT: "outbox" | "smtp";
  APP_URL: string;
  /** Whether /dev/outbox shows the outbox (DEV_OUTBOX, resolved). */
  DEV_OUTBOX: boolean;
};

export class EnvError extends Error {
  constructor(message: string) {
    super(`Chainwise cannot start: the environment is not right.\n${message}`);
    this.name = "EnvError";
  }
}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `  ${issue.message}`).join("\n"));
  }
  const email = emailProblem(result.data);
  if (email) throw new EnvError(`  ${email}`);
  const { DATABASE_URL, EMAIL_TRANSPORT = "outbox", DEV_OUTBOX, ...rest } = result.data;
  const APP_URL = result.data.APP_URL ?? defaultAppUrl(result.data.PORT);
  const outboxPage = (DEV_OUTBOX ?? rest.DEMO_MODE) === "on";
  try {
    return {
      ...rest,
      EMAIL_TRANSPORT,
      APP_URL,
      DEV_OUTBOX: outboxPage && EMAIL_TRANSPORT === "outbox",
      database: parseDatabaseUrl(DATABASE_URL),
    };
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new EnvError(error.message);
    throw error;
  }
}

/**
 * Email must not leave by accident, nor stay where visitors can read it: the outbox holds
 * password-reset links, so whoever reads it can take over any account. A site with a public address
 * therefore sends email over SMTP, and the outbox page exists only on this machine's own addresses.
 */
function emailProblem({ EMAIL_TRANSPORT, SMTP_URL, APP_URL, PORT, DEV_OUTBOX }: Parsed): string | null {
  if (EMAIL_TRANSPORT === "smtp" && !SMTP_URL) {
    return `SMTP_URL must be set when EMAIL_TRANSPORT is "smtp". ${SMTP_URL_EXAMPLE}`;
  }
  if (EMAIL_TRANSPORT === "smtp" && !APP_URL) {
    return `APP_URL must be set when EMAIL_TRANSPORT is "smtp": links in emails would point at ${defaultAppUrl(PORT)}.`;
  }
  if (EMAIL_TRANSPORT !== "smtp" && APP_URL && !isLocal(APP_URL)) {
    return (
      'EMAIL_TRANSPORT must be "smtp" (with SMTP_URL) when APP_URL is a public address: the outbox keeps ' +
      "password-reset links where they could be read, and email kept there never reaches anyone."
    );
  }
  if (DEV_OUTBOX === "on" && EMAIL_TRANSPORT === "smtp") {
    return 'DEV_OUTBOX can only be "on" while EMAIL_TRANSPORT is "outbox": there is no outbox when email is sent.';
  }
  return null;
}

function smtpUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `SMTP_URL is not a valid URL. ${SMTP_URL_EXAMPLE}`;
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    return `SMTP_URL must start with smtp:// or smtps://. ${SMTP_URL_EXAMPLE}`;
  }
  if (!url.hostname) return `SMTP_URL has no host name. ${SMTP_URL_EXAMPLE}`;
  return null;
}

function isFromAddress(value: string): boolean {
  const address = /^[^<>]*<([^<>\s]+)>$/.exec(value)?.[1] ?? value;
  return z.email().safeParse(address).success;
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

function isLocal(appUrl: string): boolean {
  const host = new URL(appUrl).hostname;
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127\./.test(host);
}

let cached: Env | undefined;

/** The validated environment of this process, read on first use. */
export function env(): Env {
  cached ??= loadEnv();
  return cached;
}
