import { expectNoAxeViolations } from "./support/questionnaire";
import { expect, test } from "./support/test";

test("the method is public: rules, thresholds, every question and its flags", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "How scoring works" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How scoring works");
  // The release rules, from the settings the code uses (docs/decisions/0011).
  await expect(page.getByText("only once a round has closed")).toBeVisible();
  await expect(page.getByText("never fewer than 3 partners")).toBeVisible();
  await expect(page.getByText(/taking one figure away from another/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(5);
  const payment = page.getByRole("table", {
    name: /Paying fairly and on time: questions partners are asked/,
  });
  await expect(payment).toContainText("up to 30 days scores 70");
  await expect(payment).toContainText("Paid more than 30 days after invoice: raised by more than 30 days.");
  await expectNoAxeViolations(page);
});
