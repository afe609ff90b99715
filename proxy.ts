import { type NextRequest, NextResponse } from "next/server";
import { databaseAvailable } from "@/lib/db/availability";
import { probeDatabase } from "@/lib/db/probe";
import { env } from "@/lib/env";
import { bodyLimitFor, declaresTooLarge, streamedBodyExceeds, tooLargeFor } from "@/lib/http/body-limit";
import { isMalformedActionCall, isMalformedFormPost, judgeOrigin } from "@/lib/http/request-checks";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "@/lib/security/headers";
import { crossSiteResponse, unavailableResponse } from "@/lib/security/unavailable";

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
  if (declaresTooLarge(request, limit)) return finish(tooLargeFor(request, env().APP_URL));
  // Next.js would refuse a long chunked body to a server action too, but with a 500.
  if (await streamedBodyExceeds(request, limit)) return finish(tooLargeFor(request, env().APP_URL));
  const origin = judgeOrigin(request, env().APP_URL);
  if (origin.refuse) return finish(crossSiteResponse(request, nonce));
  if ((await isMalformedFormPost(request)) || (await isMalformedActionCall(request))) {
    return finish(refused(400, "The form could not be read."));
  }

  if (!answeredWithoutDatabase(path) && !(await databaseAvailable(probeDatabase))) {
    return finish(unavailableResponse(request, nonce));
  }

  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  const headers = new Headers(request.headers);
  if (origin.origin) headers.set("origin", origin.origin);
  headers.set("Content-Security-Policy", csp);
  headers.set("x-nonce", nonce);
  return finish(NextResponse.next({ request: { headers } }));
}

const isStaticAsset = (path: string) =>
  path.startsWith("/_next/static/") || path === "/favicon.ico" || path === "/icon.svg";

/**
 * Served whatever the database's state: the health check reports it, and robots.txt (public/) and
 * security.txt (from the configuration) never read it. Someone reporting a problem during an outage
 * still finds whom to tell.
 */
const WITHOUT_DATABASE = new Set(["/api/health", "/robots.txt", "/.well-known/security.txt"]);
const answeredWithoutDatabase = (path: string) => WITHOUT_DATABASE.has(path);

const refused = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
