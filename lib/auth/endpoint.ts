import "server-only";
import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { cookies, headers } from "next/headers";
import type { Auth } from "@/lib/auth/auth";
import { getAuth } from "@/lib/services/auth-instance";

export type AuthPath =
  | "/sign-in/email"
  | "/sign-up/email"
  | "/sign-out"
  | "/request-password-reset"
  | "/reset-password"
  | "/delete-user";

export type AuthResult =
  | { ok: true; data: unknown }
  | { ok: false; status: number; code: string | null; message: string | null };

/**
 * Calls a Better Auth endpoint from a server action as if the browser had: through its HTTP
 * handler, so the database-backed rate limits apply (direct `auth.api` calls skip them), with the
 * person's cookies and address, and copies any cookies it sets onto our response.
 */
export async function callAuth(path: AuthPath, body: Record<string, unknown>): Promise<AuthResult> {
  const auth = getAuth();
  const incoming = await headers();
  const base = auth.options.baseURL ?? "http://localhost:3000";
  const response = await answerOf(
    auth,
    new Request(`${base}/api/auth${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: new URL(base).origin,
        "x-forwarded-for": clientAddress(incoming),
        cookie: incoming.get("cookie") ?? "",
        "user-agent": incoming.get("user-agent") ?? "",
      },
      body: JSON.stringify(body),
    }),
  );
  const jar = await cookies();
  for (const [name, attributes] of parseSetCookieHeader(response.headers.get("set-cookie") ?? "")) {
    jar.set(name, attributes.value, toCookieOptions(attributes));
  }
  const data: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data };
  const error = (data ?? {}) as { code?: unknown; message?: unknown };
  return {
    ok: false,
    status: response.status,
    code: typeof error.code === "string" ? error.code : null,
    message: typeof error.message === "string" ? error.message : null,
  };
}

/**
 * Better Auth's response to a request. Its handler throws instead of answering 500 when the database
 * fails in its rate limiter, before any endpoint runs: that too is a failure on our side, so it
 * becomes a 503 here, and the sign-in form says so (signInFailure) rather than crashing into the
 * error page. Better Auth's own 500s are already answers.
 */
export async function answerOf(auth: Auth, request: Request): Promise<Response> {
  try {
    return await auth.handler(request);
  } catch (error) {
    console.error("Better Auth could not answer:", error);
    return new Response(null, { status: 503 });
  }
}

/**
 * The client's address for rate limiting: the first address a load balancer recorded, else the
 * direct peer as Next.js reports it. Behind no proxy a client could forge this header; see
 * docs/deploy notes — production runs behind a load balancer that overwrites it.
 */
function clientAddress(incoming: Headers): string {
  const forwarded = incoming.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || incoming.get("x-real-ip") || "127.0.0.1";
}
