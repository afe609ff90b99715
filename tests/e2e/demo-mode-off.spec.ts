import { expect, test } from "./support/test";
import { createPerson, newPartner, signInAs } from "./support/world";

/**
 * A deployment with DEMO_MODE=off, as production runs (docs/security.md): these tests get a worker
 * and a server of their own with that setting (the `serverEnv` option, docs/testing.md).
 */
test.use({ serverEnv: { DEMO_MODE: "off" } });

test("the demo is not offered, and the demo cookie acts for nobody", async ({ page, context, db }) => {
  const response = await page.goto("/demo");
  expect(response?.status()).toBe(404);

  // Even the cookie of a real demo organisation, as the demo page would have set it.
  const partner = await newPartner(db);
  await context.addCookies([
    { name: "chainwise-demo-org", value: partner.id, domain: "127.0.0.1", path: "/", httpOnly: true },
  ]);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
});

test("people still sign in and act for their organisation", async ({ page, db, baseURL }) => {
  const partner = await newPartner(db);
  const person = await createPerson(db, baseURL ?? "", { organisation: partner });
  await signInAs(page, person, baseURL ?? "");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Your dashboard" })).toBeVisible();
  await expect(page.getByText(partner.name).first()).toBeVisible();
});

test("no outbox page, and the home page offers a way in for real users instead of the demo", async ({
  page,
  request,
}) => {
  expect((await request.get("/dev/outbox")).status()).toBe(404);
  await page.goto("/");
  await expect(page.getByRole("link", { name: /demo/i })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "request an account" })).toHaveAttribute(
    "href",
    "/request-account",
  );
});
