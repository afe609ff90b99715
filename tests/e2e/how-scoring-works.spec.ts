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
  // The newest version is shown; its payment flags cite the line they follow.
  await expect(page.getByRole("heading", { level: 3 })).toHaveCount(5);
  const payment = page.getByRole("table", {
    name: /Version 2\.0, Paying fairly and on time: questions partners are asked/,
  });
  await expect(payment).toContainText(
    "Fewer than 95% of invoices paid within 30 days: raised by less than 95%.",
  );
  await expect(
    payment.getByRole("link", { name: /Procurement Act 2023, sections 68 and 73/ }).first(),
  ).toBeVisible();
  await expect(payment).toContainText(
    "Explained, agreed with the partner, and in proportion to what it pays for 100",
  );
  await expect(
    page.getByText(/not on its size; a fee over the stated level still raises a red flag/),
  ).toBeVisible();
  // The margins a prime's payment record is judged by, from the framework data.
  await expect(
    page.getByText(/more than 10 percentage points apart \(version 1: 10 days of average time to pay\)/),
  ).toBeVisible();
  await expect(page.getByText(/more than 25 points apart/)).toBeVisible();
  // Version 1 stays readable for the rounds that used it.
  await page.locator("summary", { hasText: "Version 1.0" }).click();
  const v1Payment = page.getByRole("table", {
    name: /Version 1\.0, Paying fairly and on time: questions partners are asked/,
  });
  await expect(v1Payment).toContainText("up to 30 days scores 70");
  await expect(v1Payment).toContainText("Paid more than 30 days after invoice: raised by more than 30 days.");
  await expectNoAxeViolations(page);
});
