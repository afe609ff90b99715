import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { demoCycles } from "../../prisma/demo-data";
import { budget } from "./support/budget";
import { isoDay } from "./support/contracts";
import { actAs, errorSummary, expectNoAxeViolations } from "./support/questionnaire";
import { expect, test } from "./support/test";
import { actFor, createWorld, type Org } from "./support/world";

// The closed cycle of the seeded demo (its dates follow today: prisma/demo-data.ts): every partner
// answered, the seed released it (at the council's threshold of 3), and no test changes the seeded
// data, so its figures are known. The open cycle shows counts only.
const CLOSED = demoCycles()[0]?.name ?? "";
const CONTRACT = "Northmoor Working Well: employment support";
const CASTLEGATE = "Castlegate Employment Services Ltd";

/** The council's report on one of its contracts, reached as the council would: the seeded one by default. */
async function openContractReport(page: Page, council?: Org, contract = CONTRACT) {
  if (council) await actFor(page, council);
  else await actAs(page, "Northmoor County Council");
  await page.getByRole("link", { name: "Your contracts" }).click();
  await page.getByRole("link", { name: contract }).click();
  await page.getByRole("link", { name: "Read the supply-chain report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${contract}: supply-chain report`);
}

async function showCycle(page: Page, name: string) {
  await page.getByLabel("Rating cycle").selectOption({ label: name });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText(`, ${name}`, { exact: false }).first()).toBeVisible();
}

async function download(page: Page, link: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: link }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, "utf8") };
}

