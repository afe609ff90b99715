import { BODY_LIMITS, withLimitedBody } from "@/lib/http/body-limit";
import { getAuth } from "@/lib/services/auth-instance";

/**
 * Better Auth's own endpoints, for links in emails (the password-reset link lands here and is sent
 * on to /reset-password) and for clients that speak JSON. The app's forms use server actions, which
 * call the handler directly. Only the endpoints the product uses are served over HTTP: the rest of
 * Better Auth's (changing a user, listing and revoking sessions, linking accounts…) answer 404, so
 * they are not an attack surface nobody tests.
 */
const SERVED = {
  GET: [/^\/reset-password\/[^/]+$/, /^\/get-session$/, /^\/ok$/, /^\/error$/],
  POST: [
    /^\/sign-in\/email$/,
    /^\/sign-up\/email$/,
    /^\/sign-out$/,
    /^\/request-password-reset$/,
    /^\/reset-password$/,
  ],
};

function served(request: Request, method: keyof typeof SERVED): boolean {
  const path = new URL(request.url).pathname.replace(/^\/api\/auth/, "");
  return SERVED[method].some((pattern) => pattern.test(path));
}

const notFound = () => Response.json({ message: "Not found" }, { status: 404 });

export async function GET(request: Request) {
  if (!served(request, "GET")) return notFound();
  return getAuth().handler(request);
}

export async function POST(request: Request) {
  if (!served(request, "POST")) return notFound();
  const limited = await withLimitedBody(request, BODY_LIMITS.api);
  if (limited instanceof Response) return limited;
  return getAuth().handler(limited);
}
