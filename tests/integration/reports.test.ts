import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { NotFoundError } from "@/lib/errors";
import { type Answers, framework } from "@/lib/framework";
import { exportReport } from "@/lib/reports/export-response";
import { storedScores } from "@/lib/reports/stored-scores";
import { reportTable, TABLES } from "@/lib/reports/tables";
import { type MeasureResult, scoreAssessment } from "@/lib/scoring";
import { meanOfTenths } from "@/lib/scoring/numbers";
import { PRIME_KNOWN_QUESTIONS } from "@/lib/scoring/release";
import { createApiToken } from "@/lib/services/api-tokens";
import { submit } from "@/lib/services/assessments";
import { getProgrammeReport } from "@/lib/services/programme-report";
import { releasedFigures, releasePeriod } from "@/lib/services/releases";
import { type ContractReport, getContractReport } from "@/lib/services/reports";
import { backfillScores } from "@/lib/services/score-backfill";
import { answersAt, principleKeys } from "@/tests/support/answers";
import {
  actorFor,
  createAssessment,
  createCommissioner,
  createCycle,
  createSubcontractor,
  createUser,
} from "@/tests/support/factories";
import { nonEmpty } from "@/tests/support/non-empty";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/** 2026–27 is open; 2025–26 has closed but nothing is released until a test releases it. */
const NOW = new Date("2026-12-01T12:00:00Z");
/** After 2026–27 has closed. */
const AFTER = new Date("2027-02-15T12:00:00Z");
const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute));

const dontKnow = (principle: string): Answers =>
  Object.fromEntries(principleKeys(principle, "subcontractor").map((k) => [k, "dont_know"]));

/**
 * The fixture, by hand. The council releases at the lowest thresholds (3 and 3). Prime Anvil (lot
 * North) has four partners on its roster; in 2026–27 A, B, C and D rate it. Prime Beacon (South) has
 * two partners, who both rate it: never enough for a figure.
 * - Risk sharing: A and B answer every question best (100), C and D worst (0): mean 50.
 * - Data sharing: A best, B worst, C and D "Don't know" throughout: only 2 partners have a score, so
 *   it is hidden although 4 partners answered.
 * - Days to pay: A 10, B 45, C 60, D 90: a fact the prime sets per partner, so its figures are for
 *   the commissioner only. Flags need 3 partners on each side: with 4 no count is ever released.
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

/** Every partners' figure a report holds, as text: empty when it shows counts only. */
function figuresIn(report: ContractReport): string[] {
  return report.primes.flatMap((p) => {
    if (p.partners.suppressed) return [];
    return [
      ...[p.partners.overall, ...p.partners.principles].flatMap((m) =>
        m.suppressed ? [] : [`${m.key} ${m.mean} ${m.median}`],
      ),
      ...p.partners.questions.flatMap((q) => (q.suppressed ? [] : [`${q.key} ${q.mean} ${q.flagged}`])),
    ];
  });
}

