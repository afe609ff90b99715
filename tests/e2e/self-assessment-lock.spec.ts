import { answersAt } from "../support/answers";
import { createEvidence } from "../support/evidence-factory";
import { createAssessment } from "../support/factories";
import { budget } from "./support/budget";
import { answerPage, expectNoAxeViolations, saveAndContinue } from "./support/questionnaire";
import { expect, test } from "./support/test";
import { actFor, createWorld, releaseWorld } from "./support/world";

/**
 * Issue 18, part 3 (docs/decisions/0029): once partners' figures are released, the prime's
 * self-assessment cannot be edited; a change is version 2, shown to the prime and the commissioner
 * as changed after release, with version 1 still readable as it was. Before the release the prime
 * may remove an evidence file; after it, not.
 */
test("after release a prime's self-assessment cannot be edited, and a correction is a new, visible version", async ({
  page,
  db,
}) => {
  test.setTimeout(budget({ pages: 24, axe: 4 }));
  const world = await createWorld(db, { partners: 3, submitted: 3 });
  const { prime, council } = world;
  const original = await createAssessment(db, {
    contractId: world.contract.id,
    cycleId: world.cycle.id,
    primeId: prime.id,
    respondentOrgId: prime.id,
    perspective: "prime",
    answers: answersAt("prime", "best"),
    submittedAt: new Date(Date.now() - 3_600_000),
  });
  const file = (fileName: string) =>
    createEvidence(db, { assessmentId: original.id, principleKey: "fair-payment", kind: "pdf", fileName });
  await file("wrong-year.pdf");
  await file("payment-run.pdf");

  // Before the release the prime removes a file it added by mistake.
  await actFor(page, prime);
  await page.goto(`/evidence/${original.id}`);
  await page.getByLabel("wrong-year.pdf").check();
  await page.getByRole("button", { name: "Remove file" }).click();
  await expect(page.getByRole("status")).toHaveText("The file has been removed.");
  await expect(page.getByRole("link", { name: "wrong-year.pdf" })).toHaveCount(0);

  await releaseWorld(db, world);

  // The self-assessment says it is locked; no page of it offers a form to change it.
  await page.goto(`/assessments/${original.id}`);
  await expect(page.getByText("so these answers are locked as they were then")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start a correction" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.goto(`/assessments/${original.id}/fair-payment`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("These answers have been submitted");
  await expect(page.getByRole("main").locator("form")).toHaveCount(0);
  await page.goto(`/evidence/${original.id}`);
  await expect(page.getByText(/Partners' figures for this cycle were released on/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Remove a file" })).toHaveCount(0);

  // A change is version 2, made after the release.
  await page.goto(`/assessments/${original.id}`);
  await page.getByRole("button", { name: "Start a new version" }).click();
  await expect(
    page.getByText("This is version 2, a change after partners' figures were released"),
  ).toBeVisible();
  const v2 = new URL(page.url()).pathname.split("/")[2] ?? "";
  expect(v2).not.toBe(original.id);
  await page.getByRole("link", { name: "Paying fairly and on time" }).click();
  await answerPage(page, { number: "75" });
  await saveAndContinue(page);
  // Every principle is answered already, so saving leads straight to the check page.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before you submit");
  await page.getByRole("button", { name: "Submit your answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Answers submitted");

  await page.goto(`/self-assessments/${v2}`);
  await expect(page.getByText(/^Version 2, changed on .+ after release$/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page
    .getByRole("link", { name: /^Version 1, as it was when partners' figures were released on/ })
    .click();
  await expect(page.getByText(/Version 1, as it was when .* \(shown below\)/)).toBeVisible();

  // The commissioner sees both, version 2 named as changed after release, version 1 as reports use it.
  await actFor(page, council);
  await page.goto(`/self-assessments/${original.id}`);
  await expect(page.getByRole("listitem").filter({ hasText: "Version 1" })).toContainText("used in reports");
  await page.getByRole("link", { name: /^Version 2, changed on .+ after release$/ }).click();
  await expect(page.getByText(/^Version 2, changed on .+ after release$/)).toBeVisible();
  await expectNoAxeViolations(page);

  // The report says which version it compares with partners' figures: the locked one.
  await page.goto(`/contracts/${world.contract.id}/primes/${prime.id}/report`);
  await expect(page.getByText("Self-assessment in this report:")).toContainText(
    /Version 1, as it was when partners' figures were released on .+\. Not used here: Version 2, changed on .+ after release\./,
  );

  // A partner of the prime finds no version at all.
  await actFor(page, world.partner);
  expect((await page.goto(`/self-assessments/${original.id}`))?.status()).toBe(404);
  expect((await page.goto(`/self-assessments/${v2}`))?.status()).toBe(404);

  // The locked version is as it was: same answers, same submission time.
  const versions = await db.assessment.findMany({
    where: { cycleId: world.cycle.id, respondentOrgId: prime.id },
    orderBy: { version: "asc" },
    select: {
      id: true,
      afterRelease: true,
      status: true,
      submittedAt: true,
      _count: { select: { answers: true } },
    },
  });
  expect(versions.map((v) => [v.id === original.id, v.afterRelease, v.status])).toEqual([
    [true, false, "SUBMITTED"],
    [false, true, "SUBMITTED"],
  ]);
  expect(versions[0]?.submittedAt).toEqual(original.submittedAt);
});
