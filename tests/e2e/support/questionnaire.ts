import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { BUDGET, extendBudget } from "./budget";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** What axe finds on the page against WCAG 2.2 AA, one line per rule broken, naming the elements. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Each check brings its own share of time: axe walks the whole page, seconds on a loaded machine.
  extendBudget(BUDGET.axe);
  // After a client-side navigation Next streams the new <title> in after the page itself.
  await expect(page).toHaveTitle(/Chainwise$/);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}, at ${v.nodes
        .slice(0, 5)
        .map((n) => n.target.join(" "))
        .join("; ")}${v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : ""}`,
  );
}

export async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page), `axe violations on ${page.url()}`).toEqual([]);
}

/** Acts for a demo organisation, as a person would: the demo page, a radio, Continue. */
export async function actAs(page: Page, organisation: string) {
  await page.goto("/demo");
  await page.getByLabel(organisation, { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your dashboard" })).toBeVisible();
}

/**
 * Answers every question on a principle page with its first answer (a number question gets
 * `number`), except the question numbers in `skip`.
 */
export async function answerPage(page: Page, { skip = [] as number[], number = "12" } = {}) {
  const questions = page.locator("form fieldset");
  // Counting before the page has its questions would answer none of them.
  await expect(questions.first()).toBeVisible();
  const count = await questions.count();
  for (let i = 0; i < count; i++) {
    if (skip.includes(i + 1)) continue;
    const question = questions.nth(i);
    const text = question.locator('input[type="text"]');
    if ((await text.count()) > 0) {
      await text.fill(number);
    } else {
      await question.locator('input[type="radio"], input[type="checkbox"]').first().check();
    }
  }
  return count;
}

export async function saveAndContinue(page: Page) {
  await page.getByRole("button", { name: "Save and continue" }).click();
}

/** The status tag beside a principle on the task list. */
export function principleStatus(page: Page, title: string) {
  return page.getByRole("list", { name: "Principles" }).getByRole("listitem").filter({ hasText: title });
}

/** The GOV.UK error summary (Next.js has its own route-announcer alert, so match by name). */
export function errorSummary(page: Page) {
  return page.getByRole("alert", { name: "There is a problem" });
}

/** From the task list: answers all five principles with their first answers, then submits. */
export async function answerAndSubmit(page: Page, { number = "40" } = {}) {
  await page.getByRole("link", { name: "Sharing risk fairly" }).click();
  for (let index = 0; index < 5; index++) {
    await expect(page.getByText(`Principle ${index + 1} of 5`)).toBeVisible();
    await answerPage(page, { number });
    await saveAndContinue(page);
  }
  await page.getByRole("button", { name: "Submit your answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Answers submitted");
}
