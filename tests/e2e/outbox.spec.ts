import { expectNoAxeViolations } from "./support/questionnaire";
import { expect, test } from "./support/test";

// Other specs may have sent email by now, so the empty state is checked for an address nobody uses.
const NOBODY = "nobody-outbox@example.org";

test("the outbox shows the emails the app has sent, and filters them by recipient", async ({ page }) => {
  await page.goto("/dev/outbox");
  await expect(page).toHaveTitle("Email outbox – Chainwise");
  await expect(page.getByRole("heading", { level: 1, name: "Email outbox" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "All emails" })).toBeVisible();
  await expectNoAxeViolations(page);

  const filter = page.getByRole("search", { name: "Filter emails" });
  await filter.getByLabel("Recipient").fill(NOBODY);
  await filter.getByRole("button", { name: "Show emails" }).click();

  await expect(page).toHaveURL(`/dev/outbox?to=${encodeURIComponent(NOBODY)}`);
  await expect(page.getByRole("heading", { level: 2, name: `Emails to ${NOBODY}` })).toBeVisible();
  await expect(page.getByText(`There are no emails to ${NOBODY}.`)).toBeVisible();
  await expect(filter.getByLabel("Recipient")).toHaveValue(NOBODY);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Show emails to everyone" }).click();
  await expect(page).toHaveURL("/dev/outbox");
  await expect(page.getByRole("heading", { level: 2, name: "All emails" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filter is a plain form that still works", async ({ page }) => {
    await page.goto("/dev/outbox");
    await page.getByLabel("Recipient").fill(NOBODY);
    await page.getByRole("button", { name: "Show emails" }).click();
    await expect(page).toHaveURL(`/dev/outbox?to=${encodeURIComponent(NOBODY)}`);
    await expect(page.getByText(`There are no emails to ${NOBODY}.`)).toBeVisible();
  });
});
