import { newAddress, PASSWORD, signIn, signUp } from "./support/accounts";
import { budget } from "./support/budget";
import { errorSummary, expectNoAxeViolations } from "./support/questionnaire";
import { expect, test } from "./support/test";

test("a person creates an account, signs out, and signs in again", async ({ page }) => {
  test.setTimeout(budget({ pages: 10 }));
  const nia = newAddress("nia");
  await page.goto("/sign-up");
  await expectNoAxeViolations(page);
  // Bad input: a clear message beside each field, and what was typed (bar the password) kept.
  await page.getByLabel("Full name").fill("Nia Evans");
  await page.getByLabel("Email address").fill("nia at example");
  await page.getByLabel("Create a password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(errorSummary(page)).toContainText("Enter an email address in the correct format");
  await expect(errorSummary(page)).toContainText("Password must be 12 characters or more");
  await expect(page.getByLabel("Full name")).toHaveValue("Nia Evans");
  await expect(page.getByLabel("Email address")).toHaveValue("nia at example");
  await expectNoAxeViolations(page);

  await page.getByLabel("Email address").fill(nia);
  await page.getByLabel("Create a password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText("You are not part of an organisation yet.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

  await signIn(page, nia, "not my password at all");
  await expect(errorSummary(page)).toContainText("They do not match");
  await expect(page.getByLabel("Email address")).toHaveValue(nia);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
});

test("a forgotten password is reset through the emailed link, once", async ({ page }) => {
  test.setTimeout(budget({ pages: 12 }));
  const tom = newAddress("tom");
  await signUp(page, "Tom Reid", tom);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "I have forgotten my password" }).click();
  // Wait for the new page: the sign-in page has an "Email address" field too.
  await expect(page.getByRole("heading", { level: 1, name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email address").fill(tom);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();

  await page.goto(`/dev/outbox?to=${encodeURIComponent(tom)}`);
  const link = page.getByRole("link", { name: /reset-password/ }).first();
  const href = await link.getAttribute("href");
  expect(href).toBeTruthy();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password").fill("a completely new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password has been changed");

  await signIn(page, tom, "a completely new passphrase");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

  // The link works once.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto(href ?? "/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("expired or has already been used");
});

test.describe("from one address trying many passwords", () => {
  // The test's own address (support/test.ts): no other test's failures count against it.
  test("sign-in is refused for a while after five failures", async ({ page }) => {
    test.setTimeout(budget({ pages: 12 }));
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, "nobody@example.org", `wrong password ${attempt}`);
      await expect(errorSummary(page)).toContainText("They do not match");
    }
    await signIn(page, "nobody@example.org", "wrong password 6");
    await expect(errorSummary(page)).toContainText("Too many attempts");
  });
});

test("a demo administrator signs in, acts for the council, and sees its activity", async ({ page }) => {
  await signIn(page, "sam.okafor@northmoor-council.example", "chainwise demo password");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Your organisations" })).toContainText(
    "Northmoor County Council",
  );
  await expect(page.getByText("Acting for this organisation")).toBeVisible();
  await page.getByRole("link", { name: "See your organisation's activity" }).click();
  await expect(page.getByRole("table")).toContainText("Sam Okafor signed in");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("link", { name: "Your contracts" })).toBeVisible();
});

test("activity is for administrators only", async ({ page }) => {
  await signUp(page, "Ola Nowak", newAddress("ola"));
  const response = await page.goto("/account/activity");
  // Signed in but acting for no organisation: sent to choose one, never shown another's log.
  expect(page.url()).not.toContain("/account/activity");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("table")).toHaveCount(0);
});
