import { actAs, expectNoAxeViolations } from "./support/questionnaire";
import { expect, test } from "./support/test";

test("the home page says what Chainwise is for and lists the demo contracts", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Chainwise");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Evidence on how primes treat their supply chains",
  );
  await expect(page.getByText("Voluntary and community organisations")).toBeVisible();

  const contracts = page.getByRole("list", { name: "Contracts" }).getByRole("listitem");
  // Other specs may have added contracts for the demo council by now: look for the seeded ones.
  await expect(contracts.filter({ hasText: "Northmoor Community Health Connectors" })).toHaveCount(1);
  const working = contracts.filter({ hasText: "Northmoor Working Well: employment support" });
  await expect(working).toContainText("Castlegate Employment Services Ltd (North)");
  await expect(working).toContainText("Meridian Outcomes plc (South)");
  await expect(working).toContainText("1 April 2025 to 31 March 2029");
});

test("acting for a demo organisation, the header offers to change or leave the demo, not to sign in", async ({
  page,
}) => {
  const header = page.getByRole("navigation", { name: "Account" });
  await page.goto("/demo");
  await expect(page.getByText("until sign-in")).toHaveCount(0);
  await actAs(page, "Riverside Community Trust");
  await expect(header).toContainText("Riverside Community Trust");
  await expect(header.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await expect(header.getByRole("link", { name: "Change demo organisation" })).toBeVisible();
  await header.getByRole("button", { name: "Leave the demo" }).click();
  await expect(header.getByRole("link", { name: "Try the demo" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(header).not.toContainText("Riverside Community Trust");
});

test("the home page has no accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expectNoAxeViolations(page);
});

test("the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { ok: true } });
});
