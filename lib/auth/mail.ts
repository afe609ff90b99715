import "server-only";
import { welcomeEmail } from "@/lib/email/membership-templates";
import { privacyNoticeUrl, sendEmail } from "@/lib/email/send";
import { passwordResetEmail } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { newestAdministeredOrganisation } from "@/lib/services/memberships";
import { RESET_LINK_MINUTES } from "./auth";

/**
 * Where a new administrator's welcome link lands. The link itself is Better Auth's password-reset
 * link (single use, expiring); asking for it with this page as the destination is what makes the
 * email a welcome instead of a reset.
 */
export const WELCOME_PATH = "/reset-password?welcome=1";

/** The public address links in emails point at. */
export function appUrl(): string {
  return env().APP_URL;
}

function isWelcome(url: string): boolean {
  try {
    return new URL(url).searchParams.get("callbackURL") === WELCOME_PATH;
  } catch {
    return false;
  }
}

/** Better Auth calls this with the single-use reset link. */
export async function sendPasswordReset(email: string, url: string): Promise<void> {
  const organisation = isWelcome(url) ? await newestAdministeredOrganisation(email) : null;
  await sendEmail({
    to: email,
    ...(organisation
      ? welcomeEmail({
          organisationName: organisation,
          url,
          expiresInMinutes: RESET_LINK_MINUTES,
          forgotPasswordUrl: `${appUrl()}/forgot-password`,
          privacyUrl: privacyNoticeUrl(),
        })
      : passwordResetEmail({ url, expiresInMinutes: RESET_LINK_MINUTES, privacyUrl: privacyNoticeUrl() })),
  });
}
