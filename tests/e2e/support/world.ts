import { expect, type Page } from "@playwright/test";
import { createAuth } from "@/lib/auth/auth";
import { DEMO_ORG_COOKIE } from "@/lib/auth/demo-cookie";
import type { Framework } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MemberRole, OrganisationType } from "@/lib/generated/prisma/enums";
import { type ReleaseOutcome, storeRelease } from "@/lib/services/release-store";
import { answersAt, principleKeys } from "../../support/answers";
import {
  addToSupplyChain,
  createAssessment,
  createCommissioner,
  createContract,
  createCycle,
  createPrime,
  createSubcontractor,
} from "../../support/factories";
import { PASSWORD } from "./accounts";
import { runSettings } from "./run-settings";

/**
 * The data a browser test needs, written straight into its worker's database with the shared
 * factories (tests/support/factories.ts), so no test depends on what another did to the demo
 * data. Organisations are demo ones (a test acts for them through the demo cookie) with names no
 * other test in the worker has: a number between two words, so no name is the start of another.
 */
export interface Org {
  id: string;
  name: string;
  type: OrganisationType;
}

let made = 0;
const nextNumber = () => ++made;
const DAY = 86_400_000;

async function asDemo(db: PrismaClient, org: Org): Promise<Org> {
  await db.organisation.update({ where: { id: org.id }, data: { demo: true, demoOffered: true } });
  return { id: org.id, name: org.name, type: org.type };
}

export const newCommissioner = async (db: PrismaClient, name = `Council ${nextNumber()} of Testshire`) =>
  asDemo(db, await createCommissioner(db, name));
export const newPrime = async (db: PrismaClient, name = `Prime ${nextNumber()} Services Ltd`) =>
  asDemo(db, await createPrime(db, name));
export const newPartner = async (db: PrismaClient, name = `Partner ${nextNumber()} Community Trust`) =>
  asDemo(db, await createSubcontractor(db, { name }));

export interface World {
  council: Org;
  prime: Org;
  /** On the prime's rating list for this contract, in order. */
  partners: Org[];
  /** The first of them. */
  partner: Org;
  contract: { id: string; title: string; reference: string };
  /** Open today: opened a month ago, closes in two. */
  cycle: { id: string; name: string };
  lot: string | null;
}

/**
 * A contract of the test's own: a council lets it to a prime (in `lot`, if given), with `partners`
 * on the prime's rating list and a cycle open today. `submitted` of them (the first ones) have
 * already sent a rating; `drafts` more have one part-way (the first principle answered).
 */
export async function createWorld(
  db: PrismaClient,
  {
    partners = 1,
    lot = null,
    submitted = 0,
    drafts = 0,
    council,
    evidence,
    framework,
  }: {
    partners?: number;
    lot?: string | null;
    submitted?: number;
    drafts?: number;
    council?: Org;
    /** Notes by question key, on every submitted rating (a submitted rating never changes afterwards). */
    evidence?: Record<string, string>;
    /** The cycle's framework version; version 1 by default (no submitted or draft ratings with another). */
    framework?: Framework;
  } = {},
): Promise<World> {
  const n = nextNumber();
  const commissioner = council ?? (await newCommissioner(db));
  const prime = await newPrime(db);
  const title = `Test Contract ${n} for Employment`;
  const reference = `E2E-${n}-REF`;
  const contract = await createContract(db, {
    commissionerId: commissioner.id,
    title,
    reference,
    startDate: new Date(Date.now() - 60 * DAY),
    endDate: new Date(Date.now() + 3 * 365 * DAY),
    primes: [{ primeId: prime.id, lot: lot ?? undefined }],
  });
  const onList: Org[] = [];
  for (let i = 0; i < partners; i++) {
    const partner = await newPartner(db);
    await addToSupplyChain(db, { contractId: contract.id, primeId: prime.id, organisationId: partner.id });
    onList.push(partner);
  }
  const cycleName = `Cycle ${n} of the test`;
  const cycle = await createCycle(db, {
    contractId: contract.id,
    name: cycleName,
    opensAt: new Date(Date.now() - 30 * DAY),
    closesAt: new Date(Date.now() + 60 * DAY),
    framework,
  });
  if (framework && submitted + drafts > 0) throw new Error("a world's ratings are written in version 1");
  for (const [i, partner] of onList.entries()) {
    if (i >= submitted + drafts) break;
    const answers = answersAt("subcontractor", "best");
    const firstPage = new Set(principleKeys("risk-sharing", "subcontractor"));
    await createAssessment(db, {
      contractId: contract.id,
      cycleId: cycle.id,
      primeId: prime.id,
      respondentOrgId: partner.id,
      perspective: "subcontractor",
      answers:
        i < submitted
          ? answers
          : Object.fromEntries(Object.entries(answers).filter(([k]) => firstPage.has(k))),
      submittedAt: i < submitted ? new Date(Date.now() - (submitted - i) * 60_000) : undefined,
      evidence: i < submitted ? evidence : undefined,
    });
  }
  const [partner] = onList;
  if (!partner) throw new Error("a world has at least one partner");
  return {
    council: commissioner,
    prime,
    partners: onList,
    partner,
    contract: { id: contract.id, title, reference },
    cycle: { id: cycle.id, name: cycleName },
    lot,
  };
}

