import "server-only";
import { privacyNoticeUrl, sendEmail } from "@/lib/email/send";
import { passwordResetEmail } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { RESET_LINK_MINUTES } from "./auth";

/** The public address links in emails point at. */
export function appUrl(): string {
  return env().APP_URL;
}

/** Better Auth calls this with the single-use reset link. */
export async function sendPasswordReset(email: string, url: string): Promise<void> {
  await sendEmail({
    to: email,
    ...passwordResetEmail({ url, expiresInMinutes: RESET_LINK_MINUTES, privacyUrl: privacyNoticeUrl() }),
  });
}
