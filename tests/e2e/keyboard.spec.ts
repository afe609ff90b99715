import type { Page } from "@playwright/test";
import { budget } from "./support/budget";
import { errorSummary } from "./support/questionnaire";
import { expect, test } from "./support/test";
import { createWorld } from "./support/world";

/**
 * A whole rating by keyboard alone (Tab, Shift+Tab, Enter, Space, arrow keys; never the mouse), as
 * someone who cannot use a pointer would do it. Every stop Tab reaches must show a visible focus
 * indicator, inside the window (WCAG 2.1.1, 2.4.3, 2.4.7, 2.4.11).
 */

interface Focused {
  tag: string;
  type: string;
  /** The link or button text, or the label of a field. */
  name: string;
  /** Which question (0-based) of the page's form the element is in; -1 outside them. */
  question: number;
  checked: boolean;
  visible: boolean;
  inView: boolean;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const input = el as HTMLInputElement;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const fieldsets = [...document.querySelectorAll("form fieldset")];
    const fieldset = el.closest("fieldset");
    return {
      tag: el.tagName.toLowerCase(),
      type: input.type ?? "",
      name: (input.labels?.[0]?.innerText ?? el.innerText ?? "").replace(/\s+/g, " ").trim(),
      question: fieldset ? fieldsets.indexOf(fieldset) : -1,
      checked: Boolean(input.checked),
      visible:
        el.matches(":focus-visible") &&
        ((style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0) ||
          style.boxShadow !== "none"),
      inView: rect.bottom > 0 && rect.top < window.innerHeight && rect.width > 0 && rect.height > 0,
    };
  });
}

/** Presses Tab (or Shift+Tab) until focus reaches what `wanted` picks; every stop on the way must show focus. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, { back = false, max = 120 } = {}) {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const now = await focused(page);
    expect(now.visible, `no visible focus on ${now.tag} "${now.name}"`).toBe(true);
    expect(now.inView, `focused ${now.tag} "${now.name}" is outside the window`).toBe(true);
    if (wanted(now)) return now;
    seen.push(`${now.tag} "${now.name}"`);
  }
  throw new Error(`never reached by ${back ? "Shift+Tab" : "Tab"}; passed ${seen.join(", ")}`);
}

const named = (name: string | RegExp) => (f: Focused) =>
  typeof name === "string" ? f.name === name : name.test(f.name);

/** After a page has loaded: the first Tab reaches the skip link, shown on screen. */
async function expectSkipLinkFirst(page: Page) {
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  expect((await focused(page)).visible).toBe(true);
}

/**
 * Answers every question on a principle page but those in `skip` (1-based): Space ticks the first
 * radio or box a question's Tab stop lands on; a number is typed.
 */
async function answerByKeyboard(page: Page, { skip = [] as number[] } = {}) {
  const count = await page.locator("form fieldset").count();
  for (let question = 0; question < count; question++) {
    if (skip.includes(question + 1)) continue;
    const stop = await tabTo(page, (f) => f.question === question);
    if (stop.type === "text") await page.keyboard.type("12");
    else await page.keyboard.press("Space");
    if (stop.type !== "text") expect((await focused(page)).checked).toBe(true);
  }
}

async function saveAndContinue(page: Page) {
  await tabTo(page, named("Save and continue"));
  await page.keyboard.press("Enter");
}

test("a partner rates its prime from the dashboard to submitting, by keyboard alone", async ({
  page,
  db,
}) => {
  // Every key press is a round trip to the browser; a page takes about forty.
  test.setTimeout(budget({ pages: 40 }));
  // A contract of this test's own puts the partner on the rating list.
  const { prime, partner } = await createWorld(db);
  const PRIME = prime.name;
  const PARTNER = partner.name;

  // Choose the demo organisation: the skip link, then the arrow keys through the radios.
  await page.goto("/demo");
  await expectSkipLinkFirst(page);
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();
  let stop = await tabTo(page, (f) => f.type === "radio");
  const radios = await page.getByRole("radio").count();
  for (let i = 0; i < radios && stop.name !== PARTNER; i++) {
    await page.keyboard.press("ArrowDown");
    stop = await focused(page);
  }
  // Tab lands on the first radio without choosing it; the arrow keys choose as they move.
  if (!stop.checked) await page.keyboard.press("Space");
  stop = await focused(page);
  expect(stop).toMatchObject({ name: PARTNER, checked: true });
  await tabTo(page, named("Continue"));
  await page.keyboard.press("Enter");

  // The dashboard, the start page, the task list: each a new page, where Tab starts again at the top.
  await expect(page.getByRole("heading", { level: 1, name: "Your dashboard" })).toBeVisible();
  await expectSkipLinkFirst(page);
  await tabTo(page, named(`Rate ${PRIME}`));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Rate how ${PRIME} treats its partners`);
  await expectSkipLinkFirst(page);
  await tabTo(page, named("Start now"));
  await page.keyboard.press("Space");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Your rating of ${PRIME}`);
  await expectSkipLinkFirst(page);
  await tabTo(page, named("Sharing risk fairly"));
  await page.keyboard.press("Enter");

  // Principle 1 with question 2 left out: the error summary takes focus, its link leads to the field.
  await expect(page.getByText("Principle 1 of 5")).toBeVisible();
  await expectSkipLinkFirst(page);
  await answerByKeyboard(page, { skip: [2] });
  await saveAndContinue(page);
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  expect((await focused(page)).visible).toBe(true);
  await expect(page).toHaveTitle(/^Error: /);
  stop = await tabTo(page, named(/^Question 2: /));
  await page.keyboard.press("Enter");
  stop = await focused(page);
  expect(stop.question).toBe(1);
  await expect(page.locator("form fieldset").nth(1).locator("input").first()).toBeFocused();
  if (stop.type === "text") await page.keyboard.type("12");
  else await page.keyboard.press("Space");
  await saveAndContinue(page);

  for (let index = 1; index < 5; index++) {
    await expect(page.getByText(`Principle ${index + 1} of 5`)).toBeVisible();
    await expectSkipLinkFirst(page);
    await answerByKeyboard(page);
    await saveAndContinue(page);
  }

  // Check answers: a change link opens its question with focus on it; back, then submit.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before you submit");
  await expectSkipLinkFirst(page);
  await tabTo(page, named(/^Change your answer to: /));
  await page.keyboard.press("Enter");
  await expect(page.getByText("Principle 1 of 5")).toBeVisible();
  await expect(page.locator("form fieldset").first().locator("input").first()).toBeFocused();
  await saveAndContinue(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before you submit");
  await tabTo(page, named("Submit your answers"));
  await tabTo(page, named(`Let ${PRIME} read my notes`), { back: true, max: 3 });
  await tabTo(page, named("Submit your answers"), { max: 3 });
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Answers submitted");
  await expectSkipLinkFirst(page);
  await tabTo(page, named("Back to your dashboard"));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("list", { name: "Assessments to answer" })).toContainText("Submitted");
});
