import type { Page } from "@playwright/test";
import { formatDate } from "@/lib/format";
import { budget } from "./support/budget";
import { errorSummary, expectNoAxeViolations } from "./support/questionnaire";
import { expect, test } from "./support/test";
import { actFor, createPerson, createWorld, signInAs, type World } from "./support/world";

/**
 * ADR 0011 step 6 in the browser: a commissioner's administrator releases a period with the button
 * (with JavaScript and without), then the report shows the figures; only administrators reach the
 * page; a partner's start page says who will see its answers, from the programme's thresholds.
 */

/** A world of three partners who have all answered, its cycle closed a moment ago, not released. */
async function closedWorld(db: Parameters<typeof createWorld>[0]): Promise<World> {
  const world = await createWorld(db, { partners: 3, submitted: 3 });
  await db.organisation.update({
    where: { id: world.council.id },
    data: { releaseScoreThreshold: 3, releaseCategoryThreshold: 3 },
  });
  await db.cycle.update({ where: { id: world.cycle.id }, data: { closesAt: new Date(Date.now() - 1000) } });
  return world;
}

/** From the dashboard to the release page, as an administrator would. */
async function openReleases(page: Page) {
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Compare every prime" }).click();
  await page.getByRole("link", { name: "Release partners' figures" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Release partners' figures");
}

async function releaseAndRead(page: Page, world: World, shot: (name: string) => string) {
  await openReleases(page);
  const period = page.getByRole("region", { name: world.cycle.name, exact: true });
  await expect(period.getByRole("row").filter({ hasText: world.contract.title })).toContainText(
    "Closed, not released",
  );
  await expect(period).toContainText(`Nothing of ${world.cycle.name} has been released yet.`);
  await expectNoAxeViolations(page);

  // Without the confirmation: the error summary, its link to the box, nothing released.
  await page.getByRole("button", { name: "Release now" }).click();
  const summary = errorSummary(page);
  await expect(summary).toContainText("Tick the box to confirm");
  await expect(
    page.getByRole("radio", { name: `${world.cycle.name} (1 closed cycle not yet released)` }),
  ).toBeChecked();
  await summary.getByRole("link", { name: /Tick the box/ }).click();
  await expect(page.getByLabel("I understand that released figures are published for good")).toBeFocused();
  await expectNoAxeViolations(page);

  await page.getByLabel("I understand that released figures are published for good").check();
  await page.getByRole("button", { name: "Release now" }).click();
  const result = page.getByRole("status");
  await expect(result).toContainText(`${world.cycle.name} released`);
  await expect(result).toContainText("scopes were published");
  await expect(
    page
      .getByRole("region", { name: world.cycle.name, exact: true })
      .getByRole("row")
      .filter({ hasText: world.contract.title }),
  ).toContainText("Released");
  await expect(page.getByText("Every closed cycle has been released.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: shot("releases.png"), fullPage: true });

  // The report now shows the released figures, with where they come from.
  await page.goto(`/contracts/${world.contract.id}/primes/${world.prime.id}/report`);
  const scopes = page.getByRole("region", { name: /Released figures for/ });
  await expect(scopes.getByRole("listitem").filter({ hasText: "On this contract" })).toContainText(
    `Combines 3 partner organisations, released on ${formatDate(new Date())}`,
  );
  const principles = page.getByRole("table", { name: /The prime's view and its partners'/ });
  // From 3 partners, a whole number: not "100.0" (lib/reports/format.ts).
  await expect(
    principles.getByRole("row").filter({ hasText: "Overall" }).getByRole("cell").nth(1),
  ).toHaveText("100");
  await expect(page.getByText("These figures were released once, after the cycle closed")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: shot("prime-report-scopes.png"), fullPage: true });
}

test("a commissioner's administrator releases a period with the button, then the report shows its figures", async ({
  page,
  db,
  baseURL,
}, testInfo) => {
  test.setTimeout(budget({ pages: 12 }));
  const world = await closedWorld(db);
  const url = baseURL ?? "";
  await signInAs(page, await createPerson(db, url, { organisation: world.council }), url);
  await releaseAndRead(page, world, (name) => testInfo.outputPath(name));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the release form works as a plain form post", async ({ page, db, baseURL }) => {
    test.setTimeout(budget({ pages: 12 }));
    const world = await closedWorld(db);
    const url = baseURL ?? "";
    await signInAs(page, await createPerson(db, url, { organisation: world.council }), url);
    await openReleases(page);
    await page.getByRole("button", { name: "Release now" }).click();
    await expect(errorSummary(page)).toContainText("Tick the box to confirm");
    await page.getByLabel("I understand that released figures are published for good").check();
    await page.getByRole("button", { name: "Release now" }).click();
    await expect(page.getByRole("status")).toContainText(`${world.cycle.name} released`);
    await page.goto(`/contracts/${world.contract.id}/primes/${world.prime.id}/report`);
    await expect(
      page
        .getByRole("table", { name: /The prime's view and its partners'/ })
        .getByRole("row")
        .filter({
          hasText: "Overall",
        })
        .getByRole("cell")
        .nth(1),
    ).toHaveText("100");
  });

  test("the thresholds form raises, and refuses a lower number beside its field", async ({
    page,
    db,
    baseURL,
  }) => {
    test.setTimeout(budget({ pages: 6 }));
    const world = await closedWorld(db);
    const url = baseURL ?? "";
    await signInAs(page, await createPerson(db, url, { organisation: world.council }), url);
    await openReleases(page);
    await page.getByLabel("Partners every figure must combine").fill("5");
    await page.getByRole("button", { name: "Raise the thresholds" }).click();
    await expect(page.getByRole("status")).toContainText("The thresholds are now 5 and 3.");
    await page.getByLabel("Partners needed on each side of a count").fill("2");
    await page.getByRole("button", { name: "Raise the thresholds" }).click();
    await expect(errorSummary(page)).toContainText("The threshold for counts must be at least 3");
    await expect(page.getByLabel("Partners needed on each side of a count")).toHaveValue("2");
  });
});

test("the administrator raises the thresholds, and a lower number is refused beside its field", async ({
  page,
  db,
  baseURL,
}) => {
  test.setTimeout(budget({ pages: 8, axe: 1 }));
  const world = await closedWorld(db);
  const url = baseURL ?? "";
  await signInAs(page, await createPerson(db, url, { organisation: world.council }), url);
  await openReleases(page);
  const figures = page.getByLabel("Partners every figure must combine");
  const counts = page.getByLabel("Partners needed on each side of a count");
  await expect(figures).toHaveValue("3");
  await figures.fill("6");
  await counts.fill("6");
  await page.getByRole("button", { name: "Raise the thresholds" }).click();
  await expect(page.getByRole("status")).toContainText("The thresholds are now 6 and 6.");
  await expect(figures).toHaveValue("6");

  await figures.fill("5");
  await page.getByRole("button", { name: "Raise the thresholds" }).click();
  await expect(errorSummary(page)).toContainText("It is 6 now and can be raised, never lowered");
  await expect(figures).toHaveValue("5");
  await expect(figures).toHaveAccessibleDescription(/It is 6 now and can be raised, never lowered/);
  await expectNoAxeViolations(page);
  const stored = await db.organisation.findUniqueOrThrow({ where: { id: world.council.id } });
  expect([stored.releaseScoreThreshold, stored.releaseCategoryThreshold]).toEqual([6, 6]);
});

test("only the commissioner's administrators reach the release page", async ({ page, db, baseURL }) => {
  test.setTimeout(budget({ pages: 8 }));
  const world = await closedWorld(db);
  const url = baseURL ?? "";
  await signInAs(page, await createPerson(db, url, { organisation: world.council, role: "MEMBER" }), url);
  await page.goto("/reports");
  await expect(page.getByRole("link", { name: "Release partners' figures" })).toHaveCount(0);
  expect((await page.goto("/reports/releases"))?.status()).toBe(404);
  for (const org of [world.council, world.prime, world.partner]) {
    // Acting for an organisation without signing in (the demo) is never an administrator.
    await page.context().clearCookies();
    await actFor(page, org);
    expect((await page.goto("/reports/releases"))?.status()).toBe(404);
  }
});

test("a partner's start page says who will see its answers, from the programme's thresholds", async ({
  page,
  db,
}) => {
  const world = await createWorld(db);
  await db.organisation.update({
    where: { id: world.council.id },
    data: { releaseScoreThreshold: 6, releaseCategoryThreshold: 7 },
  });
  const cycle = await db.cycle.findUniqueOrThrow({ where: { id: world.cycle.id } });
  await actFor(page, world.partner);
  await page.getByRole("link", { name: `Rate ${world.prime.name}` }).click();
  const section = page.getByRole("region", { name: "Who will see your answers" });
  await expect(section).toContainText(`${world.prime.name} will never see your answers`);
  await expect(section).toContainText("combine the answers of at least 6 partner organisations");
  await expect(section).toContainText(`its contracts with ${world.council.name}`);
  await expect(section).toContainText("controls 5 of the 6 organisations");
  await expect(section).toContainText("at least 7 partners raise it and at least 7 do not");
  await expect(section).toContainText(`until the round closes on ${formatDate(cycle.closesAt)}`);
  await expect(page.getByText("once at least")).toHaveCount(0);
  await expectNoAxeViolations(page);
});
