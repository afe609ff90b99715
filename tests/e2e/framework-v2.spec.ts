import { frameworkV2, questionsFor } from "@/lib/framework";
import { budget } from "./support/budget";
import { answerPage, expectNoAxeViolations, saveAndContinue } from "./support/questionnaire";
import { expect, test } from "./support/test";
import { actFor, createWorld } from "./support/world";

test("a partner completes a rating in a version 2 cycle: the new questions, best answers first", async ({
  page,
  db,
}) => {
  test.setTimeout(budget({ pages: 12 }));
  const { prime, partner, cycle } = await createWorld(db, { framework: frameworkV2 });
  await actFor(page, partner);
  await page.getByRole("link", { name: `Rate ${prime.name}` }).click();
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Your rating of ${prime.name}`);

  await page.getByRole("link", { name: "Sharing risk fairly" }).click();
  await expect(page.getByText("Principle 1 of 5")).toBeVisible();
  // Creaming and parking is asked, and every scale runs the same way: the positive end first.
  const creaming = page.getByRole("group", { name: /a fair mix of service users/ });
  await expect(creaming.getByRole("radio").first()).toHaveAccessibleName("Strongly agree");
  const shielded = page.getByRole("group", { name: /shielded you from financial risk/ });
  await expect(shielded.getByRole("radio").first()).toHaveAccessibleName("To a great extent");
  await expectNoAxeViolations(page);
  await answerPage(page);
  await saveAndContinue(page);

  // Payment as the law measures it: shares of invoices, with Don't know.
  await expect(page.getByText("Principle 2 of 5")).toBeVisible();
  const within30 = page.getByRole("group", { name: /what percentage did it pay within 30 days/ });
  await expect(within30).toBeVisible();
  await expect(within30.getByRole("checkbox", { name: "Don’t know" })).toBeVisible();
  await expect(page.getByRole("group", { name: /management fee your prime keeps/ })).toBeVisible();
  await expect(page.getByRole("group", { name: /the way your prime pays you/ })).toBeVisible();
  await answerPage(page, { number: "96" });
  await saveAndContinue(page);

  for (const index of [3, 4, 5]) {
    await expect(page.getByText(`Principle ${index} of 5`)).toBeVisible();
    await answerPage(page, { number: "96" });
    await saveAndContinue(page);
  }
  // Check your answers: the first answer shown was the best one.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before you submit");
  const risk = page.getByRole("region", { name: "Sharing risk fairly" });
  await expect(risk).toContainText("Viable for the whole contract");
  await expect(risk).toContainText("a fair mix of service users");
  await page.getByRole("button", { name: "Submit your answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Answers submitted");

  const stored = await db.assessment.findFirstOrThrow({
    where: { cycleId: cycle.id, respondentOrgId: partner.id },
    select: { frameworkVersion: true, status: true, _count: { select: { answers: true } } },
  });
  expect(stored).toEqual({
    frameworkVersion: "2.0",
    status: "SUBMITTED",
    _count: { answers: questionsFor(frameworkV2, "subcontractor").length },
  });
});
