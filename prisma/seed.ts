import { pathToFileURL } from "node:url";
import { createAuth } from "@/lib/auth/auth";
import { authSecret } from "@/lib/auth/secret";
import { closeDb, db } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Answers } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { storeRelease } from "@/lib/services/release-store";
import {
  addToSupplyChain,
  createAssessment,
  createCommissioner,
  createContract,
  createCycle,
  createPrime,
  createSubcontractor,
} from "@/tests/support/factories";
import { demoAnswers, demoReference } from "./demo-answers";
import * as demo from "./demo-data";

/** True when the database holds no organisations yet, so demo data may be written. */
export async function isEmpty(client: PrismaClient): Promise<boolean> {
  return (await client.organisation.count()) === 0;
}

/** Writes the demo world. Deterministic: the same rows, in the same order, every time. */
/** Writes the demo world; its cycles are placed around `today` (see demoCycles). */
/**
 * What start-up does: writes the demo data into an empty database when the demo is on and
 * SEED_DEMO_DATA allows it. Demo data only ever goes with the demo, so a production database
 * (DEMO_MODE=off) never gets invented organisations. Returns whether it wrote anything.
 */
export async function seedWhenWanted(
  client: PrismaClient,
  settings: { DEMO_MODE: "on" | "off"; SEED_DEMO_DATA: "auto" | "never" },
): Promise<boolean> {
  if (settings.DEMO_MODE !== "on" || settings.SEED_DEMO_DATA !== "auto") return false;
  if (!(await isEmpty(client))) return false;
  await seedDemo(client);
  return true;
}

export async function seedDemo(client: PrismaClient, today = new Date()) {
  const council = await createCommissioner(client, demo.commissioner);
  // The demo's supply chains are small (three to five partners), as real ones are: the council
  // releases at the lowest threshold allowed, so its closed cycle has figures (docs/decisions/0011).
  await client.organisation.update({
    where: { id: council.id },
    data: { releaseScoreThreshold: 3, releaseCategoryThreshold: 3 },
  });
  const primeIds = new Map<string, string>();
  for (const [key, name] of Object.entries(demo.primes))
    primeIds.set(key, (await createPrime(client, name)).id);
  const partnerIds = new Map<string, string>();
  for (const partner of demo.partners) {
    const created = await createSubcontractor(client, { name: partner.name, sizeBand: partner.sizeBand });
    partnerIds.set(partner.key, created.id);
  }
  const id = (map: Map<string, string>, key: string) => {
    const found = map.get(key);
    if (!found) throw new Error(`demo data names "${key}", which it does not define`);
    return found;
  };

  for (const spec of demo.contracts) {
    const contract = await createContract(client, {
      commissionerId: council.id,
      title: spec.title,
      reference: spec.reference,
      valueBand: spec.valueBand,
      serviceArea: spec.serviceArea,
      startDate: new Date(spec.startDate),
      endDate: new Date(spec.endDate),
      primes: spec.lots.map((lot) => ({ primeId: id(primeIds, lot.prime), lot: lot.lot })),
    });
    for (const lot of spec.lots) {
      for (const entry of lot.chain) {
        await addToSupplyChain(client, {
          contractId: contract.id,
          primeId: id(primeIds, lot.prime),
          organisationId: id(partnerIds, entry.partner),
          status: entry.status,
          namedInBid: entry.namedInBid,
        });
      }
    }
    const cycles = [];
    for (const cycle of demo.demoCycles(today)) {
      cycles.push(await createCycle(client, { contractId: contract.id, ...cycle }));
    }
    const [previous, current] = cycles;
    if (!previous || !current) throw new Error("demo data needs two cycles");
    for (const lot of spec.lots) {
      await seedResponses(client, {
        contractId: contract.id,
        primeId: id(primeIds, lot.prime),
        lot,
        partnerIds,
        previous,
        current,
      });
    }
  }
  // The closed cycle is released as the daily job would release it (lib/services/releases.ts,
  // releaseDue): partners' figures exist only in releases. The open cycle shows counts only.
  const [closed] = demo.demoCycles(today);
  if (!closed) throw new Error("demo data needs a closed cycle");
  await client.$transaction(
    (tx) =>
      storeRelease(tx, { kind: "COMMISSIONER", commissionerId: council.id, period: closed.name, now: today }),
    { timeout: 120_000, maxWait: 30_000 },
  );
  // Only an empty database is seeded, so every organisation here is invented.
  await client.organisation.updateMany({ data: { demo: true, demoOffered: true } });
  if (env().DEMO_MODE === "on") await seedDemoAccounts(client);
}

