import type { Browser, BrowserContext } from "@playwright/test";
import { budget } from "./support/budget";
import { expect, newClientAddress, test } from "./support/test";

/**
 * The authorization matrix: every protected page and API route, asked by every kind of visitor.
 * Anyone not allowed is refused (not found, sign in, or 401) and the response holds none of the
 * protected data. Mutations are covered the same way in tests/integration/authorization.test.ts,
 * at the service each server action calls.
 */

type Who =
  | "signed out"
  | "commissioner"
  | "prime"
  | "other prime"
  | "partner"
  | "unrelated partner"
  | "no organisation";
const DEMO: Partial<Record<Who, string>> = {
  commissioner: "Northmoor County Council",
  prime: "Castlegate Employment Services Ltd",
  "other prime": "Harbourline Care Partnerships Ltd",
  partner: "Riverside Community Trust",
  "unrelated partner": "Kingsway Carers Centre",
};
const EVERYONE = Object.keys({
  "signed out": 1,
  commissioner: 1,
  prime: 1,
  "other prime": 1,
  partner: 1,
  "unrelated partner": 1,
  "no organisation": 1,
}) as Who[];
const WORKING_WELL = "Northmoor Working Well";

interface Ids {
  contract: string;
  castlegate: string;
  meridian: string;
  /** Kingsway's submitted rating of Harbourline. */
  assessment: string;
  reference: string;
}

/** A browser context acting as one visitor, as a person would become them. */
async function visitor(browser: Browser, who: Who): Promise<BrowserContext> {
  // Each from an address of its own, as different people are (sign-up limits count per address).
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": newClientAddress() } });
  const page = await context.newPage();
  const demo = DEMO[who];
  if (demo) {
    await page.goto("/demo");
    await page.getByLabel(demo, { exact: true }).check();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your dashboard" })).toBeVisible();
  } else if (who === "no organisation") {
    await page.goto("/sign-up");
    await page.getByLabel("Full name").fill("Nobody Yet");
    await page.getByLabel("Email address").fill(`nobody-${Date.now()}@example.org`);
    await page.getByLabel("Create a password").fill("plenty of words in a row");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  }
  await page.close();
  return context;
}

