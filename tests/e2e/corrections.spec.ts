import { budget } from "./support/budget";
import { answerPage, saveAndContinue } from "./support/questionnaire";
import { expect, test } from "./support/test";
import { actFor, createWorld } from "./support/world";

/**
 * A correction through the pages, against the database's own guards (ADR 0014): the first
 * submission stays as it was, the correction is version 2 and is submitted, and once the cycle has
 * closed no correction is offered (issue 19: one started then could never be sent).
 */
test("a prime corrects its submitted self-assessment while the cycle is open, and not after", async ({
  page,
  db,
}) => {
  test.setTimeout(budget({ pages: 16 }));
  const { prime, contract, cycle } = await createWorld(db);
  await actFor(page, prime);
  await page.getByRole("link", { name: `Self-assessment: ${contract.title}` }).click();
  await page.getByRole("button", { name: "Start now" }).click();
  await page.getByRole("link", { name: "Sharing risk fairly" }).click();
  for (let index = 0; index < 5; index++) {
    await expect(page.getByText(`Principle ${index + 1} of 5`)).toBeVisible();
    await answerPage(page, { number: "20" });
    await saveAndContinue(page);
  }
  await page.getByRole("button", { name: "Submit your answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Answers submitted");
  const first = await db.assessment.findFirstOrThrow({
    where: { cycleId: cycle.id, respondentOrgId: prime.id },
    select: { id: true, reference: true, submittedAt: true },
  });

  await page.goto(`/assessments/${first.id}`);
  await page.getByRole("button", { name: "Start a correction" }).click();
  await expect(page.getByText("This is a correction (version 2)")).toBeVisible();
  await page.getByRole("link", { name: "Check your answers and submit" }).click();
  await page.getByRole("button", { name: "Submit your answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Answers submitted");

  const versions = await db.assessment.findMany({
    where: { cycleId: cycle.id, respondentOrgId: prime.id },
    orderBy: { version: "asc" },
    select: { id: true, version: true, status: true, supersedesId: true, submittedAt: true },
  });
  expect(versions.map((v) => [v.version, v.status])).toEqual([
    [1, "SUBMITTED"],
    [2, "SUBMITTED"],
  ]);
  expect(versions[1]?.supersedesId).toBe(first.id);
  expect(versions[0]?.submittedAt).toEqual(first.submittedAt);

  // The cycle closes: the newest version is shown as final, with no way to start another.
  await db.cycle.update({ where: { id: cycle.id }, data: { closesAt: new Date(Date.now() - 1000) } });
  await page.goto(`/assessments/${versions[1]?.id}`);
  await expect(page.getByText("can no longer be corrected")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start a correction" })).toHaveCount(0);
});
