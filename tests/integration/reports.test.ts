import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/errors";
import { type Answers, framework } from "@/lib/framework";
import { storedScores } from "@/lib/reports/stored-scores";
import { aggregateRatings, type MeasureResult, scoreAssessment } from "@/lib/scoring";
import { submit } from "@/lib/services/assessments";
import { getProgrammeReport } from "@/lib/services/programme-report";
import { getContractReport } from "@/lib/services/reports";
import { backfillScores } from "@/lib/services/score-backfill";
import { answersAt, principleKeys } from "@/tests/support/answers";
import {
  actorFor,
  createAssessment,
  createCommissioner,
  createCycle,
  createSubcontractor,
} from "@/tests/support/factories";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

const NOW = new Date("2026-12-01T12:00:00Z");
const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute));

const dontKnow = (principle: string): Answers =>
  Object.fromEntries(principleKeys(principle, "subcontractor").map((k) => [k, "dont_know"]));

/**
 * The fixture, by hand. Prime Anvil (lot North) has four partners on its roster; in 2026–27 A, B and
 * C rate it in that order, then D. Prime Beacon (South) has two partners, who both rate it.
 * - Risk sharing: A and B answer every question best (100), C worst (0): mean 66.7, median 100.
 * - Data sharing: A best, B worst, C and D "Don't know" throughout: only 2 partners have a score, so
 *   it is hidden although 4 partners answered.
 * - Days to pay: A 10 (scores 100), B 45 (30), C 60 (30), D 90: mean of the first three 53.3; B and
 *   C were paid after 30 days, a red flag for 2 of 3 = 66.7%. D's answer is not counted until two
 *   more partners answer (figures grow in whole batches of 3).
 * In 2025–26 A, B and C answered every question worst.
 */
const RATINGS: Record<"a" | "b" | "c" | "d", Answers> = {
  a: answersAt("subcontractor", "best", { "pay.days.sub": 10, "faith.bid-candy.sub": "named-delivering" }),
  b: answersAt("subcontractor", "best", {
    ...Object.fromEntries(
      principleKeys("data-sharing", "subcontractor").map((k) => [k, answersAt("subcontractor", "worst")[k]]),
    ),
    "pay.days.sub": 45,
    "faith.bid-candy.sub": "named-no-contract",
  }),
  c: answersAt("subcontractor", "worst", {
    ...dontKnow("data-sharing"),
    "pay.days.sub": 60,
    "faith.bid-candy.sub": "named-delivering",
  }),
  d: answersAt("subcontractor", "worst", { ...dontKnow("data-sharing"), "pay.days.sub": 90 }),
};

const shown = (m: MeasureResult | undefined) => {
  if (!m || m.suppressed) throw new Error(`${m?.key} is suppressed`);
  return m;
};

