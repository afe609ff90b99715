import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetDatabaseAvailability } from "@/lib/db/availability";
import { proxy } from "../proxy";
import { GET as securityTxt } from "./.well-known/security.txt/route";

// The database is down: every probe fails, as it does when the server cannot be reached.
vi.mock("@/lib/db/probe", () => ({ probeDatabase: vi.fn(async () => false) }));

const root = path.resolve(import.meta.dirname, "..");
const get = (pathname: string) =>
  proxy(new NextRequest(`http://localhost:3000${pathname}`, { headers: { Accept: "text/html" } }));

/**
 * The static files in public/ and security.txt answer while the database is down (issue 19): the
 * proxy lets them through instead of its 503 page, and neither reads the database.
 * tests/e2e/database-down.spec.ts asks a real server with an unreachable database the same.
 */
describe("with the database down", () => {
  beforeEach(() => resetDatabaseAvailability());
  afterEach(() => resetDatabaseAvailability());

  it("pages get the 503 page: the database really is down for the proxy", async () => {
    const response = await get("/");
    expect(response.status).toBe(503);
  });

  it.each(["/robots.txt", "/.well-known/security.txt", "/icon.svg"])(
    "%s is let through",
    async (pathname) => {
      const response = await get(pathname);
      expect(response.status).toBe(200);
      // Let through to Next.js, with the security headers every response carries.
      expect(response.headers.get("x-middleware-next")).toBe("1");
      expect(response.headers.get("Content-Security-Policy")).toContain("default-src");
    },
  );

  it("security.txt answers 200 naming the configured contact, without the database", async () => {
    const response = securityTxt();
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toContain("Contact: mailto:security@chainwise.invalid");
  });

  it("robots.txt and the icon are files in public/", () => {
    expect(readFileSync(path.join(root, "public/robots.txt"), "utf8")).toMatch(/^User-agent: \*$/m);
    expect(existsSync(path.join(root, "public/icon.svg"))).toBe(true);
    expect(existsSync(path.join(root, "app/icon.svg"))).toBe(false);
  });
});
