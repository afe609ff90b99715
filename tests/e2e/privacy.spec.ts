import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { newAddress, PASSWORD, signIn, signUp } from "./support/accounts";
import { budget } from "./support/budget";
import { actAs, errorSummary, expectNoAxeViolations } from "./support/questionnaire";
import { expect, test } from "./support/test";
import { createPerson, createWorld, type Person } from "./support/world";

async function signInAs(page: Page, person: Person) {
  await signIn(page, person.email, person.password);
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

const footer = (page: Page) => page.getByRole("navigation", { name: "Footer" });

test.describe("privacy and cookies pages", () => {
  test("are linked from the footer of every kind of page, pass axe and load nothing from elsewhere", async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(budget({ pages: 14 }));
    const elsewhere: string[] = [];
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(`${baseURL}/`) && !url.startsWith("data:")) elsewhere.push(url);
    });

    await page.goto("/");
    await footer(page).getByRole("link", { name: "Privacy" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
    await expect(
      page.getByText("The team running this Chainwise demonstration is the data controller"),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "privacy@chainwise.invalid" }).first()).toBeVisible();
    await expect(
      page.getByText("An unfinished draft nobody has touched for 12 months is deleted."),
    ).toBeVisible();
    await expect(page.getByText("Anyone who can reach this site, at /dev/outbox.")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/sign-in");
    await footer(page).getByRole("link", { name: "Cookies" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cookies" })).toBeVisible();
    const cookies = page.getByRole("table", { name: "Essential cookies" });
    await expect(cookies.getByRole("rowheader")).toHaveText([
      "better-auth.session_token",
      "chainwise-demo-org",
    ]);
    await expectNoAxeViolations(page);

    await page.goto("/how-scoring-works");
    await footer(page).getByRole("link", { name: "Privacy" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
    await page.goto("/how-scoring-works");
    await footer(page).getByRole("link", { name: "Cookies" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cookies" })).toBeVisible();

    // Signed in: the footer is the same, and every cookie the browser now holds is on the list.
    await signUp(page, "Noor Hassan", newAddress("noor"));
    await footer(page).getByRole("link", { name: "Privacy" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto("/account");
    await footer(page).getByRole("link", { name: "Cookies" }).click();
    await expect(cookies).toBeVisible();
    const listed = await cookies.getByRole("rowheader").allTextContents();
    const held = (await page.context().cookies()).map((c) => c.name);
    expect(held).toContain("better-auth.session_token");
    for (const name of held) expect(listed).toContain(name);

    expect(elsewhere).toEqual([]);
  });

  test("list the demo cookie a demo visitor holds", async ({ page }) => {
    await actAs(page, "Riverside Community Trust");
    await footer(page).getByRole("link", { name: "Cookies" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cookies" })).toBeVisible();
    const listed = await page
      .getByRole("table", { name: "Essential cookies" })
      .getByRole("rowheader")
      .allTextContents();
    for (const cookie of await page.context().cookies()) expect(listed).toContain(cookie.name);
  });

  test("are linked from the sign-up page", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByRole("main").getByRole("link", { name: "privacy notice" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Privacy notice" })).toBeVisible();
  });
});

test.describe("your data", () => {
  test("a person downloads their data, then deletes their account with their password", async ({
    page,
    clientAddress,
  }) => {
    test.setTimeout(budget({ pages: 10 }));
    const rhys = newAddress("rhys");
    await signUp(page, "Rhys Morgan", rhys);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download your data" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^chainwise-personal-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile((await download.path()) ?? "", "utf8"));
    expect(data.person).toMatchObject({ name: "Rhys Morgan", email: rhys });
    expect(data.signInMethods).toEqual([
      expect.objectContaining({ provider: "credential", passwordSet: true }),
    ]);
    expect(data.sessions).toEqual([expect.objectContaining({ thisSession: true, ipAddress: clientAddress })]);

    await page.getByRole("link", { name: "Delete your account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Delete your account" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel("Enter your password to confirm").fill("this is not my password");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(errorSummary(page)).toContainText("That is not your password");
    await expectNoAxeViolations(page);

    await page.getByLabel("Enter your password to confirm").fill(PASSWORD);
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Your account has been deleted" }),
    ).toBeVisible();
    await expect(
      page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" }),
    ).toBeVisible();
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain("better-auth.session_token");

    await signIn(page, rhys, PASSWORD);
    await expect(errorSummary(page)).toContainText("They do not match");
    const response = await page.goto("/account/data");
    expect(page.url()).toContain("/sign-in");
    expect(response?.headers()["content-disposition"]).toBeUndefined();
  });
});

test.describe("members", () => {
  test("an administrator lets an invited person join, makes them an administrator, then removes them; a member cannot", async ({
    page,
    db,
    baseURL,
  }) => {
    // People in turn: the council invites, the invitee asks, the administrator lets them in, then acts.
    test.setTimeout(budget({ pages: 30 }));
    const world = await createWorld(db);
    const officer = await createPerson(db, baseURL ?? "", {
      name: "Sam Officer",
      organisation: world.council,
    });
    const administrator = await createPerson(db, baseURL ?? "", {
      name: "Tom Administrator",
      organisation: world.partner,
    });
    const lee = newAddress("lee.rowe");
    // The council invites a second person for the partner, whose administrator is Tom.
    await signInAs(page, officer);
    await page.goto(`/contracts/${world.contract.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(world.contract.title);
    await page.getByRole("link", { name: "Invite partners and primes to answer" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Invitations" })).toBeVisible();
    await page.getByRole("radio", { name: world.partner.name }).check();
    await page.getByLabel("Their email address").fill(lee);
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("heading", { name: `Invitation sent to ${lee}` })).toBeVisible();
    await signOut(page);

    await signUp(page, "Lee Rowe", lee);
    await page.goto(`/dev/outbox?to=${encodeURIComponent(lee)}`);
    await page
      .getByRole("link", { name: /\/invitations\// })
      .first()
      .click();
    await page.getByRole("button", { name: "Accept and start" }).click();
    // The partner already has people on Chainwise: its administrators decide.
    await expect(page.getByRole("status")).toContainText("Your request to join has been sent");
    await expect(page.getByRole("list", { name: "Waiting to join" })).toContainText(world.partner.name);
    await signOut(page);

    await signInAs(page, administrator);
    await page.getByRole("link", { name: "Manage your organisation's members" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Let Lee Rowe join" }).click();
    await expect(page.getByRole("status")).toContainText("They have joined");
    await expect(page.getByRole("region", { name: "Joined in the last 90 days" })).toContainText(
      "Lee Rowe joined, approved by Tom Administrator",
    );
    await signOut(page);

    // Lee is a member now, not an administrator.
    await signIn(page, lee, PASSWORD);
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    expect((await page.goto("/account/members"))?.status()).toBe(404);
    await page.goto("/account");
    await expect(page.getByRole("link", { name: "Manage your organisation's members" })).toHaveCount(0);
    await signOut(page);

    await signInAs(page, administrator);
    await page.getByRole("link", { name: "Manage your organisation's members" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
    await expectNoAxeViolations(page);
    const row = page.getByRole("row").filter({ hasText: "Lee Rowe" });
    await expect(row).toContainText(lee);
    await expect(page.getByLabel("Role of Lee Rowe")).toHaveValue("MEMBER");
    await page.getByLabel("Role of Lee Rowe").selectOption("ADMIN");
    await page.getByRole("button", { name: "Change role of Lee Rowe" }).click();
    await expect(page.getByRole("status")).toContainText("Lee Rowe is now an administrator.");
    await expect(page.getByLabel("Role of Lee Rowe")).toHaveValue("ADMIN");
    await expectNoAxeViolations(page);

    await page.goto("/account/activity");
    await expect(page.getByRole("table")).toContainText("Made Lee Rowe an administrator");

    // And removes them again, confirming on the removal page.
    await page.goto("/account/members");
    await page.getByRole("link", { name: "Remove Lee Rowe" }).click();
    await page.getByRole("button", { name: "Remove Lee Rowe" }).click();
    await expect(page.getByRole("status")).toContainText(
      `The member has been removed from ${world.partner.name}`,
    );
    await expect(page.getByRole("row").filter({ hasText: "Lee Rowe" })).toHaveCount(0);
  });
});
