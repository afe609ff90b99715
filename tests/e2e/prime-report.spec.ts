import type { Page } from "@playwright/test";
import { demoCycles } from "../../prisma/demo-data";
import { actAs, expectNoAxeViolations } from "./support/questionnaire";
import { expect, test } from "./support/test";

// The seeded demo's closed cycle, released at the council's threshold; no test changes it.
const CLOSED = demoCycles()[0]?.name ?? "";
const CONTRACT = "Northmoor Working Well: employment support";
const CASTLEGATE = "Castlegate Employment Services Ltd";

/** Castlegate (North)'s report for the closed cycle, reached as the council reaches it. */
async function openPrimeReport(page: Page): Promise<string> {
  await actAs(page, "Northmoor County Council");
  await page.getByRole("link", { name: "Your contracts" }).click();
  await page.getByRole("link", { name: CONTRACT }).click();
  await page.getByRole("link", { name: "Read the supply-chain report" }).click();
  await page.getByLabel("Rating cycle", { exact: true }).selectOption({ label: CLOSED });
  await page.getByRole("button", { name: "Show" }).click();
  await page.getByRole("link", { name: new RegExp(`^${CASTLEGATE} \\(North\\): its claims`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${CASTLEGATE} (North)`);
  return page.url();
}

const summary = (page: Page) => page.getByRole("region", { name: "Summary" });

test("a prime's report opens on a one-screen summary, its blind spots in the prime's words, biggest first", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openPrimeReport(page);

  // The summary comes first, and fits the first screen.
  await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText("Summary");
  const box = await summary(page).boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(900);

  // It says what the detail says: the band and overall figure of the table by principle.
  const overall = page
    .getByRole("table", { name: /The prime's view and its partners'/ })
    .getByRole("row")
    .filter({ hasText: "Overall" });
  const band = (await overall.getByRole("cell").allTextContents()).find((t) =>
    /^[A-Z][a-z]+$/.test(t.trim()),
  );
  expect(band).toBeTruthy();
  await expect(summary(page).getByTestId("summary-band")).toContainText(`${band?.trim()}, 66 out of 100`);
  await expect(summary(page).getByTestId("summary-gap")).toContainText(
    "own overall score minus the partners'",
  );
  await expect(summary(page).getByTestId("summary-flags")).toBeVisible();
  await expect(summary(page).getByTestId("summary-change")).toBeVisible();

  // Its largest blind spots are the first of the full list, which is grouped by principle.
  const top = summary(page).getByRole("list", { name: "Largest blind spots" }).getByRole("listitem");
  const count = await top.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(3);
  const detail = page.locator("#blind-spots ~ div ul li");
  const gaps = (await detail.allTextContents()).map((t) => Number(/gap \+(\d+(?:\.\d)?)/.exec(t)?.[1]));
  expect(gaps.length).toBeGreaterThanOrEqual(count);
  const first = (await top.first().textContent()) ?? "";
  expect(first).toContain(`gap +${Math.max(...gaps)}`);
  // Worded for the prime ("we", "our partners"), never as a partner was asked ("your prime").
  await expect(page.getByRole("region", { name: "Summary" })).not.toContainText(/your prime/i);
  expect((await page.locator("#blind-spots ~ div").allTextContents()).join(" ")).not.toMatch(/your prime/i);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: testInfo.outputPath("prime-report-1280.png"), fullPage: true });
});

test("a partner's summary of its prime has no claim and no blind spots", async ({ page }) => {
  const url = await openPrimeReport(page);
  await actAs(page, "Riverside Community Trust");
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`How partners rate ${CASTLEGATE} (North)`);
  // A partner's view of the figures is its own release view (it never sees the prime's answers).
  await expect(summary(page).getByTestId("summary-band")).toHaveText(/^[A-Z][a-z]+, \d+ out of 100$/);
  await expect(summary(page).getByTestId("summary-gap")).toHaveCount(0);
  await expect(summary(page).getByRole("list", { name: "Largest blind spots" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Blind spots and hidden strengths" })).toHaveCount(0);
});
