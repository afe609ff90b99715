import { describe, expect, it } from "vitest";
import { bodyLimitFor, tooLargeFor, withLimitedBody } from "./body-limit";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://chainwise.test/api/auth/sign-in/email", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);

/** A body sent in chunks with no declared length, as a client streaming it would. */
function streamed(bytes: number, chunk = 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(120));
    },
  });
}

describe("request body limits", () => {
  it("passes a body within the limit through unchanged", async () => {
    const result = await withLimitedBody(post('{"email":"a@example.org"}'), 100);
    expect(result).toBeInstanceOf(Request);
    expect(await (result as Request).text()).toBe('{"email":"a@example.org"}');
  });

  it("refuses a declared length over the limit without reading the body", async () => {
    const result = await withLimitedBody(post("x".repeat(10), { "content-length": "1000" }), 100);
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).status).toBe(413);
  });

  it("refuses a streamed body once it passes the limit", async () => {
    const result = await withLimitedBody(post(streamed(10_000)), 4096);
    expect((result as Response).status).toBe(413);
    const within = await withLimitedBody(post(streamed(4096)), 4096);
    expect(await (within as Request).text()).toHaveLength(4096);
  });

  it("allows server actions more than the JSON API, and the OCDS import a 50 MB file", () => {
    expect(bodyLimitFor("/api/auth/sign-in/email")).toBeLessThan(bodyLimitFor("/contracts/new"));
    expect(bodyLimitFor("/contracts/new")).toBe(6 * 1024 * 1024);
    for (const path of ["/contracts/import", "/contracts/import/cm1abc"]) {
      expect(bodyLimitFor(path)).toBeGreaterThan(50 * 1024 * 1024);
    }
    expect(bodyLimitFor("/contracts/imported")).toBe(6 * 1024 * 1024);
  });
});

describe("tooLargeFor", () => {
  const request = (path: string, headers: Record<string, string> = {}) =>
    new Request(`http://internal:3000${path}`, { method: "POST", headers });

  it("sends a form posted without JavaScript back to its page, at the public address, to say why", () => {
    const response = tooLargeFor(request("/contracts/import"), "https://chainwise.example");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("https://chainwise.example/contracts/import?too-large");
  });

  it("answers 413 to a server action called by script and to the JSON API", () => {
    const action = tooLargeFor(
      request("/contracts/import", { "Next-Action": "abc" }),
      "https://chainwise.example",
    );
    expect(action.status).toBe(413);
    expect(tooLargeFor(request("/api/v1/contracts"), "https://chainwise.example").status).toBe(413);
  });
});