describe.each(testDatabaseKinds())("reports on %s", (kind) => {
  const database = useTestDatabase(kind);

  /**
   * The fixture above, new for each test: releases are stored for good, so a test that releases
   * must not share its world with one that reads before the release.
   */
  async function world() {
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
    const [anvil, beacon] = scenario.primes as [Actor, Actor];
    const [a, b, c, d, e, f] = scenario.partners as [Actor, Actor, Actor, Actor, Actor, Actor];
    const outsider = actorFor(await createSubcontractor(client));
    const contractId = scenario.contractId;
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
      evidence: {
        "pay.days.sub": "Invoices wait six weeks",
        "pay.full-cost.sub": "Overheads are not covered",
      },
      notesSharedWithPrime: true,
    });
    await rate(c, RATINGS.c, { submittedAt: at(3) });
    await rate(d, RATINGS.d, { submittedAt: at(4) });
    await rate(e, RATINGS.a, { prime: beacon, submittedAt: at(5) });
    await rate(f, RATINGS.b, { prime: beacon, submittedAt: at(6) });
    for (const [i, p] of [a, b, c].entries()) {
      await rate(p, answersAt("subcontractor", "worst"), { cycleId: previous, submittedAt: at(10 + i) });
    }
    // A draft, and a partner off the contract, never count.
    await rate(outsider, answersAt("subcontractor", "best"), { submittedAt: null });
    await rate(anvil, answersAt("prime", "best", { "pay.days.prime": 10 }), { submittedAt: at(20) });
    return {
      council,
      councilAdmin,
      otherCouncil: actorFor(await createCommissioner(client)),
      anvil,
      beacon,
      partnerA: a,
      outsider,
      contractId,
      cycleId: scenario.cycleId,
      previous,
    };
  }

  it("before a release shows counts only: who answered, never a partners' figure", async () => {
    const w = await world();
    for (const [actor, cycleId] of [
      [w.council, undefined],
      [w.council, w.previous],
      [w.anvil, undefined],
      [w.anvil, w.previous],
      [w.partnerA, undefined],
    ] as const) {
      const report = await getContractReport(actor, w.contractId, { now: NOW, cycleId });
      expect(figuresIn(report)).toEqual([]);
      for (const prime of nonEmpty(report.primes, "primes")) {
        expect(prime.partners).toEqual({ suppressed: true });
        expect(prime.released).toBe(false);
        expect(prime.notes).toEqual([]);
        expect(prime.trend.cycles.map((c) => c.overall)).toEqual(prime.trend.cycles.map(() => null));
        expect(prime.trend.steps).toEqual([]);
        if (prime.comparison) expect(prime.comparison).toEqual({ comparable: false });
      }
    }
    const report = await getContractReport(w.council, w.contractId, { now: NOW });
    expect(
      report.primes.map((p) => [p.prime.name, p.submitted, p.supplyChain.roster, p.responseRate]),
    ).toEqual([
      ["Anvil Services Ltd", 4, 4, 100],
      ["Beacon Outcomes plc", 2, 2, 100],
    ]);
    expect(report.minPartners).toBe(3);
    // The supply chain: 3 of Anvil's partners were named in the bid, 2 of them deliver, B got no work.
    expect(report.primes[0]?.supplyChain).toEqual({
      roster: 4,
      namedInBid: 3,
      namedDelivering: 2,
      namedNoWork: ["Partner B"],
      delivering: 3,
      exited: 0,
    });
    const programme = await getProgrammeReport(w.council, { now: NOW });
    expect(programme.rows.map((r) => [r.prime.name, r.submitted, r.roster, r.released, r.partners])).toEqual([
      ["Anvil Services Ltd", 4, 4, false, { suppressed: true }],
      ["Beacon Outcomes plc", 2, 2, false, { suppressed: true }],
    ]);
    expect(programme.benchmark.every((m) => m.ranked.length === 0)).toBe(true);
  });

  it("after the release shows exactly the stored figures, for the commissioner's view", async () => {
    const w = await world();
    const outcome = await releasePeriod(w.councilAdmin, w.council.organisationId, "2026–27", AFTER);
    expect(outcome.releaseId).not.toBeNull();
    const report = await getContractReport(w.council, w.contractId, { now: AFTER });
    expect(report.cycle?.name).toBe("2026–27");
    const [north, south] = report.primes;
    if (!north || !south) throw new Error("missing primes");
    expect(north.released).toBe(true);
    expect(south.released).toBe(false);
    expect(south.partners).toEqual({ suppressed: true });
    const partners = north.partners;
    if (partners.suppressed) throw new Error("suppressed");
    expect([partners.ratings, partners.respondents]).toEqual([4, 4]);

    // Every question figure is the stored one, and nothing the release did not store is shown.
    const stored = await database.client.releaseFigure.findMany({
      where: { scope: { level: "CONTRACT", contractId: w.contractId, primeId: w.anvil.organisationId } },
      select: { family: true, key: true, ratings: true, totalTenths: true, raised: true },
    });
    const questions = new Map(
      stored
        .filter((s) => s.family === "QUESTION")
        .map((s) => [s.key, meanOfTenths(s.totalTenths ?? 0, s.ratings)]),
    );
    expect(questions.size).toBeGreaterThan(0);
    for (const q of nonEmpty(partners.questions, "questions")) {
      if (q.suppressed) expect(questions.has(q.key)).toBe(false);
      else expect([q.key, q.mean, q.n]).toEqual([q.key, questions.get(q.key), 4]);
    }
    // No flag count with 4 partners at a category threshold of 3: one side always has fewer than 3.
    expect(stored.filter((s) => s.family === "FLAG")).toEqual([]);
    expect(partners.questions.every((q) => q.suppressed || q.flagged === null)).toBe(true);

    // By hand: risk sharing 100, 100, 0, 0; data sharing answered by 2 only, so never shown.
    const risk = shown(partners.principles.find((p) => p.key === "risk-sharing"));
    expect(risk).toMatchObject({ mean: 50, band: "developing" });
    expect(partners.principles.find((p) => p.key === "data-sharing")).toEqual({
      key: "data-sharing",
      suppressed: true,
    });
    expect(partners.questions.find((q) => q.key === "pay.days.sub")?.suppressed).toBe(false);

    // The means are the derived means of the commissioner's view, prime-known questions included.
    const [scope] = (
      await releasedFigures(w.council, { primeId: w.anvil.organisationId, period: "2026–27" })
    ).filter((s) => s.level === "contract");
    const derived = new Map(scope?.derived.map((d) => [d.measure, d.mean]));
    expect(shown(partners.overall).mean).toBe(derived.get("overall"));
    expect(risk.mean).toBe(derived.get("risk-sharing"));

    // The prime claims to pay within 30 days; partners' flag count is not released, so unknown.
    const comparison = north.comparison;
    if (!comparison?.comparable) throw new Error("not comparable");
    expect(comparison.principles.find((p) => p.key === "risk-sharing")).toMatchObject({
      self: 100,
      partners: 50,
      gap: 50,
      view: "blind-spot",
    });
    expect(comparison.pairs.find((p) => p.pairKey === "pay.days")?.claimDisputed).toBeNull();
    expect(comparison.pairs.some((p) => p.claimDisputed === true)).toBe(false);

    // Notes come with the release, from the released ratings, never attributed.
    expect(north.notes).toEqual([
      { questionKey: "pay.days.sub", evidence: "Invoices wait six weeks" },
      { questionKey: "pay.days.sub", evidence: "Paid within ten days" },
      { questionKey: "pay.full-cost.sub", evidence: "Overheads are not covered" },
    ]);

    // The programme report reads the same release's means, and no other figure.
    const programme = await getProgrammeReport(w.council, { now: AFTER, cycleName: "2026–27" });
    const row = programme.rows[0]?.partners;
    if (!row || row.suppressed) throw new Error("expected the released means");
    const means = (a: typeof partners) =>
      [a.overall, ...a.principles].map((m) => (m.suppressed ? null : m.mean));
    expect(means(row)).toEqual(means(partners));
    expect(means(row).filter((m) => m !== null).length).toBeGreaterThan(0);
    expect(row.questions.every((q) => q.suppressed)).toBe(true);
    expect([row.ratings, row.respondents]).toEqual([4, 4]);
    expect(programme.rows[0]?.released).toBe(true);
    expect(programme.rows[1]?.partners).toEqual({ suppressed: true });
  });

  it("shows a closed period's new release at once, though its programme report is kept for readers", async () => {
    const w = await world();
    const asked = { now: AFTER, cycleName: "2026–27" };
    const before = await getProgrammeReport(w.council, asked);
    expect(nonEmpty(before.rows, "programme rows").every((r) => !r.released)).toBe(true);
    // Kept: the same report object answers the next reader.
    expect(await getProgrammeReport(w.council, asked)).toBe(before);
    await releasePeriod(w.councilAdmin, w.council.organisationId, "2026–27", AFTER);
    const after = await getProgrammeReport(w.council, asked);
    expect(after.rows.some((r) => r.released)).toBe(true);
  });

  it("never gives a prime a figure about facts it sets per partner, through any report, export or API", async () => {
    const w = await world();
    await releasePeriod(w.councilAdmin, w.council.organisationId, "2026–27", AFTER);
    const forCouncil = await getContractReport(w.council, w.contractId, { now: AFTER });
    const forPrime = await getContractReport(w.anvil, w.contractId, { now: AFTER });
    expect(forPrime.viewer).toBe("prime");
    const council = forCouncil.primes[0]?.partners;
    const prime = forPrime.primes[0]?.partners;
    if (!council || council.suppressed || !prime || prime.suppressed) throw new Error("expected figures");
    const known = nonEmpty(
      council.questions.filter((q) => PRIME_KNOWN_QUESTIONS.includes(q.key) && !q.suppressed),
      "prime-known figures the commissioner reads",
    );
    for (const q of known) {
      expect(prime.questions.find((x) => x.key === q.key)).toMatchObject({ suppressed: true });
    }
    // The prime's means leave those questions out: its view, not the commissioner's.
    const [scope] = (
      await releasedFigures(w.anvil, { primeId: w.anvil.organisationId, period: "2026–27" })
    ).filter((s) => s.level === "contract");
    expect(scope?.figures.every((f) => f.audience === "all")).toBe(true);
    expect(shown(prime.overall).mean).toBe(scope?.derived.find((d) => d.measure === "overall")?.mean);
    expect(shown(prime.overall).mean).not.toBe(shown(council.overall).mean);

    // The tables the prime downloads (CSV, PDF) carry its view's means, and no flag count.
    const principles = reportTable(forPrime, "principles");
    const mean = principles.header.indexOf("Partners' mean");
    const overall = principles.rows.find((r) => r[2] === "Overall");
    expect(overall?.[mean]).toBe(shown(prime.overall).mean);
    const flags = reportTable(forPrime, "flags");
    const raised = flags.header.indexOf("Partners raising it");
    expect(nonEmpty(flags.rows, "flag rows").every((r) => r[raised] === null)).toBe(true);
    expect(TABLES).toContain("primes");
    const { client } = database;
    const user = await createUser(client);
    await client.membership.create({
      data: { userId: user.id, organisationId: w.anvil.organisationId, role: "ADMIN" },
    });
    const key = await createApiToken({ ...w.anvil, userId: user.id, role: "ADMIN" }, "Prime's key");
    const response = await exportReport(
      new Request(`http://chainwise.test/api/reports/contracts/${w.contractId}?format=json`, {
        headers: { authorization: `Bearer ${key.token}` },
      }),
      { contractId: w.contractId },
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.viewer).toBe("prime");
    const questions = body.primes[0].partners.questions as { key: string; suppressed: boolean }[];
    for (const q of known) expect(questions.find((x) => x.key === q.key)?.suppressed).toBe(true);
    expect(body.primes[0].partners.overall.mean).toBe(shown(prime.overall).mean);
  });

  it("shows the trend between releases only", async () => {
    const w = await world();
    // 2025–26 released; 2026–27 still open: one point, no step.
    await releasePeriod(w.councilAdmin, w.council.organisationId, "2025–26", NOW);
    const open = await getContractReport(w.council, w.contractId, { now: NOW });
    const worstRelease = open.primes[0]?.trend.cycles.find((c) => c.name === "2025–26")?.overall;
    // Every answer the worst: the overall mean is near 0 (a few worst answers still score a little).
    expect(worstRelease).toBeLessThan(5);
    expect(open.primes[0]?.trend.cycles.find((c) => c.name === "2026–27")?.overall).toBeNull();
    expect(open.primes[0]?.trend.steps).toEqual([]);
    expect(open.primes[0]?.partners).toEqual({ suppressed: true });

    await releasePeriod(w.councilAdmin, w.council.organisationId, "2026–27", AFTER);
    const report = await getContractReport(w.council, w.contractId, { now: AFTER });
    const trend = report.primes[0]?.trend;
    const partners = report.primes[0]?.partners;
    if (!trend || !partners || partners.suppressed) throw new Error("no trend");
    expect(trend.cycles.map((c) => [c.name, c.overall])).toEqual([
      ["2025–26", worstRelease],
      ["2026–27", shown(partners.overall).mean],
    ]);
    expect(trend.steps).toHaveLength(1);
    expect(trend.steps[0]?.overall.change).toBeGreaterThan(30);
  });

  it("shows a prime only itself, and only the notes partners chose to share with it, none about facts it sets per partner", async () => {
    const w = await world();
    await releasePeriod(w.councilAdmin, w.council.organisationId, "2026–27", AFTER);
    const report = await getContractReport(w.anvil, w.contractId, { now: AFTER });
    expect(report.viewer).toBe("prime");
    expect(report.primes.map((p) => p.prime.name)).toEqual(["Anvil Services Ltd"]);
    expect(report.primes[0]?.notes).toEqual([
      { questionKey: "pay.full-cost.sub", evidence: "Overheads are not covered" },
    ]);
    expect(report.benchmark).toBeNull();
    const text = JSON.stringify(report);
    expect(text).not.toContain("Paid within ten days");
    expect(text).not.toContain("Invoices wait six weeks");
    expect(text).not.toContain(w.partnerA.organisationId);
    expect(text).not.toContain("Partner A");
    await expect(
      getContractReport(w.anvil, w.contractId, { now: AFTER, primeId: w.beacon.organisationId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const other = await getContractReport(w.beacon, w.contractId, { now: AFTER });
    expect(other.primes.map((p) => [p.prime.name, p.partners])).toEqual([
      ["Beacon Outcomes plc", { suppressed: true }],
    ]);
  });

  it("shows a partner how many answered and, after the release, exactly the figures its prime reads", async () => {
    const w = await world();
    expect(figuresIn(await getContractReport(w.partnerA, w.contractId, { now: AFTER }))).toEqual([]);
    await releasePeriod(w.councilAdmin, w.council.organisationId, "2026–27", AFTER);
    const report = await getContractReport(w.partnerA, w.contractId, { now: AFTER });
    expect(report.viewer).toBe("partner");
    expect(report.primes.map((p) => [p.prime.name, p.submitted])).toEqual([["Anvil Services Ltd", 4]]);
    expect(report.primes[0]?.self).toBeNull();
    expect(report.primes[0]?.comparison).toBeNull();
    expect(report.primes[0]?.notes).toEqual([]);
    // ADR 0011: a partner reads what the prime reads, never the figures about facts the prime sets.
    const prime = await getContractReport(w.anvil, w.contractId, {
      now: AFTER,
      primeId: w.anvil.organisationId,
    });
    expect(nonEmpty(figuresIn(report), "partner's figures")).toEqual(figuresIn(prime));
    expect(figuresIn(report).some((f) => f.startsWith("pay.days.sub"))).toBe(false);
  });

  it("is not found for another commissioner and for organisations not on the contract", async () => {
    const w = await world();
    await expect(getContractReport(w.otherCouncil, w.contractId, { now: NOW })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(getContractReport(w.outsider, w.contractId, { now: NOW })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      getContractReport(w.council, w.contractId, { now: NOW, cycleId: "not-a-cycle" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(getProgrammeReport(w.anvil, { now: NOW })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      getProgrammeReport(w.otherCouncil, { now: NOW, contractId: w.contractId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await getProgrammeReport(w.otherCouncil, { now: NOW })).rows).toEqual([]);
  });

  it("lists the programme's cycles and each prime's own score", async () => {
    const w = await world();
    const programme = await getProgrammeReport(w.council, { now: NOW });
    expect(programme.cycleNames).toEqual(["2026–27", "2025–26"]);
    expect(programme.cycleName).toBe("2026–27");
    expect(programme.rows[0]?.self?.overall).toBe(100);
    const earlier = await getProgrammeReport(w.council, {
      now: NOW,
      cycleName: "2025–26",
      contractId: w.contractId,
    });
    expect(earlier.rows.map((r) => [r.prime.name, r.submitted])).toEqual([
      ["Anvil Services Ltd", 3],
      ["Beacon Outcomes plc", 0],
    ]);
    expect(earlier.rows[0]?.self).toBeNull();
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