async function findIds(browser: Browser): Promise<Ids> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/demo");
  await page.getByLabel("Northmoor County Council", { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your dashboard" })).toBeVisible();
  await page.goto("/contracts");
  await page.getByRole("link", { name: /Working Well/ }).click();
  await page.waitForURL(/\/contracts\/[^/]+$/);
  const contract = new URL(page.url()).pathname.split("/")[2] ?? "";
  await page.goto(`/contracts/${contract}/report`);
  const primeId = async (name: string) =>
    (
      (await page
        .getByRole("link", { name: new RegExp(`^${name}`) })
        .first()
        .getAttribute("href")) ?? ""
    ).split("/")[4] ?? "";
  const castlegate = await primeId("Castlegate");
  const meridian = await primeId("Meridian");
  await page.goto("/demo");
  await page.getByLabel(DEMO["unrelated partner"] ?? "", { exact: true }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your dashboard" })).toBeVisible();
  const receipt = page
    .getByRole("table", { name: /Your submitted answers/ })
    .getByRole("link")
    .first();
  const reference = (await receipt.textContent()) ?? "";
  const assessment = ((await receipt.getAttribute("href")) ?? "").split("/")[2] ?? "";
  await context.close();
  return { contract, castlegate, meridian, assessment, reference };
}

interface Route {
  path: (ids: Ids) => string;
  allowed: Who[];
  /** Words only an allowed visitor may read in the response. */
  secret: (ids: Ids) => string[];
  api?: boolean;
}

const contractSecrets = () => [WORKING_WELL, "Moorland Mental Health Alliance"];
const ROUTES: Route[] = [
  { path: () => "/contracts", allowed: ["commissioner"], secret: contractSecrets },
  { path: () => "/contracts/new", allowed: ["commissioner"], secret: () => ["Your reference"] },
  { path: () => "/contracts/import", allowed: ["commissioner"], secret: () => ["Contracts Finder"] },
  { path: (i) => `/contracts/${i.contract}`, allowed: ["commissioner"], secret: contractSecrets },
  {
    path: (i) => `/contracts/${i.contract}/invitations`,
    allowed: ["commissioner", "prime"],
    secret: contractSecrets,
  },
  {
    path: (i) => `/contracts/${i.contract}/report`,
    allowed: ["commissioner", "prime", "partner"],
    secret: contractSecrets,
  },
  {
    path: (i) => `/contracts/${i.contract}/primes/${i.castlegate}/report`,
    allowed: ["commissioner", "prime", "partner"],
    secret: contractSecrets,
  },
  {
    path: (i) => `/contracts/${i.contract}/primes/${i.meridian}/report`,
    allowed: ["commissioner"],
    secret: () => [WORKING_WELL, "Meridian Outcomes plc"],
  },
  {
    path: (i) => `/contracts/${i.contract}/primes/${i.castlegate}/report/reply`,
    allowed: ["prime"],
    secret: () => [WORKING_WELL, "Leave a box empty"],
  },
  {
    path: (i) => `/contracts/${i.contract}/primes/${i.castlegate}/report/notes`,
    allowed: ["commissioner", "prime"],
    secret: () => [WORKING_WELL, "not linked to who wrote them"],
  },
  {
    path: (i) => `/contracts/${i.contract}/primes/${i.castlegate}/rate`,
    allowed: ["partner"],
    secret: contractSecrets,
  },
  {
    path: (i) => `/contracts/${i.contract}/primes/${i.castlegate}/self-assessment`,
    allowed: ["prime"],
    secret: contractSecrets,
  },
  ...["", "/risk-sharing", "/check", "/confirmation"].map(
    (suffix): Route => ({
      path: (i) => `/assessments/${i.assessment}${suffix}`,
      allowed: ["unrelated partner"],
      secret: (i) => [i.reference],
    }),
  ),
  { path: () => "/reports", allowed: ["commissioner"], secret: contractSecrets },
  // Administrators only, and a demo visitor is never one: the council's visitor is refused too.
  { path: () => "/reports/releases", allowed: [], secret: () => ["Release closed cycles now", WORKING_WELL] },
  { path: () => "/account/activity", allowed: [], secret: () => ["It records that a rating was submitted"] },
  { path: () => "/account/api-keys", allowed: [], secret: () => ["Create a key"] },
  {
    path: (i) => `/contracts/${i.contract}/report/export?format=csv&table=primes`,
    allowed: ["commissioner", "prime", "partner"],
    secret: () => ["Castlegate", "Meridian"],
    api: true,
  },
  {
    path: (i) => `/contracts/${i.contract}/primes/${i.meridian}/report/export?format=json`,
    allowed: ["commissioner"],
    secret: () => [WORKING_WELL, "Meridian"],
    api: true,
  },
  {
    path: (i) => `/api/reports/contracts/${i.contract}`,
    allowed: ["commissioner", "prime", "partner"],
    secret: () => [WORKING_WELL],
    api: true,
  },
  {
    path: () => "/reports/export",
    allowed: ["commissioner"],
    secret: () => ["Castlegate", "Meridian"],
    api: true,
  },
];

test("every protected page and API route refuses everyone it should, and leaks nothing to them", async ({
  browser,
}) => {
  // Every visitor becomes who they are in a browser, then asks for every route.
  test.setTimeout(budget({ pages: 4 * EVERYONE.length + 6, requests: EVERYONE.length * ROUTES.length }));
  const ids = await findIds(browser);
  expect(ids.assessment).not.toBe("");
  const failures: string[] = [];
  for (const who of EVERYONE) {
    const context = await visitor(browser, who);
    const request = context.request;
    for (const route of ROUTES) {
      const path = route.path(ids);
      const response = await request.get(path, { maxRedirects: 0 });
      const status = response.status();
      const body = await response.text();
      const allowed = route.allowed.includes(who);
      const location = response.headers().location ?? "";
      if (allowed) {
        // A prime or partner opening a contract report is sent on to the part it may see.
        const ok = status === 200 || (status === 307 && location.includes("/report"));
        if (!ok) failures.push(`${who} ${path}: expected to be allowed, got ${status}`);
        continue;
      }
      const refused = route.api
        ? status === 401 || status === 404
        : status === 404 || (status === 307 && location.startsWith("/sign-in"));
      if (!refused) failures.push(`${who} ${path}: expected refusal, got ${status} ${location}`);
      for (const secret of route.secret(ids)) {
        if (body.includes(secret)) failures.push(`${who} ${path}: response contains "${secret}"`);
      }
    }
    await context.close();
  }
  expect(failures).toEqual([]);
});
