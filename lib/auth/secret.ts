import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

const SECRET_FILE = path.resolve(".data/auth-secret");

/**
 * The secret that signs session cookies: AUTH_SECRET when set (required for several instances,
 * which must share it), otherwise a random one made on first start and kept in .data/ (git-ignored),
 * so a newcomer's `npm start` needs no configuration and no two installs share a secret.
 */
export function authSecret(): string {
  const configured = env().AUTH_SECRET;
  if (configured) return configured;
  if (existsSync(SECRET_FILE)) return readFileSync(SECRET_FILE, "utf8").trim();
  mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(SECRET_FILE, secret, { mode: 0o600, flag: "wx" });
  return secret;
}