describe.each(testDatabaseKinds())("reports on %s", (kind) => {
  const database = useTestDatabase(kind);
  let council: Actor;
  let otherCouncil: Actor;
  let anvil: Actor;
  let beacon: Actor;
  let partnerA: Actor;
  let partnerE: Actor;
  let outsider: Actor;
  let contractId: string;

  // The fixture above, read by every test and changed by none.
  beforeAll(async () => {
    const { client } = database;
    const scenario = await createRatingScenario(client, {
      commissioner: "Wessex Borough Council",
      title: "Wessex Employment Support",
      primes: [
        { name: "Anvil Services Ltd", lot: "North" },
        { name: "Beacon Outcomes plc", lot: "South" },
      ],
      partners: [
        { name: "Partner A", prime: 0, namedInBid: true, status: "DELIVERING" },
        { name: "Partner B", prime: 0, namedInBid: true, status: "NAMED_IN_BID" },
        { name: "Partner C", prime: 0, namedInBid: false, status: "DELIVERING" },
        { name: "Partner D", prime: 0, namedInBid: true, status: "DELIVERING" },
        { name: "Partner E", prime: 1, namedInBid: true, status: "DELIVERING" },
        { name: "Partner F", prime: 1, namedInBid: true, status: "DELIVERING" },
      ],
    });
    const { rate } = scenario;
    council = scenario.commissioner;
    otherCouncil = actorFor(await createCommissioner(client));
    [anvil, beacon] = scenario.primes as [Actor, Actor];
    const [a, b, c, d, e, f] = scenario.partners as [Actor, Actor, Actor, Actor, Actor, Actor];
    partnerA = a;
    partnerE = e;
    outsider = actorFor(await createSubcontractor(client));
    contractId = scenario.contractId;
    const previous = (
      await createCycle(client, {
        contractId,
        name: "2025–26",
        opensAt: new Date("2025-10-01"),
        closesAt: new Date("2026-01-31"),
      })
    ).id;

    await rate(a, RATINGS.a, { submittedAt: at(1), evidence: { "pay.days.sub": "Paid within ten days" } });
    await rate(b, RATINGS.b, {
      submittedAt: at(2),
      evidence: { "pay.days.sub": "Invoices wait six weeks" },
      notesSharedWithPrime: true,
    });
    await rate(c, RATINGS.c, { submittedAt: at(3) });
    await rate(d, RATINGS.d, {
      submittedAt: at(4),
      evidence: { "pay.days.sub": "The fourth partner's note" },
      notesSharedWithPrime: true,
    });
    await rate(e, RATINGS.a, { prime: beacon, submittedAt: at(5) });
    await rate(f, RATINGS.b, { prime: beacon, submittedAt: at(6) });
    for (const [i, p] of [a, b, c].entries()) {
      await rate(p, answersAt("subcontractor", "worst"), { cycleId: previous, submittedAt: at(10 + i) });
    }
    // A draft, and a partner off the contract, never count.
    await rate(outsider, answersAt("subcontractor", "best"), { submittedAt: null });
    await rate(anvil, answersAt("prime", "best", { "pay.days.prime": 10 }), { submittedAt: at(20) });
  });

  it("gives the commissioner every prime: hand-computed partners' figures, counted in batches of 3", async () => {
    const report = await getContractReport(council, contractId, { now: NOW });
    expect(report.viewer).toBe("commissioner");
    expect(report.cycle?.name).toBe("2026–27");
    expect(report.primes.map((p) => [p.prime.name, p.prime.lot])).toEqual([
      ["Anvil Services Ltd", "North"],
      ["Beacon Outcomes plc", "South"],
    ]);
    const [north, south] = report.primes;
    if (!north || !south) throw new Error("missing primes");
    expect(north.submitted).toBe(4);
    expect(north.responseRate).toBe(100);
    const partners = north.partners;
    if (partners.suppressed) throw new Error("suppressed");
    expect(partners.ratings).toBe(3);

    const risk = shown(partners.principles.find((p) => p.key === "risk-sharing"));
    expect(risk).toMatchObject({ n: 3, mean: 66.7, median: 100, band: "good" });
    expect(risk.distribution).toEqual({ strong: 2, good: 0, developing: 0, concern: 1 });
    expect(partners.principles.find((p) => p.key === "data-sharing")).toEqual({
      key: "data-sharing",
      suppressed: true,
    });
    const days = partners.questions.find((q) => q.key === "pay.days.sub");
    expect(days).toMatchObject({ n: 3, mean: 53.3, flagged: 2, flaggedShare: 66.7 });
    const bidCandy = partners.questions.find((q) => q.key === "faith.bid-candy.sub");
    expect(bidCandy).toMatchObject({ n: 3, flagged: 1, flaggedShare: 33.3 });

    // Beacon has only two partners' ratings: nothing is shown, not even a count of answers.
    expect(south.partners).toEqual({ suppressed: true });
    expect(south.submitted).toBe(2);

    // The supply chain: 3 of Anvil's partners were named in the bid, 2 of them deliver, B got no work.
    expect(north.supplyChain).toEqual({
      roster: 4,
      namedInBid: 3,
      namedDelivering: 2,
      namedNoWork: ["Partner B"],
      delivering: 3,
      exited: 0,
    });
  });

  it("computes the same figures as the scoring library does from the first three ratings", async () => {
    const report = await getContractReport(council, contractId, { now: NOW });
    const expected = aggregateRatings(
      (["a", "b", "c"] as const).map((p) => ({
        id: p,
        respondent: p,
        assessment: scoreAssessment(framework, RATINGS[p], "subcontractor"),
      })),
    );
    expect(report.primes[0]?.partners).toEqual(expected);
  });

  it("sets the prime's claims beside its partners': blind spots and disputed claims", async () => {
    const report = await getContractReport(council, contractId, { now: NOW });
    const north = report.primes[0];
    const comparison = north?.comparison;
    if (!comparison?.comparable) throw new Error("not comparable");
    expect(north?.self?.score).toBe(100);
    expect(comparison.principles.find((p) => p.key === "risk-sharing")).toMatchObject({
      self: 100,
      partners: 66.7,
      gap: 33.3,
      view: "blind-spot",
    });
    expect(comparison.pairs.find((p) => p.pairKey === "pay.days")).toMatchObject({
      self: 100,
      partners: 53.3,
      claimDisputed: true,
    });
  });

  it("shows the trend across cycles", async () => {
    const report = await getContractReport(council, contractId, { now: NOW });
    const trend = report.primes[0]?.trend;
    const partners = report.primes[0]?.partners;
    if (!trend || !partners || partners.suppressed) throw new Error("no trend");
    const worst = scoreAssessment(framework, answersAt("subcontractor", "worst"), "subcontractor").score;
    expect(trend.cycles.map((c) => [c.name, c.overall])).toEqual([
      ["2025–26", worst],
      ["2026–27", shown(partners.overall).mean],
    ]);
    expect(trend.steps).toHaveLength(1);
    expect(trend.steps[0]?.overall.change).toBeGreaterThan(50);
  });

  it("gives the commissioner partners' notes from counted ratings only, never who wrote them", async () => {
    const report = await getContractReport(council, contractId, { now: NOW });
    expect(report.primes[0]?.notes).toEqual([
      { questionKey: "pay.days.sub", evidence: "Invoices wait six weeks" },
      { questionKey: "pay.days.sub", evidence: "Paid within ten days" },
    ]);
    expect(JSON.stringify(report)).not.toContain("The fourth partner's note");
  });

  it("shows a prime only itself, and only the notes partners chose to share with it", async () => {
    const report = await getContractReport(anvil, contractId, { now: NOW });
    expect(report.viewer).toBe("prime");
    expect(report.primes.map((p) => p.prime.name)).toEqual(["Anvil Services Ltd"]);
    expect(report.primes[0]?.notes).toEqual([
      { questionKey: "pay.days.sub", evidence: "Invoices wait six weeks" },
    ]);
    expect(report.benchmark).toBeNull();
    const text = JSON.stringify(report);
    expect(text).not.toContain("Paid within ten days");
    expect(text).not.toContain(partnerA.organisationId);
    expect(text).not.toContain("Partner A");
    await expect(
      getContractReport(anvil, contractId, { now: NOW, primeId: beacon.organisationId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const other = await getContractReport(beacon, contractId, { now: NOW });
    expect(other.primes.map((p) => p.prime.name)).toEqual(["Beacon Outcomes plc"]);
  });

  it("shows a partner only its prime's combined figures: no self-assessment, no notes", async () => {
    const report = await getContractReport(partnerA, contractId, { now: NOW });
    expect(report.viewer).toBe("partner");
    expect(report.primes.map((p) => p.prime.name)).toEqual(["Anvil Services Ltd"]);
    expect(report.primes[0]?.self).toBeNull();
    expect(report.primes[0]?.comparison).toBeNull();
    expect(report.primes[0]?.notes).toEqual([]);
    expect(report.primes[0]?.partners.suppressed).toBe(false);
    const e = await getContractReport(partnerE, contractId, { now: NOW });
    expect(e.primes.map((p) => [p.prime.name, p.partners])).toEqual([
      ["Beacon Outcomes plc", { suppressed: true }],
    ]);
  });

  it("is not found for another commissioner and for organisations not on the contract", async () => {
    await expect(getContractReport(otherCouncil, contractId, { now: NOW })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getContractReport(outsider, contractId, { now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      getContractReport(council, contractId, { now: NOW, cycleId: "not-a-cycle" }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("puts every prime on every contract side by side for the commissioner, with the same figures", async () => {
    const programme = await getProgrammeReport(council, { now: NOW });
    expect(programme.cycleNames).toEqual(["2026–27", "2025–26"]);
    expect(programme.cycleName).toBe("2026–27");
    expect(programme.rows.map((r) => [r.prime.name, r.submitted, r.roster])).toEqual([
      ["Anvil Services Ltd", 4, 4],
      ["Beacon Outcomes plc", 2, 2],
    ]);
    const contract = await getContractReport(council, contractId, { now: NOW });
    expect(programme.rows[0]?.partners).toEqual(contract.primes[0]?.partners);
    expect(programme.rows[0]?.self?.overall).toBe(100);
    expect(programme.rows[1]?.partners).toEqual({ suppressed: true });
    const earlier = await getProgrammeReport(council, { now: NOW, cycleName: "2025–26", contractId });
    expect(earlier.rows.map((r) => r.prime.name)).toEqual(["Anvil Services Ltd", "Beacon Outcomes plc"]);
    expect(earlier.rows[0]?.self).toBeNull();

    await expect(getProgrammeReport(anvil, { now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProgrammeReport(otherCouncil, { now: NOW, contractId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect((await getProgrammeReport(otherCouncil, { now: NOW })).rows).toEqual([]);
  });

  it("keeps showing a prime's self-assessment while it drafts a correction, and the correction once sent", async () => {
    const { client } = database;
    const { commissioner, prime, contractId, rate } = await createRatingScenario(client, { partners: 0 });
    const original = await rate(prime, answersAt("prime", "best"));
    const correction = await createAssessment(client, {
      contractId,
      cycleId: original.cycleId,
      primeId: prime.organisationId,
      respondentOrgId: prime.organisationId,
      perspective: "prime",
      answers: answersAt("prime", "worst"),
      version: 2,
      supersedesId: original.id,
    });
    const selfScore = async () =>
      (await getContractReport(commissioner, contractId, { now: NOW })).primes[0]?.self?.score;
    expect(await selfScore()).toBe(100);
    await submit(prime, correction.id, correction.revision, { now: NOW });
    expect(await selfScore()).toBe(scoreAssessment(framework, answersAt("prime", "worst"), "prime").score);
  });

  it("stores the scores of earlier submissions that have none, once", async () => {
    const { client } = database;
    const { partner, rate } = await createRatingScenario(client);
    const answers = answersAt("subcontractor", "best", { "pay.days.sub": 45 });
    // Submitted before submitting stored scores: its answers and no scores. The database refuses to
    // remove a submitted assessment's scores, so it is written as it was then, a draft submitted by hand.
    const rating = await rate(partner, answers, { submittedAt: null });
    await client.$executeRaw`UPDATE "Assessment" SET status = 'SUBMITTED', "submittedAt" = ${NOW} WHERE id = ${rating.id}`;
    expect(await backfillScores(client)).toBe(1);
    expect(await backfillScores(client)).toBe(0);
    const expected = storedScores(scoreAssessment(framework, answers, "subcontractor"));
    expect(expected.length).toBeGreaterThan(0);
    expect(
      await client.assessmentScore.findMany({
        where: { assessmentId: rating.id },
        select: { measure: true, score: true },
        orderBy: { measure: "asc" },
      }),
    ).toEqual([...expected].sort((a, b) => a.measure.localeCompare(b.measure)));
  });
});
