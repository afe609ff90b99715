/**
 * The security headers of every response, in one place. proxy.ts applies them; tests read them from
 * real responses of `next start` (tests/e2e/security-headers.spec.ts). See docs/security.md.
 */

export interface HeaderOptions {
  /** Served over HTTPS (APP_URL starts with https://): adds HSTS and upgrade-insecure-requests. */
  https: boolean;
  /** `next dev`: React needs eval for its error overlays, and the dev server injects styles. */
  dev: boolean;
}

/**
 * A strict policy: scripts only with this response's nonce (Next.js puts it on its own inline and
 * bundle scripts, reading it from the request's policy) and whatever they load ('strict-dynamic');
 * no plugins, no framing, forms only back to us.
 */
export function contentSecurityPolicy(nonce: string, { https, dev }: HeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Powerful browser features the service never uses, switched off for it and anything it embeds. */
const PERMISSIONS_POLICY = [
  "accelerometer",
  "camera",
  "geolocation",
  "gyroscope",
  "magnetometer",
  "microphone",
  "payment",
  "usb",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/** Headers that do not depend on the request: every response gets them, static files included. */
export function staticSecurityHeaders({ https }: Pick<HeaderOptions, "https">): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
    // frame-ancestors says the same to current browsers; this is for older ones.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** 16 random bytes, base64: a fresh, unguessable nonce for each response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
