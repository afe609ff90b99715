/** How long a security.txt is good for: RFC 9116 asks for less than a year. */
export const SECURITY_TXT_DAYS = 180;

/**
 * /.well-known/security.txt (RFC 9116): who to tell about a security problem, from SECURITY_CONTACT.
 * Made per request, so Expires always lies SECURITY_TXT_DAYS ahead, counted from the start of today
 * (UTC) so that every instance answers the same all day.
 */
export function securityTxt({
  contact,
  appUrl,
  now,
}: {
  contact: string;
  appUrl: string;
  now: Date;
}): string {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const expires = new Date(today + SECURITY_TXT_DAYS * 86_400_000);
  return [
    "# How to tell the people running this Chainwise service about a security problem.",
    `Contact: ${contact.startsWith("https://") ? contact : `mailto:${contact}`}`,
    `Expires: ${expires.toISOString()}`,
    "Preferred-Languages: en",
    `Canonical: ${new URL("/.well-known/security.txt", appUrl).href}`,
    "",
  ].join("\n");
}
