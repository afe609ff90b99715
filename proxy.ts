import { type NextRequest, NextResponse } from "next/server";
import { databaseAvailable } from "@/lib/db/availability";
import { probeDatabase } from "@/lib/db/probe";
import { env } from "@/lib/env";
import { bodyLimitFor, declaresTooLarge, streamedBodyExceeds, tooLargeResponse } from "@/lib/http/body-limit";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "@/lib/security/headers";
import { unavailableResponse } from "@/lib/security/unavailable";

/**
 * Runs before every request (Node.js runtime, in the server's own process): security headers on
 * everything, a fresh CSP nonce for every page, a friendly 503 while the database is unreachable,
 * and a size limit on request bodies before anything reads them. Authorization is not done here:
 * every page and action checks who is asking itself.
 */
export async function proxy(request: NextRequest) {
  const https = env().APP_URL.startsWith("https://");
  const dev = process.env.NODE_ENV === "development";
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { https, dev });
  const path = request.nextUrl.pathname;

  const finish = (response: NextResponse | Response) => {
    for (const [name, value] of Object.entries(staticSecurityHeaders({ https }))) {
      response.headers.set(name, value);
    }
    response.headers.set("Content-Security-Policy", csp);
    return response;
  };

  if (isStaticAsset(path)) return finish(NextResponse.next());

  const limit = bodyLimitFor(path);
  if (declaresTooLarge(request, limit)) return finish(tooLargeResponse());
  // Next.js would refuse a long chunked body to a server action too, but with a 500.
  if (await streamedBodyExceeds(request, limit)) return finish(tooLargeResponse());
  if (isCrossSitePost(request, env().APP_URL)) return finish(crossSiteResponse());

  if (path !== "/api/health" && !(await databaseAvailable(probeDatabase))) {
    return finish(unavailableResponse(request, nonce));
  }

  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  headers.set("x-nonce", nonce);
  return finish(NextResponse.next({ request: { headers } }));
}

const isStaticAsset = (path: string) => path.startsWith("/_next/static/") || path === "/favicon.ico";

/**
 * A form post from another site (CSRF). Next.js refuses such a server action too, but with a 500
 * and a stack in the log; this says 403 first. Requests without an Origin header are left to
 * Next.js: browsers always send one with a POST.
 */
function isCrossSitePost(request: NextRequest, appUrl: string): boolean {
  if (request.method === "GET" || request.method === "HEAD") return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  // As Next.js reads it: the first forwarded host, else Host.
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  return originHost !== host && originHost !== new URL(appUrl).host;
}

function crossSiteResponse(): Response {
  return new Response("Requests from other sites are refused.", {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
