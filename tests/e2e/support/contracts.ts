import { expect, type Page } from "@playwright/test";
import { actAs } from "./questionnaire";

export const COUNCIL = "Northmoor County Council";

export const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

export interface ContractIds {
  contractId: string;
  primeId: string;
}

/**
 * A contract of the spec's own, so it can start and submit ratings without changing what other
 * specs find: the council lets it to an existing demo prime, puts `partners` (demo partners keep
 * their names, so they can act through the demo) on the rating list, and opens a cycle today.
 */
export async function createOwnContract(
  page: Page,
  {
    title,
    reference,
    prime,
    partners,
    asDemo = true,
  }: {
    title: string;
    reference: string;
    prime: string;
    partners: readonly string[];
    /** Act for the council through the demo; false when the page is already signed in as its member. */
    asDemo?: boolean;
  },
): Promise<ContractIds> {
  if (asDemo) await actAs(page, COUNCIL);
  await page.goto("/contracts/new");
  await page.getByLabel("Contract title").fill(title);
  await page.getByLabel("Your reference").fill(reference);
  await page.getByLabel("£1m–£10m").check();
  await page.getByLabel("Start date").fill(isoDay(-30));
  await page.getByLabel("Prime contractor", { exact: true }).fill(prime);
  await page.getByRole("button", { name: "Create contract" }).click();
  await expect(page.getByRole("status")).toContainText("Contract created");
  const contractId = new URL(page.url()).pathname.split("/")[2] ?? "";

  for (const partner of partners) {
    await page.getByText("Add a partner").click();
    await page.getByLabel("Partner organisation's name").fill(partner);
    await page.getByLabel("Voluntary, community or social enterprise").check();
    await page.getByLabel("Small (£100k to £1m)").check();
    await page.getByRole("group", { name: "Was it named in the prime's bid?" }).getByLabel("Yes").check();
    await page.getByLabel("Delivering", { exact: true }).check();
    await page.getByRole("button", { name: "Add partner" }).click();
    await expect(page.getByRole("status")).toContainText(`${partner} added to the supply chain`);
  }
  await page.getByText("Open a new cycle").click();
  await page.getByLabel("Cycle name").fill(`${reference} cycle`);
  await page.getByLabel("Opens on").fill(isoDay(-1));
  await page.getByLabel("Closes at the end of").fill(isoDay(60));
  await page.getByRole("button", { name: "Open cycle" }).click();
  await expect(page.getByRole("status")).toContainText("Rating cycle opened");

  await page.goto(`/contracts/${contractId}/report`);
  const href = (await page.getByRole("link", { name: new RegExp(`^${prime}`) }).getAttribute("href")) ?? "";
  const primeId = href.split("/")[4] ?? "";
  expect(primeId).not.toBe("");
  return { contractId, primeId };
}
