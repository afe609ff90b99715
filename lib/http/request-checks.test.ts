import { describe, expect, it } from "vitest";
import { isMalformedActionCall, isMalformedFormPost, judgeOrigin } from "./request-checks";

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

describe("posts from other sites", () => {
  const judge = (headers: Record<string, string>) =>
    judgeOrigin(post({ host: "internal:3000", ...headers }), APP);

  it("believes Sec-Fetch-Site: only same-origin posts pass", () => {
    expect(judge({ "sec-fetch-site": "same-origin", origin: "http://internal:3000" })).toEqual({
      refuse: false,
    });
    for (const site of ["cross-site", "same-site", "none", ""]) {
      expect(judge({ "sec-fetch-site": site, origin: "http://internal:3000" }), site).toEqual({
        refuse: true,
      });
    }
    // A lying Origin on a same-origin fetch is still refused.
    expect(judge({ "sec-fetch-site": "same-origin", origin: "https://attacker.example" })).toEqual({
      refuse: true,
    });
  });

  it("passes a same-origin post whose Origin is null, empty or missing, with our own origin", () => {
    for (const origin of ["null", ""]) {
      expect(judge({ "sec-fetch-site": "same-origin", origin }), origin).toEqual({
        refuse: false,
        origin: "http://internal:3000",
      });
    }
    expect(judge({ "sec-fetch-site": "same-origin" })).toEqual({
      refuse: false,
      origin: "http://internal:3000",
    });
  });

  it("without Sec-Fetch-Site, needs an Origin naming the host or APP_URL, and refuses one that proves nothing", () => {
    expect(judge({ origin: "https://attacker.example" })).toEqual({ refuse: true });
    expect(judge({ origin: "null" })).toEqual({ refuse: true });
    expect(judge({ origin: "" })).toEqual({ refuse: true });
    expect(judge({ origin: "not a url" })).toEqual({ refuse: true });
    expect(judge({ origin: "http://internal:3000" })).toEqual({ refuse: false });
    expect(judge({ origin: APP })).toEqual({ refuse: false });
    expect(
      judgeOrigin(post({ origin: "https://a.example", host: "x", "x-forwarded-host": "a.example, b" }), APP),
    ).toEqual({ refuse: false });
  });

  it("leaves reads, and posts from no browser at all, to Next.js", () => {
    expect(
      judgeOrigin(new Request("http://x/", { headers: { origin: "https://attacker.example" } }), APP),
    ).toEqual({ refuse: false });
    expect(judge({})).toEqual({ refuse: false });
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