/** Real accounts (hashed passwords, memberships) for the demo organisations, so sign-in can be tried. */
async function seedDemoAccounts(client: PrismaClient) {
  const auth = createAuth(client, {
    baseURL: env().APP_URL,
    secret: authSecret(),
    sendResetPassword: async () => {},
  });
  for (const account of demo.demoAccounts) {
    const { user } = await auth.api.signUpEmail({
      body: { name: account.name, email: account.email, password: demo.DEMO_PASSWORD },
    });
    const organisation = await client.organisation.findFirstOrThrow({
      where: { name: account.organisation },
    });
    await client.membership.create({
      data: { userId: user.id, organisationId: organisation.id, role: "ADMIN" },
    });
  }
}

interface ResponsesInput {
  contractId: string;
  primeId: string;
  lot: (typeof demo.contracts)[number]["lots"][number];
  partnerIds: Map<string, string>;
  previous: { id: string; closesAt: Date };
  current: { id: string; opensAt: Date };
}

/** Ratings and self-assessments for one prime on one contract, in both demo cycles. */
async function seedResponses(client: PrismaClient, input: ResponsesInput) {
  const { contractId, primeId, lot, partnerIds, previous, current } = input;
  const tendency = demo.tendencies[lot.prime];
  const plan = demo.currentCycleResponses[lot.prime];
  const day = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000);
  let order = 0;
  const rate = async (
    partner: (typeof lot.chain)[number],
    cycle: "previous" | "current",
    submitted: boolean,
  ) => {
    order++;
    const respondentOrgId = partnerIds.get(partner.partner);
    if (!respondentOrgId) throw new Error(`demo partner ${partner.partner} is missing`);
    // Their involvement is a fact of the roster, not a matter of how kindly they see the prime.
    const overrides: Answers = { [demo.INVOLVEMENT_QUESTION]: demo.involvementAnswer(partner) };
    const drift = cycle === "previous" ? -0.08 : 0;
    await createAssessment(client, {
      contractId,
      primeId,
      respondentOrgId,
      perspective: "subcontractor",
      cycleId: cycle === "previous" ? previous.id : current.id,
      answers: demoAnswers(
        "subcontractor",
        tendency.partners + drift,
        `${lot.prime}/${partner.partner}/${cycle}`,
        overrides,
      ),
      reference: demoReference(`${lot.prime}/${partner.partner}/${cycle}`),
      submittedAt: submitted
        ? day(
            cycle === "previous" ? previous.closesAt : current.opensAt,
            cycle === "previous" ? -30 + order : 10 + order,
          )
        : undefined,
    });
  };
  const self = async (cycle: "previous" | "current", submitted: boolean) =>
    createAssessment(client, {
      contractId,
      primeId,
      respondentOrgId: primeId,
      perspective: "prime",
      cycleId: cycle === "previous" ? previous.id : current.id,
      answers: demoAnswers("prime", tendency.self, `${lot.prime}/self/${cycle}`, {
        [demo.NAMED_DELIVERING_QUESTION]: demo.namedDeliveringPercent(lot.chain),
      }),
      reference: demoReference(`${lot.prime}/self/${cycle}`),
      submittedAt: submitted
        ? day(cycle === "previous" ? previous.closesAt : current.opensAt, cycle === "previous" ? -10 : 20)
        : undefined,
    });

  for (const partner of lot.chain) {
    if (partner.status !== "EXITED") await rate(partner, "previous", true);
    if (plan.submitted.includes(partner.partner)) await rate(partner, "current", true);
    if (plan.drafts.includes(partner.partner)) await rate(partner, "current", false);
  }
  await self("previous", true);
  if (plan.self !== "none") await self("current", plan.self === "submitted");
}

async function main() {
  if (env().DEMO_MODE !== "on") {
    console.error(
      "DEMO_MODE is off, so no demo data is written: invented organisations must never mix with real ones.",
    );
    process.exitCode = 1;
    return;
  }
  const client = db();
  try {
    if (!(await isEmpty(client))) {
      console.info(
        "The database already has data: demo data not written. Use npm run db:reset to start again.",
      );
      return;
    }
    await seedDemo(client);
    console.info("Demo data written.");
  } finally {
    await closeDb();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
