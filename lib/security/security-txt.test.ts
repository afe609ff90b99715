import { describe, expect, it } from "vitest";
import { SECURITY_TXT_DAYS, securityTxt } from "./security-txt";

const fields = (text: string) =>
  Object.fromEntries(
    text
      .split("\n")
      .filter((line) => line && !line.startsWith("#"))
      .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]),
  );

describe("securityTxt (RFC 9116)", () => {
  const now = new Date("2026-12-06T17:30:00Z");

  it("names the configured contact, expires within a year, and says where it lives", () => {
    const text = securityTxt({
      contact: "security@northmoor.example",
      appUrl: "https://chainwise.example",
      now,
    });
    expect(fields(text)).toEqual({
      Contact: "mailto:security@northmoor.example",
      Expires: "2027-06-04T00:00:00.000Z",
      "Preferred-Languages": "en",
      Canonical: "https://chainwise.example/.well-known/security.txt",
    });
    const expires = Date.parse(fields(text).Expires ?? "");
    expect(expires).toBeGreaterThan(now.getTime());
    expect(expires - now.getTime()).toBeLessThan(365 * 86_400_000);
    expect(SECURITY_TXT_DAYS).toBeLessThan(365);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("gives an https contact page as it is", () => {
    const text = securityTxt({
      contact: "https://northmoor.example/report",
      appUrl: "http://localhost:3000",
      now,
    });
    expect(fields(text).Contact).toBe("https://northmoor.example/report");
  });

  it("answers the same all day, whichever instance is asked", () => {
    const morning = securityTxt({
      contact: "a@b.example",
      appUrl: "http://localhost:3000",
      now: new Date("2026-12-06T00:00:01Z"),
    });
    const night = securityTxt({
      contact: "a@b.example",
      appUrl: "http://localhost:3000",
      now: new Date("2026-12-06T23:59:59Z"),
    });
    expect(night).toBe(morning);
  });
});
