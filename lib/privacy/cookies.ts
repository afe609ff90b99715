import { getCookies } from "better-auth/cookies";
import { sessionCookieOptions } from "@/lib/auth/auth";
import { DEMO_ORG_COOKIE } from "@/lib/auth/demo-cookie";

export interface CookieFact {
  name: string;
  purpose: string;
  lifetime: string;
  /** When the cookie is set at all. */
  setWhen: string;
}

const DAY = 86_400;

/**
 * Every cookie Chainwise sets, all essential. The session cookie's name and lifetime come from
 * Better Auth itself, given the same options the app uses, so this list cannot drift from what the
 * browser receives. Better Auth's other cookies are not listed because they are never set here:
 * the session cache is switched off and sign-in always "remembers" the person.
 */
export function essentialCookies({ appUrl, demoMode }: { appUrl: string; demoMode: boolean }): CookieFact[] {
  const { sessionToken } = getCookies(sessionCookieOptions(appUrl));
  const days = Math.round((sessionToken.attributes.maxAge ?? 0) / DAY);
  const cookies: CookieFact[] = [
    {
      name: sessionToken.name,
      purpose:
        "Keeps you signed in. It holds a random, signed reference to your session and nothing about you. " +
        "Scripts on the page cannot read it.",
      lifetime: `${days} days from when you last used Chainwise, or until you sign out.`,
      setWhen: "When you sign in or create an account.",
    },
  ];
  if (demoMode) {
    cookies.push({
      name: DEMO_ORG_COOKIE,
      purpose:
        "Remembers which invented demo organisation you chose to act for, so the demo works without an account.",
      lifetime: "Until you close your browser, or sign in.",
      setWhen: "When you choose an organisation on the demo page.",
    });
  }
  return cookies;
}
