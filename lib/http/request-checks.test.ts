import { describe, expect, it } from "vitest";
import { isCrossSitePost, isMalformedActionCall, isMalformedFormPost } from "./request-checks";

const APP = "https://chainwise.example.org";

function post(headers: Record<string, string>, body?: BodyInit) {
  return new Request("http://internal:3000/demo", { method: "POST", headers, body });
}

function form(fields: Record<string, string>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return body;
}

const reactFields = {
  $ACTION_REF_1: "",
  "$ACTION_1:0": JSON.stringify({ id: "60abc", bound: "$@1" }),
  "$ACTION_1:1": JSON.stringify([{ status: "idle", errors: [] }]),
  $ACTION_KEY: "k1",
};

describe("cross-site posts", () => {
  it("refuses a post whose Origin is neither the host it was sent to nor APP_URL", () => {
    expect(isCrossSitePost(post({ origin: "https://attacker.example", host: "internal:3000" }), APP)).toBe(
      true,
    );
    expect(isCrossSitePost(post({ origin: "null", host: "internal:3000" }), APP)).toBe(true);
    expect(isCrossSitePost(post({ origin: "http://internal:3000", host: "internal:3000" }), APP)).toBe(false);
    expect(isCrossSitePost(post({ origin: APP, host: "internal:3000" }), APP)).toBe(false);
    expect(
      isCrossSitePost(
        post({ origin: "https://a.example", host: "x", "x-forwarded-host": "a.example, b" }),
        APP,
      ),
    ).toBe(false);
  });

  it("leaves reads, and posts without an Origin, to Next.js", () => {
    expect(
      isCrossSitePost(new Request("http://x/", { headers: { origin: "https://attacker.example" } }), APP),
    ).toBe(false);
    expect(isCrossSitePost(post({ host: "internal:3000" }), APP)).toBe(false);
  });
});

describe("malformed form posts", () => {
  it("passes a form as React writes it", async () => {
    expect(await isMalformedFormPost(post({}, form({ ...reactFields, organisationId: "x" })))).toBe(false);
    expect(await isMalformedFormPost(post({}, form({ name: "no action at all" })))).toBe(false);
  });

  it("refuses an unreadable body and tampered action fields", async () => {
    const broken = post({ "content-type": "multipart/form-data; boundary=xyz" }, "garbage");
    expect(await isMalformedFormPost(broken)).toBe(true);
    expect(await isMalformedFormPost(post({}, form({ ...reactFields, "$ACTION_1:1": "not json" })))).toBe(
      true,
    );
    expect(await isMalformedFormPost(post({}, form({ ...reactFields, "$ACTION_1:0": "[]" })))).toBe(true);
    expect(await isMalformedFormPost(post({}, form({ $ACTION_REF_1: "" })))).toBe(true);
  });

  it("leaves the body whole for the page", async () => {
    const request = post({}, form({ ...reactFields, organisationId: "x" }));
    await isMalformedFormPost(request);
    expect((await request.formData()).get("organisationId")).toBe("x");
  });
});

describe("malformed action calls", () => {
  const call = (body: BodyInit, type = "text/plain;charset=UTF-8") =>
    post({ "next-action": "60abc", "content-type": type }, body);

  it("passes a list of arguments, as text or as field 0 of a form", async () => {
    expect(await isMalformedActionCall(call('[{"status":"idle"},"$K1"]'))).toBe(false);
    expect(await isMalformedActionCall(post({ "next-action": "60abc" }, form({ "0": "[]" })))).toBe(false);
  });

  it("refuses anything else", async () => {
    for (const body of ['"not a list"', "{", "5", "null", ""]) {
      expect(await isMalformedActionCall(call(body)), body).toBe(true);
    }
    expect(await isMalformedActionCall(post({ "next-action": "60abc" }, form({ "1": "[]" })))).toBe(true);
  });
});
