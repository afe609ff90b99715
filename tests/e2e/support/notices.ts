import { readFile, writeFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { BUDGET, extendBudget } from "./budget";

let made = 0;

/**
 * The Contracts Finder award fixture as the given council's own notice: its buyer's name and id
 * replaced, so the notice is that council's to import (a notice is only its buyer's), and no other
 * test's council already holds the buyer's identifier in the worker's database. Written to the
 * test's output folder; `edit` changes the text first.
 */
export async function councilsNotice(councilName: string, edit: (text: string) => string = (t) => t) {
  const fixture = await readFile("lib/ocds/fixtures/contracts-finder-award.json", "utf8");
  const buyerId = `GB-CFS-${Date.now() % 1e9}${made++}`;
  const text = edit(
    fixture.replaceAll("Northmoor County Council", councilName).replaceAll("GB-CFS-204871", buyerId),
  );
  const file = test.info().outputPath(`notice-${made}.json`);
  await writeFile(file, text);
  return { file, text, buyerId };
}

/**
 * Uploads an OCDS file on the import page and waits for the background import to finish on its own
 * page (issue 14): as long as the queue's poll and the work take, within BUDGET.job.
 */
export async function importFile(page: Page, file: string) {
  extendBudget(BUDGET.job);
  await page.goto("/contracts/import");
  await page.getByLabel("Upload an OCDS file").setInputFiles(file);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page).toHaveURL(/\/contracts\/import\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 2, name: /imported$/ })).toBeVisible({
    timeout: BUDGET.job,
  });
}
