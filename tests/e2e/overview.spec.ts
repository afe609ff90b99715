import { actAs, expectNoAxeViolations } from "./support/questionnaire";
import { expect, test } from "./support/test";

// Issue 17: the commissioner lands on its primes, worst first, from the seeded demo's released cycle.

test("a commissioner lands on its primes worst first, filters them, and opens the first one's evidence", async ({
  page,
}) => {
  await actAs(page, "Northmoor County Council");
  await expect(
    page.getByRole("heading", { name: "Primes across your contracts, worst first" }),
  ).toBeVisible();
  const table = page.getByRole("table", { name: /Primes, worst first/ });
  for (const column of ["Band", "Red flags raised", "Prime's claim minus partners'", "Partners answered"])
    await expect(table.getByRole("columnheader", { name: column })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /^Change since/ })).toBeVisible();
  const rows = table.getByRole("row");
  // A header and one row per prime on each contract.
  const count = await rows.count();
  expect(count).toBeGreaterThan(2);
  // Worst first: the bands never get better going down the table.
  const order = ["Concern", "Developing", "Good", "Strong", "Not released"];
  const bands = await table.locator("tbody tr td:first-of-type").allInnerTexts();
  const ranks = bands.map((b) => order.indexOf(b.trim()));
  expect(ranks.every((r) => r >= 0)).toBe(true);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  await expectNoAxeViolations(page);

  // Filtering by the first row's band keeps it; a band nobody has shows a count of none.
  const first = rows.nth(1);
  const firstPrime = (await first.getByRole("link").innerText()).trim();
  await page.getByLabel("Band").selectOption({ label: bands[0]?.trim() ?? "" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(table.getByRole("row").nth(1).getByRole("link")).toHaveText(firstPrime);

  await table.getByRole("row").nth(1).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(firstPrime.replace(/ \(.*\)$/, ""));
  await expect(page.getByRole("heading", { name: "Red flags", exact: true })).toBeVisible();
});

test("a commissioner narrows its overview to one service area, without JavaScript too", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await actAs(page, "Northmoor County Council");
  const table = page.getByRole("table", { name: /Primes, worst first/ });
  await expect(table.getByRole("row").filter({ hasText: "Castlegate" }).first()).toBeVisible();
  await page.getByLabel("Service area").selectOption({ label: "Health and social care" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/area=health/);
  // The demo's health contract is let to Harbourline alone; its employment contract's primes go.
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("row").nth(1)).toContainText("Harbourline");
  await expect(page.getByRole("status")).toContainText("1 of 3 rows match");
  await expect(page.getByLabel("Service area")).toHaveValue("health");
  await context.close();
});
