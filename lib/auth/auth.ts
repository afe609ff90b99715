import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface AuthSettings {
  /** The public address of the app, e.g. https://chainwise.example.gov.uk. */
  baseURL: string;
  /** Signs session cookies. Every instance behind a load balancer must share it. */
  secret: string;
  /** Sends the password-reset email with its single-use link. */
  sendResetPassword: (email: string, url: string) => Promise<void>;
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * Sign-in limits, per client address and path, kept in the database (RateLimit) so they hold across
 * every app instance. Better Auth applies them only to requests through its handler, which is why
 * our server actions call the handler rather than `auth.api` (see lib/auth/endpoint.ts).
 */
export const RATE_LIMITS = {
  "/sign-in/email": { window: 60, max: 5 },
  "/sign-up/email": { window: 60, max: 5 },
  "/request-password-reset": { window: 300, max: 3 },
  "/reset-password": { window: 300, max: 5 },
} as const;

/** Better Auth on our Prisma client: email and password, database sessions, database rate limits. */
export function createAuth(client: PrismaClient, settings: AuthSettings) {
  return betterAuth({
    appName: "Chainwise",
    baseURL: settings.baseURL,
    secret: settings.secret,
    database: prismaAdapter(client, { provider: "postgresql", transaction: true }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }) => settings.sendResetPassword(user.email, url),
    },
    session: {
      // Every request reads the session row: signing out or resetting a password ends it at once.
      cookieCache: { enabled: false },
      additionalFields: { activeOrganisationId: { type: "string", required: false, input: false } },
    },
    rateLimit: { enabled: true, storage: "database", window: 60, max: 100, customRules: { ...RATE_LIMITS } },
    advanced: {
      // Over HTTPS the session cookie is Secure and named __Secure-…; never readable by scripts, and
      // not sent on cross-site form posts or sub-requests (SameSite=Lax).
      useSecureCookies: settings.baseURL.startsWith("https://"),
      defaultCookieAttributes: {
        httpOnly: true,
        sameSite: "lax",
        secure: settings.baseURL.startsWith("https://"),
      },
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
