import { expect, type Page, test } from "@playwright/test";

/** The password every account made in the browser tests uses, and the demo accounts' (prisma/demo-data.ts). */
export const PASSWORD = "plenty of words in a row";
export const DEMO_PASSWORD = "chainwise demo password";

/** An email address no other test signs up with: the running test's id in it. */
export const newAddress = (name: string) => `${name}.${test.info().testId}@example.org`;

/** Creates an account as a person would, and waits for the account page. */
export async function signUp(page: Page, name: string, email: string, password = PASSWORD) {
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Create a password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
}

/** Fills and sends the sign-in form; the caller checks what came of it. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
