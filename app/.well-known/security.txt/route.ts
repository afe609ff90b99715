import { env } from "@/lib/env";
import { securityTxt } from "@/lib/security/security-txt";

// Read at request time, so the contact is the running configuration's, never the build machine's.
export const dynamic = "force-dynamic";

/** Never touches the database: proxy.ts serves it while the database is down too. */
export function GET(): Response {
  const { SECURITY_CONTACT, APP_URL } = env();
  return new Response(securityTxt({ contact: SECURITY_CONTACT, appUrl: APP_URL, now: new Date() }), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
