import { createHash, randomBytes } from "node:crypto";

/**
 * The rules of an invitation link, without the database. The token is the only credential and
 * exists only in the emailed link; the database keeps its SHA-256, so a copy of the database opens
 * nothing.
 */

export const INVITATION_DAYS = 14;
const DAY = 86_400_000;

export type InvitationState = "pending" | "expired" | "accepted";

/** 32 random bytes, base64url: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Anything else cannot be a token we issued; not worth a database lookup. */
export const isTokenShaped = (token: string) => TOKEN_PATTERN.test(token);

/** Addresses are stored and compared in lower case: Pat@Example.org is pat@example.org. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();
export const sameEmail = (a: string, b: string) => normaliseEmail(a) === normaliseEmail(b);

/** A link works for INVITATION_DAYS, but never after its cycle closes. */
export function expiryFor(now: Date, cycleClosesAt: Date): Date {
  return new Date(Math.min(now.getTime() + INVITATION_DAYS * DAY, cycleClosesAt.getTime()));
}

export function stateOf(row: { acceptedAt: Date | null; expiresAt: Date }, now: Date): InvitationState {
  if (row.acceptedAt) return "accepted";
  return row.expiresAt <= now ? "expired" : "pending";
}
