/**
 * Requests no browser running our pages would send, refused by proxy.ts before Next.js sees them.
 * Next.js refuses most of them itself, but with a 500 and a stack trace in the log; these answer
 * 403 or 400 instead. None of this replaces the checks inside each action: who is asking, and
 * whether the input is valid, are decided there.
 */

const isRead = (request: Request) => request.method === "GET" || request.method === "HEAD";

export type OriginVerdict =
  /** Let it through as it is. */
  | { refuse: false; origin?: undefined }
  /** Let it through with this Origin, which Next.js's own check of server actions then accepts. */
  | { refuse: false; origin: string }
  | { refuse: true };

/** As Next.js reads it: the first forwarded host, else Host. */
const hostOf = (request: Request) =>
  request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || "";

/**
 * Whether a post comes from our own pages (CSRF), by a rule that does not depend on any page's
 * referrer policy (docs/security.md, "Posts from other sites"):
 *
 * 1. Browsers that send `Sec-Fetch-Site` (every current one) are believed: only `same-origin` passes.
 *    A same-origin post whose Origin is missing, empty or `null` (a `no-referrer` page makes the
 *    browser send `null`) is passed on with our own origin, so Next.js does not refuse it with a 500.
 * 2. Otherwise the Origin decides: it must be the host the request was sent to, or APP_URL's. An
 *    empty or `null` Origin proves nothing, so it is refused.
 * 3. No Origin and no `Sec-Fetch-Site`: not a browser, so the request carries no one's cookies but
 *    its sender's; Next.js lets it through (with a warning in the log), and each action still checks
 *    who is asking.
 */
export function judgeOrigin(request: Request, appUrl: string): OriginVerdict {
  if (isRead(request)) return { refuse: false };
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  const host = hostOf(request);
  const ours = (value: string) => {
    try {
      const { host: originHost } = new URL(value);
      return originHost === host || originHost === new URL(appUrl).host;
    } catch {
      return false;
    }
  };
  if (fetchSite !== null) {
    if (fetchSite !== "same-origin") return { refuse: true };
    if (origin && origin !== "null") return ours(origin) ? { refuse: false } : { refuse: true };
    return host ? { refuse: false, origin: `${new URL(request.url).protocol}//${host}` } : { refuse: true };
  }
  if (origin === null) return { refuse: false };
  return ours(origin) ? { refuse: false } : { refuse: true };
}

const isMultipart = (request: Request) =>
  (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");

function parsesAsJson(value: FormDataEntryValue | null): boolean {
  if (typeof value !== "string") return false;
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * A form post to a page whose body cannot be read, or whose server-action fields (written by React
 * for a form that works without JavaScript) are not what React writes: `$ACTION_<n>:0` a JSON object
 * naming the action, each further `$ACTION_<n>:<k>` JSON.
 */
export async function isMalformedFormPost(request: Request): Promise<boolean> {
  if (request.method !== "POST" || !isMultipart(request) || request.headers.has("next-action")) return false;
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return true;
  }
  for (const key of form.keys()) {
    const reference = /^\$ACTION_REF_(.*)$/.exec(key)?.[1];
    if (reference === undefined) continue;
    const prefix = `$ACTION_${reference}:`;
    let meta: unknown;
    try {
      meta = JSON.parse(String(form.get(`${prefix}0`)));
    } catch {
      return true;
    }
    if (typeof meta !== "object" || meta === null || typeof (meta as { id?: unknown }).id !== "string") {
      return true;
    }
    for (const [name, value] of form.entries()) {
      if (name.startsWith(prefix) && !parsesAsJson(value)) return true;
    }
  }
  return false;
}

/**
 * A server action called from script (the Next-Action header) sends its arguments as a list,
 * encoded by React: as the body, or as field "0" of a multipart body.
 */
export async function isMalformedActionCall(request: Request): Promise<boolean> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  try {
    const root = isMultipart(request)
      ? (await request.clone().formData()).get("0")
      : await request.clone().text();
    return typeof root !== "string" || !Array.isArray(JSON.parse(root));
  } catch {
    return true;
  }
}
