import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import {
  DONT_KNOW,
  findQuestion,
  frameworkV2,
  latestFramework,
  PERIOD_VERSION,
  questionsFor,
  framework as version1,
} from "@/lib/framework";
import { flagLines } from "@/lib/reports/lines";
import { PRIME_KNOWN_QUESTIONS } from "@/lib/scoring/release";
import { getCommissionerOverview } from "@/lib/services/commissioner-overview";
import { openCycle } from "@/lib/services/contract-admin";
import { getProgrammeReport } from "@/lib/services/programme-report";
import { releasePeriod } from "@/lib/services/releases";
import { getContractReport } from "@/lib/services/reports";
import { answersAt } from "@/tests/support/answers";
import { createCycle, createUser } from "@/tests/support/factories";
import { nonEmpty } from "@/tests/support/non-empty";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

const AFTER = new Date("2027-02-15T12:00:00Z");

/** Version 1's partner questions that version 2 replaced or stopped scoring (lib/framework/README.md). */
const REPLACED = [
  "pay.days.sub",
  "pay.fee.sub",
  "pay.fee-explained.sub",
  "pay.methods.sub",
  "pay.method-choice.sub",
];

describe.each(testDatabaseKinds())("framework versions on %s", (kind) => {
  const database = useTestDatabase(kind);

  async function world(partners = 4) {
    const { client } = database;
    const scenario = await createRatingScenario(client, {
      partners,
      cycle: { name: "2026–27", framework: frameworkV2 },
    });
    const council = scenario.commissioner;
    await client.organisation.update({
      where: { id: council.organisationId },
      data: { releaseScoreThreshold: 3, releaseCategoryThreshold: 3 },
    });
    const user = await createUser(client);
    await client.membership.create({
      data: { userId: user.id, organisationId: council.organisationId, role: "ADMIN" },
    });
    const councilAdmin: Actor = { ...council, userId: user.id, role: "ADMIN" };
    const previous = await createCycle(client, {
      contractId: scenario.contractId,
      name: "2025–26",
      opensAt: new Date("2025-10-01"),
      closesAt: new Date("2026-01-31"),
      framework: version1,
    });
    return { ...scenario, councilAdmin, previous: previous.id, current: scenario.cycleId };
  }

  it("gives a trend from a version 1 cycle to a version 2 cycle over the unchanged questions only, and says how many", async () => {
    const w = await world();
    for (const partner of w.partners) {
      await w.rate(partner, answersAt("subcontractor", "worst"), {
        cycleId: w.previous,
        submittedAt: new Date("2026-01-10T09:00:00Z"),
      });
      await w.rate(partner, answersAt("subcontractor", "best", {}, frameworkV2), { framework: frameworkV2 });
    }
    await releasePeriod(w.councilAdmin, w.commissioner.organisationId, "2025–26", AFTER);
    await releasePeriod(w.councilAdmin, w.commissioner.organisationId, "2026–27", AFTER);

    const report = await getContractReport(w.commissioner, w.contractId, { now: AFTER });
    const prime = report.primes[0];
    if (!prime || prime.partners.suppressed) throw new Error("no released figures");
    // The version 2 cycle's figures are read by version 2: its new questions are released.
    const within30 = prime.partners.questions.find((q) => q.key === "pay.within-30.sub");
    expect(within30 && !within30.suppressed && within30.mean).toBe(100);

    const [step] = prime.trend.steps;
    if (!step) throw new Error("no trend step");
    const unchanged = questionsFor(version1, "subcontractor")
      .filter((q) => q.scoring && !REPLACED.includes(q.key))
      .map((q) => q.key);
    expect([...step.compared].sort()).toEqual(nonEmpty(unchanged).sort());
    expect(step.compared).toHaveLength(25);
    const leftOut = new Map(step.leftOut.map((l) => [l.key, l.reason]));
    for (const key of [...REPLACED, "pay.within-30.sub", "risk.tupe.sub", "faith.consent.sub"]) {
      expect(leftOut.get(key), key).toBe("not-in-both");
    }
    // Worst everywhere, then best everywhere, over the same questions.
    expect(step.overall.change).toBeGreaterThan(80);
    expect(step.principles.reduce((n, p) => n + p.questions, 0)).toBe(step.compared.length);

    // The prime never reads version 2's figures about facts it sets per partner (ADR 0011).
    const own = await getContractReport(w.prime, w.contractId, { now: AFTER });
    const seen = own.primes[0]?.partners;
    if (!seen || seen.suppressed) throw new Error("the prime reads no released figures");
    for (const key of nonEmpty(PRIME_KNOWN_QUESTIONS.filter((k) => findQuestion(frameworkV2, k)?.scoring))) {
      expect(seen.questions.find((q) => q.key === key)?.suppressed ?? true, key).toBe(true);
    }
    expect(seen.questions.find((q) => q.key === "risk.creaming.sub")?.suppressed).toBe(false);
  });

  it("releases version 2's fee flag, a question with no score, to the commissioner and never the prime", async () => {
    const w = await world(6);
    // Above the stated level of 20% for three partners, below it for three: the flag can be released.
    for (const [i, partner] of w.partners.entries()) {
      await w.rate(
        partner,
        answersAt("subcontractor", "best", { "pay.fee.sub": i < 3 ? 25 : 10 }, frameworkV2),
        {
          framework: frameworkV2,
        },
      );
    }
    await releasePeriod(w.councilAdmin, w.commissioner.organisationId, "2026–27", AFTER);
    const report = await getContractReport(w.commissioner, w.contractId, { now: AFTER });
    const prime = report.primes[0];
    if (!prime || prime.partners.suppressed) throw new Error("no released figures");
    const fee = prime.partners.questions.find((q) => q.key === "pay.fee.sub");
    expect(fee && !fee.suppressed && [fee.mean, fee.flagged, fee.n]).toEqual([null, 3, 6]);
    expect(flagLines(prime.partners).find((l) => l.questionKey === "pay.fee.sub")?.partners).toEqual({
      flagged: 3,
      n: 6,
      share: 50,
    });
    // It is about a fact the prime sets for each partner: the prime never reads it (ADR 0011).
    const own = (await getContractReport(w.prime, w.contractId, { now: AFTER })).primes[0]?.partners;
    if (!own || own.suppressed) throw new Error("the prime reads no released figures");
    expect(own.questions.find((q) => q.key === "pay.fee.sub")?.suppressed).toBe(true);
  });

  it("counts a \"Don't know\" to version 2's fee question in neither side of its flag", async () => {
    const w = await world(7);
    // Three above 20%, three below, and one that does not know its fee.
    for (const [i, partner] of w.partners.entries()) {
      const fee = i < 3 ? 25 : i < 6 ? 10 : DONT_KNOW;
      await w.rate(partner, answersAt("subcontractor", "best", { "pay.fee.sub": fee }, frameworkV2), {
        framework: frameworkV2,
      });
    }
    await releasePeriod(w.councilAdmin, w.commissioner.organisationId, "2026–27", AFTER);
    const report = await getContractReport(w.commissioner, w.contractId, { now: AFTER });
    const prime = report.primes[0];
    if (!prime || prime.partners.suppressed) throw new Error("no released figures");
    const fee = prime.partners.questions.find((q) => q.key === "pay.fee.sub");
    expect(fee && !fee.suppressed && [fee.flagged, fee.n]).toEqual([3, 6]);
  });

  it("reads a version 2 period's programme report by version 2: its questions, its ratings counted, the prime's own scores", async () => {
    const w = await world();
    for (const partner of w.partners) {
      await w.rate(partner, answersAt("subcontractor", "worst"), {
        cycleId: w.previous,
        submittedAt: new Date("2026-01-10T09:00:00Z"),
      });
      await w.rate(partner, answersAt("subcontractor", "best", {}, frameworkV2), { framework: frameworkV2 });
    }
    await w.rate(w.prime, answersAt("prime", "best", {}, frameworkV2), { framework: frameworkV2 });

    // Before the release: the version 2 ratings and self-assessment are counted, not passed over as
    // another version's.
    const open = await getProgrammeReport(w.commissioner, { cycleName: "2026–27", now: AFTER });
    const row = open.rows.find((r) => r.contract.id === w.contractId);
    expect(row).toMatchObject({ frameworkVersion: "2.0", roster: 4, submitted: 4, released: false });
    expect(row?.self?.overall).toBe(100);

    await releasePeriod(w.councilAdmin, w.commissioner.organisationId, "2025–26", AFTER);
    await releasePeriod(w.councilAdmin, w.commissioner.organisationId, "2026–27", AFTER);
    const released = await getProgrammeReport(w.commissioner, { cycleName: "2026–27", now: AFTER });
    const partners = released.rows.find((r) => r.contract.id === w.contractId)?.partners;
    if (!partners || partners.suppressed) throw new Error("no released figures for the version 2 period");
    expect(partners.framework.version).toBe("2.0");
    expect(partners.questions.map((q) => q.key)).toEqual(
      questionsFor(frameworkV2, "subcontractor").map((q) => q.key),
    );
    expect(partners.overall.suppressed ? null : partners.overall.mean).toBe(100);
    const earlier = await getProgrammeReport(w.commissioner, { cycleName: "2025–26", now: AFTER });
    const v1Row = earlier.rows.find((r) => r.contract.id === w.contractId);
    expect(v1Row?.frameworkVersion).toBe("1.0");
    expect(v1Row?.partners.suppressed === false && v1Row.partners.questions.map((q) => q.key)).toEqual(
      questionsFor(version1, "subcontractor").map((q) => q.key),
    );

    // The landing overview reads the same rows, and gives no change across versions: its overall
    // means are of different questions.
    const overview = await getCommissionerOverview(w.commissioner, AFTER);
    expect(overview).toMatchObject({ period: "2026–27", previousPeriod: "2025–26" });
    expect(overview.rows.find((r) => r.contract.id === w.contractId)).toMatchObject({
      overall: 100,
      gap: 0,
      change: null,
      submitted: 4,
    });
  });

  it("records the version the commissioner chose on the cycle, and keeps one version per period", async () => {
    const w = await world();
    const { client } = database;
    await openCycle(w.commissioner, w.contractId, {
      name: "2027–28",
      opensAt: new Date("2027-10-01"),
      closesAt: new Date("2028-01-31"),
      frameworkVersion: "2.0",
    });
    const opened = await client.cycle.findFirstOrThrow({
      where: { contractId: w.contractId, name: "2027–28" },
      select: { frameworkVersion: true },
    });
    expect(opened.frameworkVersion).toBe("2.0");
    const other = await createRatingScenario(client, { cycle: { name: "2024–25" } });
    await expect(
      openCycle(other.commissioner, other.contractId, {
        name: "2027–28",
        opensAt: new Date("2027-10-01"),
        closesAt: new Date("2028-01-31"),
        frameworkVersion: "1.0",
      }),
    ).rejects.toThrow(/use version 2\.0/);
  });

  it("opens a cycle on its period's version when asked to: the one its period uses, the newest for a new one", async () => {
    const w = await world();
    const { client } = database;
    const period = `2028–29 ${w.contractId.slice(-6)}`;
    await openCycle(w.commissioner, w.contractId, {
      name: period,
      opensAt: new Date("2028-10-01"),
      closesAt: new Date("2029-01-31"),
      frameworkVersion: "1.0",
    });
    const other = await createRatingScenario(client, { cycle: { name: "2024–25" } });
    const fresh = `2029–30 ${w.contractId.slice(-6)}`;
    for (const name of [period.toUpperCase(), fresh])
      await openCycle(other.commissioner, other.contractId, {
        name,
        opensAt: new Date(name === fresh ? "2029-10-01" : "2028-10-01"),
        closesAt: new Date(name === fresh ? "2030-01-31" : "2029-01-31"),
        frameworkVersion: PERIOD_VERSION,
      });
    const opened = await client.cycle.findMany({
      where: { contractId: other.contractId, opensAt: { gte: new Date("2028-01-01") } },
      select: { name: true, frameworkVersion: true },
      orderBy: { opensAt: "asc" },
    });
    expect(opened.map((c) => c.frameworkVersion)).toEqual(["1.0", latestFramework.version]);
  });

  it("refuses, in the database, an assessment on another version than its cycle's", async () => {
    const w = await world();
    await expect(
      w.rate(w.partner, answersAt("subcontractor", "best"), { framework: version1 }),
    ).rejects.toThrow(/cycle's framework version/);
  });
});
