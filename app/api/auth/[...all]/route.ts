import { getAuth } from "@/lib/auth/instance";
import { BODY_LIMITS, withLimitedBody } from "@/lib/http/body-limit";

/**
 * Better Auth's own endpoints, for links in emails (the password-reset link lands here and is sent
 * on to /reset-password) and for clients that speak JSON. The app's forms use server actions.
 */
export async function GET(request: Request) {
  return getAuth().handler(request);
}

export async function POST(request: Request) {
  const limited = await withLimitedBody(request, BODY_LIMITS.api);
  if (limited instanceof Response) return limited;
  return getAuth().handler(limited);
}