test("a commissioner reads a contract report, filters by cycle, downloads its CSV and prints it", async ({
  page,
}, testInfo) => {
  await openContractReport(page);
  // The open cycle, as it opens: how many answered, and no partners' figure before its release,
  // nor a chart or table of empty cells: what is missing, and the last released cycle to read.
  await expect(page.getByRole("heading", { name: "No partners' figures yet" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Primes side by side/ })).toHaveCount(0);
  const answers = page.getByRole("table", { name: "Answers so far, by prime" });
  await expect(answers.getByRole("row").filter({ hasText: CASTLEGATE })).toContainText(/\d+ of 5/);
  await expect(page.getByRole("link", { name: `See ${CLOSED}, the last released cycle` })).toBeVisible();
  await expectNoAxeViolations(page);
  await showCycle(page, CLOSED);
  await expect(page).toHaveURL(/\?cycle=/);

  const primes = page.getByRole("table", { name: /Primes side by side/ });
  const castlegate = primes.getByRole("row").filter({ hasText: CASTLEGATE });
  await expect(castlegate).toContainText("5 of 5");
  // 65.8 and 33.3 as stored, shown as whole numbers: each rests on 5 partners (lib/reports/format.ts).
  await expect(castlegate).toContainText("66");
  await expect(castlegate).not.toContainText("65.8");
  await expect(primes.getByRole("row").filter({ hasText: "Meridian Outcomes plc" })).toContainText("33");
  await expect(page.getByRole("img", { name: /Partners' mean score for each prime/ })).toBeVisible();
  await expectNoAxeViolations(page);

  const csv = await download(page, "Primes side by side (CSV)");
  expect(csv.name).toBe("ncc-2025-014-2025-26-primes.csv");
  const [header, ...rows] = csv.text.trim().split("\r\n");
  expect(header).toContain("Prime,Cycle,Partners answered,Partners on the rating list,Response rate (%)");
  const row = rows.find((r) => r.startsWith(`${CASTLEGATE} (North)`));
  expect(row?.split(",").slice(1, 5)).toEqual([CLOSED, "5", "5", "100"]);
  expect(row).toContain(",65.8,");

  const pdf = await page.request.get(
    (await page.getByRole("link", { name: "The whole report (PDF)" }).getAttribute("href")) ?? "",
  );
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("heading", { name: "Download this report" })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath("contract-report-print.png"), fullPage: true });
  await page.emulateMedia({ media: "screen" });

  await page.getByRole("link", { name: new RegExp(`^${CASTLEGATE} \\(North\\): its claims`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${CASTLEGATE} (North)`);
  const principles = page.getByRole("table", { name: /The prime's view and its partners'/ });
  await expect(principles.getByRole("row").filter({ hasText: "Overall" })).toContainText("84.3");
  await expect(principles.getByRole("row").filter({ hasText: "Overall" })).toContainText("66");
  await expect(page.getByRole("heading", { name: "Blind spots and hidden strengths" })).toBeVisible();
  // The figures are the release's: fixed once the cycle closed, and the page says so.
  await expect(page.getByText("These figures were released once, after the cycle closed")).toBeVisible();
  await expectNoAxeViolations(page);
  const flags = await download(page, "Red flags (CSV)");
  expect(flags.text.split("\r\n")[0]).toBe(
    "Prime,Cycle,Flag,What it means,Partners raising it,Partners answering,Share (%)",
  );
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: testInfo.outputPath("prime-report-print.png"), fullPage: true });
});

test("a commissioner compares every prime across its contracts, filters, and downloads the table", async ({
  page,
}, testInfo) => {
  await actAs(page, "Northmoor County Council");
  await page.getByRole("link", { name: "Compare every prime" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Primes across your contracts");
  await page.getByLabel("Rating cycle").selectOption(CLOSED);
  await page.getByRole("button", { name: "Show" }).click();
  const table = page.getByRole("table", { name: new RegExp(`each contract, ${CLOSED}`) });
  await expect(table.getByRole("row")).toHaveCount(4);
  await expect(table.getByRole("row").filter({ hasText: "Harbourline Care Partnerships Ltd" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A search, not a list of every contract: a national programme lets hundreds.
  await page.getByLabel("Prime or contract").fill("harbourline");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("status")).toContainText("1 of 3 rows match");
  await page.getByLabel("Prime or contract").fill("nothing like this");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("status")).toContainText("No prime or contract matches");
  await expect(page.getByLabel("Prime or contract")).toHaveValue("nothing like this");
  await page.getByLabel("Prime or contract").fill("working well");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(table.getByRole("row")).toHaveCount(3);
  const csv = await download(page, "Download this table (CSV)");
  const lines = csv.text.trim().split("\r\n");
  expect(lines).toHaveLength(3);
  expect(
    lines.find((l) => l.startsWith("NCC-2025-014,Northmoor Working Well: employment support,Meridian")),
  ).toContain(",33.3,");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Show" })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath("programme-report-print.png"), fullPage: true });
});

test("a prime adds to its action plan and replies, and the commissioner reads both", async ({ page, db }) => {
  test.setTimeout(budget({ pages: 16 }));
  // A contract of the test's own: the plan and replies it writes are seen by no other test.
  const world = await createWorld(db, { lot: "South" });
  const heading = `${world.prime.name} (South)`;
  await actFor(page, world.prime);
  await page.getByRole("link", { name: `${world.contract.title}: your view beside your partners'` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expectNoAxeViolations(page);

  await page.getByText("Add an action").click();
  await page.getByLabel("What will be done").fill("Pay every partner within 14 days of invoice");
  await page.getByRole("button", { name: "Add to the plan" }).click();
  await expect(errorSummary(page)).toContainText("Enter who is responsible");
  await expect(errorSummary(page)).toContainText("Enter the due date");
  await expect(page.getByLabel("What will be done")).toHaveValue(
    "Pay every partner within 14 days of invoice",
  );
  await expectNoAxeViolations(page);
  await page.getByLabel("Who is responsible").fill("Head of supply chain");
  await page.getByLabel("Due by").fill(isoDay(90));
  await page.getByLabel("Paying fairly and on time", { exact: true }).check();
  await page.getByRole("button", { name: "Add to the plan" }).click();
  await expect(page.getByRole("status")).toContainText("Action added to the plan");
  const plan = page.getByRole("table", { name: /The prime's actions/ });
  await expect(plan).toContainText("Pay every partner within 14 days of invoice");
  await page.getByLabel(/Status of/).selectOption("IN_PROGRESS");
  await page.getByRole("button", { name: /^Update/ }).click();
  await expect(page.getByRole("status")).toContainText("Action updated");

  await expect(page.getByRole("region", { name: "The prime's reply" })).toContainText(
    "The prime has not replied",
  );
  await page.getByRole("link", { name: "Reply to your partners" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reply to your partners");
  await expect(page.getByText(/Partners' mean .*; your own score/).first()).toBeVisible();
  await page
    .getByLabel("Your reply on paying fairly and on time")
    .fill("We moved to 14-day terms in October.");
  await page.getByRole("button", { name: "Save replies" }).click();
  await expect(page.getByRole("status")).toContainText("Your replies have been saved");
  await expect(page.getByRole("region", { name: "The prime's reply" })).toContainText(
    "We moved to 14-day terms in October.",
  );
  await expect(page.getByRole("link", { name: "Change your replies" })).toBeVisible();

  await openContractReport(page, world.council, world.contract.title);
  await page.getByRole("link", { name: `${heading}: its claims`, exact: false }).click();
  await expect(page.getByRole("region", { name: "The prime's reply" })).toContainText(
    "We moved to 14-day terms in October.",
  );
  await expect(page.getByRole("table", { name: /The prime's actions/ })).toContainText("In progress");
  await expect(page.getByRole("button", { name: "Add to the plan" })).toHaveCount(0);
});

test("a partner reads the released figures its prime reads, never the prime's own answers", async ({
  page,
}) => {
  test.setTimeout(budget({ pages: 8 }));
  // What Meridian reads of its partners' figures in the released cycle (its view: ADR 0011).
  await actAs(page, "Meridian Outcomes plc");
  await page.getByRole("link", { name: `${CONTRACT}: your view beside your partners'` }).click();
  await showCycle(page, CLOSED);
  const primeTable = page.getByRole("table", { name: "The prime's view and its partners', by principle" });
  const primeOverall = primeTable.getByRole("row").filter({ hasText: "Overall" }).getByRole("cell").nth(1);
  const overall = (await primeOverall.textContent())?.trim() ?? "";
  // Five partners: a whole number.
  expect(overall).toMatch(/^\d+$/);

  await actAs(page, "Hillside Recovery Network");
  await page.getByRole("link", { name: /^Meridian Outcomes plc on .*: what partners say, combined/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "How partners rate Meridian Outcomes plc (South)",
  );
  await showCycle(page, CLOSED);
  await expect(page.getByText("5 of 5 partners")).toBeVisible();
  const table = page.getByRole("table", { name: "Partners' view, by principle" });
  await expect(table.getByRole("row").filter({ hasText: "Overall" }).getByRole("cell").first()).toHaveText(
    overall,
  );
  // The commissioner's figure (with the facts the prime sets per partner) is not the partner's to read.
  if (overall !== "33")
    await expect(table.getByRole("row").filter({ hasText: "Overall" })).not.toContainText("33");
  await expect(page.getByRole("region", { name: /Released figures for/ })).toContainText("On this contract");
  await expect(table).not.toContainText("Prime's own score");
  await expect(page.getByRole("heading", { name: "The prime's reply" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "What partners wrote" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("before its release a prime's report says what is missing, when it comes and what to do now", async ({
  page,
  db,
}) => {
  // A contract of the test's own: its one cycle is open, two of five partners have answered, and
  // the prime has not assessed itself.
  const world = await createWorld(db, { partners: 5, submitted: 2 });
  await actFor(page, world.prime);
  await page.getByRole("link", { name: `${world.contract.title}: your view beside your partners'` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(world.prime.name);
  const missing = page.getByRole("region", { name: "No partners' figures yet" });
  await expect(missing).toContainText("of 5 partners");
  await expect(missing).toContainText(/until the cycle closes on \d{1,2} \w+ \d{4}/);
  await expect(missing).toContainText(/at least \d+ partners have answered/);
  // No empty chart, no table of "Not shown", no spread of nothing.
  await expect(page.getByRole("img", { name: /by principle/ })).toHaveCount(0);
  await expect(page.getByRole("table", { name: /partners'/i })).toHaveCount(0);
  await expect(page.getByText("Not shown")).toHaveCount(0);
  await expect(page.getByText("no figure")).toHaveCount(0);
  await expectNoAxeViolations(page);
  // The next step is the prime's own: its self-assessment.
  await missing.getByRole("link", { name: "Do your self-assessment" }).click();
  await expect(page).toHaveURL(new RegExp(`/primes/${world.prime.id}/self-assessment$`));
});

test("with nothing released for the cycle, the programme page says so and links to the cycle before", async ({
  page,
}) => {
  await actAs(page, "Northmoor County Council");
  await page.getByRole("link", { name: "Compare every prime" }).click();
  // It opens on the open cycle: partners are still answering, nothing of it is released.
  const missing = page.getByRole("region", { name: /^No partners' figures for .* yet$/ });
  await expect(missing).toContainText(/\d+ of \d+ partners/);
  await expect(page.getByText("Not shown")).toHaveCount(0);
  await expect(page.getByRole("table", { name: /Partners answering for each prime/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await missing.getByRole("link", { name: `See ${CLOSED}, the cycle before` }).click();
  await expect(
    page.getByRole("table", { name: new RegExp(`mean score for each prime on each contract, ${CLOSED}`) }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: /^No partners' figures/ })).toHaveCount(0);
});

test.describe("who may not see a report", () => {
  test("a prime cannot open another prime's report, nor a partner one it does not rate", async ({ page }) => {
    test.setTimeout(budget({ pages: 12 }));
    await actAs(page, "Meridian Outcomes plc");
    const own = page.getByRole("link", { name: `${CONTRACT}: your view beside your partners'` });
    const href = (await own.getAttribute("href")) ?? "";
    const contract = href.split("/")[2];
    await openContractReport(page);
    const castlegateHref =
      (await page
        .getByRole("link", { name: new RegExp(`^${CASTLEGATE} \\(North\\): its claims`) })
        .getAttribute("href")) ?? "";

    await actAs(page, "Meridian Outcomes plc");
    let response = await page.goto(castlegateHref);
    expect(response?.status()).toBe(404);
    await expect(page.getByText(CASTLEGATE)).toHaveCount(0);
    response = await page.goto(`${castlegateHref}/export?format=csv&table=principles`);
    expect(response?.status()).toBe(404);
    // The contract report only ever shows a prime itself.
    await page.goto(`/contracts/${contract}/report`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meridian Outcomes plc (South)");

    await actAs(page, "Hillside Recovery Network");
    response = await page.goto(castlegateHref);
    expect(response?.status()).toBe(404);
  });

  test("someone signed out is asked to sign in, and downloads are refused", async ({ page }) => {
    await page.goto("/contracts/any/report");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    const csv = await page.request.get("/contracts/any/report/export?format=csv&table=primes");
    expect(csv.status()).toBe(401);
    const json = await page.request.get("/api/reports/contracts/any");
    expect(json.status()).toBe(401);
  });
});
