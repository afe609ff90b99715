import { z } from "zod";
import { type DatabaseTarget, DatabaseUrlError, parseDatabaseUrl } from "./db/target";

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
  /** Lets visitors act for the seeded demo organisations without an account. Never real ones. */
  DEMO_MODE: z.enum(["on", "off"], { error: 'DEMO_MODE must be "on" or "off"' }).default("on"),
});

export type Env = Omit<z.infer<typeof schema>, "DATABASE_URL"> & { database: DatabaseTarget };

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
  const { DATABASE_URL, ...rest } = result.data;
  try {
    return { ...rest, database: parseDatabaseUrl(DATABASE_URL) };
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new EnvError(error.message);
    throw error;
  }
}

let cached: Env | undefined;

/** The validated environment of this process, read on first use. */
export function env(): Env {
  cached ??= loadEnv();
  return cached;
}
