import type { Page } from "@playwright/test";
import { frameworkV2 } from "@/lib/framework";
import { answersAt } from "../support/answers";
import { createAssessment } from "../support/factories";
import { budget } from "./support/budget";
import { answerPage, expectNoAxeViolations, saveAndContinue } from "./support/questionnaire";
import { expect, test } from "./support/test";
import { actFor, createWorld, releaseWorld } from "./support/world";

/**
 * Issue 16's acceptance in the browser: a partner completes a version 2 rating; once the cycle's
 * figures are released, the prime's report sets the statutory payment figures, the prime's own and
 * partners' released figures side by side, and says where they disagree.
 */

/** Every question of every page answered, each share of invoices as `share`, then submitted. */
async function rateEveryPage(page: Page, primeName: string, share: string) {
  await page.getByRole("link", { name: `Rate ${primeName}` }).click();
  await page.getByRole("button", { name: "Start now" }).click();
  await page.getByRole("link", { name: "Sharing risk fairly" }).click();
  for (const index of [1, 2, 3, 4, 5]) {
    await expect(page.getByText(`Principle ${index} of 5`)).toBeVisible();
    await answerPage(page, { number: share });
    await saveAndContinue(page);
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before you submit");
  await page.getByRole("button", { name: "Submit your answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Answers submitted");
}

test("a partner rates on version 2; after the release the prime's report shows statutory, self-reported and partners' payment figures side by side", async ({
  page,
  db,
}) => {
  test.setTimeout(budget({ pages: 16, axe: 2 }));
  // Three partners: the release threshold's floor (releaseWorld sets it), so partners' figures exist.
  const world = await createWorld(db, { partners: 3, framework: frameworkV2 });
  const { prime, contract, cycle } = world;
  const [partner, ...others] = world.partners;
  if (!partner) throw new Error("no partner");
  const partnerAnswers = answersAt(
    "subcontractor",
    "best",
    { "pay.within-30.sub": 40, "pay.31-60.sub": 40, "pay.over-60.sub": 40, "pay.not-in-terms.sub": 40 },
    frameworkV2,
  );
  for (const other of others) {
    await createAssessment(db, {
      contractId: contract.id,
      cycleId: cycle.id,
      primeId: prime.id,
      respondentOrgId: other.id,
      perspective: "subcontractor",
      answers: partnerAnswers,
      submittedAt: new Date(Date.now() - 60_000),
      framework: frameworkV2,
    });
  }
  // The prime says it pays 96% within 30 days; its statutory report, 38%.
  await createAssessment(db, {
    contractId: contract.id,
    cycleId: cycle.id,
    primeId: prime.id,
    respondentOrgId: prime.id,
    perspective: "prime",
    answers: answersAt(
      "prime",
      "best",
      {
        "pay.within-30.prime": 96,
        "pay.31-60.prime": 3,
        "pay.over-60.prime": 1,
        "pay.not-in-terms.prime": 2,
      },
      frameworkV2,
    ),
    submittedAt: new Date(Date.now() - 60_000),
    framework: frameworkV2,
  });
  // A company number and report id of this test's own: the worker's database is shared by its specs.
  const number = `7${String(Date.now() % 1e7).padStart(7, "0")}`;
  await db.organisationIdentifier.create({
    data: { organisationId: prime.id, scheme: "GB-COH", value: number },
  });
  await db.paymentPracticeReport.create({
    data: {
      reportId: `e2e-${number}`,
      startDate: new Date("2026-04-01"),
      endDate: new Date("2026-09-30"),
      filedOn: new Date("2026-10-20"),
      company: prime.name.toUpperCase(),
      companyNumber: number,
      averageDaysToPay: 41,
      paidWithin30Days: 38,
      paidIn31To60Days: 47,
      paidAfter60Days: 15,
      notPaidWithinTerms: 32,
    },
  });

  // The partner rates in the browser, 40% of its invoices paid within 30 days.
  await actFor(page, partner);
  await rateEveryPage(page, prime.name, "40");
  await releaseWorld(db, world);

  // Its commissioner reads the three side by side.
  await actFor(page, world.council);
  await page.goto(`/contracts/${contract.id}/primes/${prime.id}/report`);
  const record = page.getByRole("region", { name: "Payment record" });
  const table = record.getByRole("table", { name: "Statutory, self-reported and partners' payment figures" });
  await expect(table.getByRole("columnheader")).toHaveText([
    "Measure",
    "Statutory report",
    `${prime.name} says`,
    "Partners say (released)",
  ]);
  const within30 = table.getByRole("row").filter({ hasText: "Invoices paid within 30 days" });
  const cell = (i: number) => within30.getByRole("cell").nth(i);
  const [statutory, claimed, partners] = [cell(0), cell(1), cell(2)];
  await expect(statutory).toContainText("38%");
  await expect(statutory).toContainText("scores 0 of 100");
  await expect(claimed).toContainText("96%");
  await expect(claimed).toContainText("scores 100 of 100");
  await expect(partners).toContainText("mean score 0 of 100");
  await expect(partners).toContainText("3 partners answering");
  await expect(table.getByRole("row").filter({ hasText: "Paid in 31 to 60 days" })).toContainText(
    "Not scored, so no partners' figure is released",
  );
  await expect(record).toContainText(
    `These disagree on invoices paid within 30 days: the statutory report and ${prime.name}'s own answer are 58 percentage points apart.`,
  );
  await expect(record).toContainText(
    `partners' mean score and the score of ${prime.name}'s own answer are 100 points apart`,
  );
  await expect(record).toContainText("more than 10 percentage points apart");
  await expectNoAxeViolations(page);
  await record.screenshot({ path: test.info().outputPath("payment-record.png") });

  // The prime reads the statutory figures and its own, never partners' figures about how it pays them.
  await actFor(page, prime);
  await page.goto(`/contracts/${contract.id}/primes/${prime.id}/report`);
  const own = page.getByRole("region", { name: "Payment record" });
  await expect(own.getByRole("columnheader")).toHaveText([
    "Measure",
    "Statutory report",
    `${prime.name} says`,
  ]);
  await expect(own).toContainText("released to its commissioner only");
  await expect(own).not.toContainText("mean score 0 of 100");
  await expect(own).not.toContainText("partners answering");
  await expectNoAxeViolations(page);
});
