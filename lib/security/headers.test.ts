import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "./headers";

const directives = (policy: string) =>
  new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("content security policy", () => {
  it("allows scripts and styles only with the response's nonce, and no framing", () => {
    const policy = directives(contentSecurityPolicy("abc123", { https: false, dev: false }));
    expect(policy.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy.get("style-src")).toBe("'self' 'nonce-abc123'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect([...policy.values()].join(" ")).not.toContain("unsafe");
  });

  it("upgrades insecure requests over HTTPS, and allows eval only in development", () => {
    expect(contentSecurityPolicy("n", { https: true, dev: false })).toContain("upgrade-insecure-requests");
    expect(directives(contentSecurityPolicy("n", { https: false, dev: true })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
  });

  it("makes a fresh nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("static security headers", () => {
  it("sends HSTS only over HTTPS", () => {
    expect(staticSecurityHeaders({ https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(staticSecurityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=31536000/);
    expect(staticSecurityHeaders({ https: false })).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
  });
});