/**
 * Closes a world's cycle now and releases its partners' figures, as the daily job would
 * (lib/services/releases.ts, releaseDue), at the council's threshold of 3 (the lowest allowed), so a
 * world of three or more partners has figures (docs/decisions/0011). Partners' figures exist only
 * in releases: a world not released shows counts only.
 */
export async function releaseWorld(db: PrismaClient, world: World): Promise<ReleaseOutcome> {
  await db.organisation.update({
    where: { id: world.council.id },
    data: { releaseScoreThreshold: 3, releaseCategoryThreshold: 3 },
  });
  const now = new Date();
  await db.cycle.update({
    where: { id: world.cycle.id },
    data: { closesAt: new Date(now.getTime() - 1000) },
  });
  const outcome = await db.$transaction(
    (tx) =>
      storeRelease(tx, {
        kind: "COMMISSIONER",
        commissionerId: world.council.id,
        period: world.cycle.name,
        now,
      }),
    { timeout: 60_000, maxWait: 15_000 },
  );
  expect(outcome.releaseId, "the release published something").not.toBeNull();
  return outcome;
}

/**
 * Acts for a demo organisation as the demo page would leave a visitor (its cookie), and opens the
 * dashboard. Cookies do not depend on the port, so this holds for every server the tests start.
 */
export async function actFor(page: Page, org: Org) {
  await page.context().addCookies([
    {
      name: DEMO_ORG_COOKIE,
      value: org.id,
      domain: "127.0.0.1",
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Your dashboard" })).toBeVisible();
}

export interface Person {
  id: string;
  name: string;
  email: string;
  password: string;
}

/**
 * A person with an account (signed up through Better Auth, as the sign-up page does) and, when
 * `organisation` is given, a membership of it with `role`.
 */
export async function createPerson(
  db: PrismaClient,
  baseURL: string,
  {
    name = `Person ${nextNumber()} Tester`,
    email,
    organisation,
    role = "ADMIN",
  }: { name?: string; email?: string; organisation?: Org; role?: MemberRole } = {},
): Promise<Person> {
  const address = email ?? `person.${nextNumber()}.${Date.now().toString(36)}@e2e.example`;
  const auth = createAuth(db, {
    baseURL,
    secret: runSettings().authSecret,
    sendResetPassword: async () => {},
  });
  const { user } = await auth.api.signUpEmail({ body: { name, email: address, password: PASSWORD } });
  if (organisation) {
    await db.membership.create({ data: { userId: user.id, organisationId: organisation.id, role } });
  }
  return { id: user.id, name, email: address, password: PASSWORD };
}

/** Signs a person in through Better Auth's endpoint, as the sign-in form does; the page keeps the cookie. */
export async function signInAs(page: Page, person: Person, baseURL: string) {
  const response = await page.context().request.post("/api/auth/sign-in/email", {
    headers: { Origin: baseURL },
    data: { email: person.email, password: person.password },
  });
  expect(response.status(), await response.text()).toBe(200);
}
