/**
 * Request body limits. The OCDS import's pages: up to 51 MB (an upload is at most 50 MB, lib/ocds;
 * the same figure is next.config.js's serverActions.bodySizeLimit and proxyClientMaxBodySize).
 * Other server actions: 6 MB (evidence files and CSVs are smaller). The JSON API takes small
 * bodies. proxy.ts refuses a larger declared Content-Length before anything reads the body; route
 * handlers also count the bytes they actually read (a body can be sent without a length).
 */
export const BODY_LIMITS = { imports: 51 * 1024 * 1024, actions: 6 * 1024 * 1024, api: 64 * 1024 } as const;

export const TOO_LARGE_MESSAGE = "The request is too large.";

/**
 * What a too-large request gets. A form posted without JavaScript (no Next-Action header, not the
 * JSON API) is sent back to its page with `?too-large`, where the form says what the limit is next
 * to its field: a bare 413 would leave the person on a plain-text page. Anything else gets 413.
 */
export function tooLargeFor(request: Request, appUrl: string): Response {
  const url = new URL(request.url);
  const formPost =
    request.method === "POST" && !url.pathname.startsWith("/api/") && !request.headers.has("next-action");
  if (!formPost) return tooLargeResponse();
  return new Response(null, {
    status: 303,
    headers: { Location: new URL(`${url.pathname}?too-large`, appUrl).toString(), Connection: "close" },
  });
}

export function tooLargeResponse(): Response {
  return new Response(TOO_LARGE_MESSAGE, {
    status: 413,
    headers: { "Content-Type": "text/plain; charset=utf-8", Connection: "close" },
  });
}

/**
 * The limit for a path: the JSON API's; the import's, on the upload page and each run's page (whose
 * form uploads again); or the server actions' for everything else.
 */
export function bodyLimitFor(pathname: string): number {
  if (pathname.startsWith("/api/")) return BODY_LIMITS.api;
  if (pathname === "/contracts/import" || pathname.startsWith("/contracts/import/"))
    return BODY_LIMITS.imports;
  return BODY_LIMITS.actions;
}

/** True when the request declares a body longer than `limit` bytes. */
export function declaresTooLarge(request: Request, limit: number): boolean {
  const declared = Number(request.headers.get("content-length") ?? 0);
  return declared > limit;
}

/**
 * True when a body sent without a declared length (chunked) turns out longer than `limit` bytes.
 * In proxy.ts the body is a buffered copy, so reading it here leaves it whole for the handler.
 */
export async function streamedBodyExceeds(request: Request, limit: number): Promise<boolean> {
  if (request.method === "GET" || request.method === "HEAD" || !request.body) return false;
  if (request.headers.has("content-length")) return false;
  const reader = request.body.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return true;
    }
  }
}

/**
 * The request with its body read in full, or a 413 response once more than `limit` bytes arrive.
 * GET and HEAD requests pass through untouched.
 */
export async function withLimitedBody(request: Request, limit: number): Promise<Request | Response> {
  if (request.method === "GET" || request.method === "HEAD" || !request.body) return request;
  if (declaresTooLarge(request, limit)) return tooLargeResponse();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return tooLargeResponse();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body });
}
