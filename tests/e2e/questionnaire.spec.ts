import { budget } from "./support/budget";
import {
  answerPage,
  errorSummary,
  expectNoAxeViolations,
  principleStatus,
  saveAndContinue,
} from "./support/questionnaire";
import { expect, test } from "./support/test";
import { actFor, createWorld } from "./support/world";

const PRINCIPLES = [
  "Sharing risk fairly",
  "Paying fairly and on time",
  "Building partners' strength",
  "Negotiating in good faith",
  "Sharing information",
] as const;

test("a partner rates its prime: errors, saving part-way, a reload, check answers, submit", async ({
  page,
  db,
}) => {
  test.setTimeout(budget({ pages: 25 }));
  const { prime, partner } = await createWorld(db);
  const PRIME = prime.name;
  await actFor(page, partner);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: `Rate ${PRIME}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Rate how ${PRIME} treats its partners`);
  await expect(page.getByRole("heading", { name: "Who will see your answers" })).toBeVisible();
  await expect(page.getByText(`${PRIME} will never see your answers`)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Start now" }).click();

  // The task list: every principle not started.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Your rating of ${PRIME}`);
  for (const title of PRINCIPLES) await expect(principleStatus(page, title)).toContainText("Not started");
  await expectNoAxeViolations(page);

  // Principle 1, with question 2 left blank: an error summary, and the other answers kept.
  await page.getByRole("link", { name: PRINCIPLES[0] }).click();
  await expect(page.getByText("Principle 1 of 5")).toBeVisible();
  const asked = await answerPage(page, { skip: [2] });
  expect(asked).toBeGreaterThanOrEqual(5);
  await saveAndContinue(page);
  const summary = errorSummary(page);
  await expect(summary).toContainText("There is a problem");
  const link = summary.getByRole("link", { name: /^Question 2: (Choose an answer|Enter a number)/ });
  await expect(link).toBeVisible();
  await expect(page.locator("form fieldset").nth(0).locator("input").first()).toBeChecked();
  await expectNoAxeViolations(page);
  await link.click();
  await expect(page.locator("form fieldset").nth(1).locator("input").first()).toBeFocused();
  await answerPage(page);
  await saveAndContinue(page);

  // Principle 2 has number questions: a word where a number belongs is refused and kept.
  await expect(page.getByText("Principle 2 of 5")).toBeVisible();
  await answerPage(page);
  const days = page.getByRole("textbox").first();
  await days.fill("about a month");
  await saveAndContinue(page);
  await expect(errorSummary(page)).toContainText("Enter a number");
  await expect(days).toHaveValue("about a month");
  await days.fill("45");
  await page.getByRole("button", { name: "Save and come back later" }).click();

  await expect(page.getByRole("status")).toContainText("Your answers have been saved");
  await expect(principleStatus(page, PRINCIPLES[0])).toContainText("Completed");
  await expect(principleStatus(page, PRINCIPLES[1])).toContainText("Completed");
  await expect(principleStatus(page, PRINCIPLES[2])).toContainText("Not started");

  // Part-way through principle 3, save, reload, and resume where we were.
  await page.getByRole("link", { name: PRINCIPLES[2] }).click();
  await page.locator("form fieldset").nth(0).locator("input").first().check();
  await page.getByRole("button", { name: "Save and come back later" }).click();
  await expect(page.getByRole("status")).toContainText("Your answers have been saved");
  await page.reload();
  await expect(principleStatus(page, PRINCIPLES[2])).toContainText("In progress");
  await page.getByRole("link", { name: PRINCIPLES[2] }).click();
  await expect(page.locator("form fieldset").nth(0).locator("input").first()).toBeChecked();
  await answerPage(page);
  await saveAndContinue(page);
  for (const index of [3, 4]) {
    await expect(page.getByText(`Principle ${index + 1} of 5`)).toBeVisible();
    await answerPage(page);
    await saveAndContinue(page);
  }

  // Check answers: the day count typed earlier is there, and a change link opens its page.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before you submit");
  await expect(page.getByText("45 days")).toBeVisible();
  await expectNoAxeViolations(page);
  await page
    .getByRole("link", { name: /^Change your answer to:/ })
    .first()
    .click();
  await expect(page.getByText("Principle 1 of 5")).toBeVisible();
  await saveAndContinue(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before you submit");
  await page.getByRole("button", { name: "Submit your answers" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Answers submitted");
  await expect(page.getByText(/CW-[0-9A-Z]{4}-[0-9A-Z]{4}/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Submitted answers cannot be edited.
  await page.goto(page.url().replace("/confirmation", `/risk-sharing`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("These answers have been submitted");
});

test("a prime completes its self-assessment", async ({ page, db }) => {
  test.setTimeout(budget({ pages: 12 }));
  const { prime, contract } = await createWorld(db);
  await actFor(page, prime);
  await page.getByRole("link", { name: `Self-assessment: ${contract.title}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Assess how you treat your supply chain");
  await page.getByRole("button", { name: "Start now" }).click();
  await page.getByRole("link", { name: PRINCIPLES[0] }).click();
  for (let index = 0; index < 5; index++) {
    await expect(page.getByText(`Principle ${index + 1} of 5`)).toBeVisible();
    await answerPage(page, { number: "20" });
    await saveAndContinue(page);
  }
  await page.getByRole("button", { name: "Submit your answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Answers submitted");
  await page.getByRole("link", { name: "Back to your dashboard" }).click();
  await expect(page.getByRole("list", { name: "Assessments to answer" })).toContainText("Submitted");
});

test.describe("with JavaScript turned off", () => {
  test.use({ javaScriptEnabled: false });

  test("a partner completes the whole rating", async ({ page, db }) => {
    test.setTimeout(budget({ pages: 14 }));
    const { prime, partner } = await createWorld(db);
    await actFor(page, partner);
    await page.getByRole("link", { name: `Rate ${prime.name}` }).click();
    await page.getByRole("button", { name: "Start now" }).click();
    await page.getByRole("link", { name: PRINCIPLES[0] }).click();
    // Without JavaScript the link loads a new page: answering before it arrives answers nothing.
    await expect(page.getByText("Principle 1 of 5")).toBeVisible();
    await answerPage(page, { skip: [3] });
    await saveAndContinue(page);
    await expect(errorSummary(page)).toContainText("Question 3: Choose an answer");
    await expect(page.locator("form fieldset").nth(0).locator("input").first()).toBeChecked();
    await expect(page.locator("form fieldset").nth(1).getByRole("textbox")).toHaveValue("12");
    await answerPage(page);
    await saveAndContinue(page);

    for (let index = 1; index < 5; index++) {
      await expect(page.getByText(`Principle ${index + 1} of 5`)).toBeVisible();
      await answerPage(page, { number: "7" });
      await saveAndContinue(page);
    }
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before you submit");
    await page.getByRole("button", { name: "Submit your answers" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Answers submitted");
  });
});
