import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { RuleError } from "@/lib/errors";

export interface AuthSettings {
  /** The public address of the app, e.g. https://chainwise.example.gov.uk. */
  baseURL: string;
  /** Signs session cookies. Every instance behind a load balancer must share it. */
  secret: string;
  /** Sends the password-reset email with its single-use link. */
  sendResetPassword: (email: string, url: string) => Promise<void>;
  /**
   * Deletes the person and everything that points at them, in one transaction (lib/services/
   * account-deletion.ts). Without it, accounts cannot be deleted. A RuleError refuses the deletion.
   */
  eraseUser?: (userId: string) => Promise<void>;
}

/** The code the delete-user endpoint answers with when our rules refuse a deletion. */
export const ACCOUNT_NOT_DELETABLE = "ACCOUNT_NOT_DELETABLE";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** A session lasts a week from its last renewal; using the site renews it at most once a day. */
export const SESSION_EXPIRES_IN = 7 * 24 * 60 * 60;
export const SESSION_UPDATE_AGE = 24 * 60 * 60;
/** A password-reset link works once, for this long. */
export const RESET_LINK_MINUTES = 60;

/**
 * The options that decide the session cookie's name and lifetime, shared with the cookies page
 * (lib/privacy/cookies.ts), which asks Better Auth for the real name rather than repeating it.
 */
export function sessionCookieOptions(baseURL: string) {
  return {
    baseURL,
    session: { expiresIn: SESSION_EXPIRES_IN, updateAge: SESSION_UPDATE_AGE },
    advanced: {
      // Over HTTPS the session cookie is Secure and named __Secure-…; never readable by scripts, and
      // not sent on cross-site form posts or sub-requests (SameSite=Lax).
      useSecureCookies: baseURL.startsWith("https://"),
      defaultCookieAttributes: {
        httpOnly: true,
        sameSite: "lax" as const,
        secure: baseURL.startsWith("https://"),
      },
    },
  };
}

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
  // Deleting needs the password: someone holding a stolen session must not be able to guess it.
  "/delete-user": { window: 300, max: 5 },
} as const;

/** The Prisma client, as Better Auth's adapter sees it; lib/services/auth-instance.ts passes the one client. */
type AuthDatabase = Parameters<typeof prismaAdapter>[0];

/** Better Auth on our Prisma client: email and password, database sessions, database rate limits. */
export function createAuth(client: AuthDatabase, settings: AuthSettings) {
  const cookie = sessionCookieOptions(settings.baseURL);
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
      resetPasswordTokenExpiresIn: RESET_LINK_MINUTES * 60,
      sendResetPassword: async ({ user, url }) => settings.sendResetPassword(user.email, url),
    },
    user: {
      deleteUser: {
        enabled: Boolean(settings.eraseUser),
        // Better Auth checks the password, then calls this; our transaction deletes the person, so
        // the deletes Better Auth runs afterwards find nothing left and cannot half-finish the job.
        beforeDelete: async (user) => {
          try {
            await settings.eraseUser?.(user.id);
          } catch (error) {
            if (error instanceof RuleError) {
              throw APIError.from("BAD_REQUEST", { code: ACCOUNT_NOT_DELETABLE, message: error.message });
            }
            throw error;
          }
        },
      },
    },
    session: {
      ...cookie.session,
      // Every request reads the session row: signing out or resetting a password ends it at once.
      cookieCache: { enabled: false },
      additionalFields: { activeOrganisationId: { type: "string", required: false, input: false } },
    },
    rateLimit: { enabled: true, storage: "database", window: 60, max: 100, customRules: { ...RATE_LIMITS } },
    advanced: {
      ...cookie.advanced,
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
