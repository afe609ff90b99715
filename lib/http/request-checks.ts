/**
 * Requests no browser running our pages would send, refused by proxy.ts before Next.js sees them.
 * Next.js refuses most of them itself, but with a 500 and a stack trace in the log; these answer
 * 403 or 400 instead. None of this replaces the checks inside each action: who is asking, and
 * whether the input is valid, are decided there.
 */

const isRead = (request: Request) => request.method === "GET" || request.method === "HEAD";

/**
 * A post from another site (CSRF). Requests without an Origin header are left to Next.js, which lets
 * them through with a warning: browsers always send one with a POST, so such a request carries no
 * one's cookies but its sender's.
 */
export function isCrossSitePost(request: Request, appUrl: string): boolean {
  if (isRead(request)) return false;
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
