import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { RuleError } from "@/lib/errors";
import { DONT_KNOW, framework, frameworkV2, principleQuestions, questionsFor } from "@/lib/framework";
import type { PageAnswer } from "@/lib/questionnaire/form";
import { exportReport } from "@/lib/reports/export-response";
import { reportTable } from "@/lib/reports/tables";
import { createApiToken } from "@/lib/services/api-tokens";
import { getOwnAssessment, savePrinciple, startCorrection, submit } from "@/lib/services/assessments";
import { chainInvitations } from "@/lib/services/invitation-lists";
import {
  releaseDue,
  releasedFigures,
  releasedFlagCounts,
  releasedNotes,
  releaseNational,
  releasePeriod,
} from "@/lib/services/releases";
import { getContractReport } from "@/lib/services/reports";
import { answersAt } from "@/tests/support/answers";
import {
  AFTER,
  chain,
  DURING,
  exposed,
  OPEN,
  programme,
  publishedQuestions,
  scopeMembers,
  smallGroups,
} from "@/tests/support/disclosure";
import { actorFor, createPrime, createUser } from "@/tests/support/factories";
import { nonEmpty } from "@/tests/support/non-empty";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/**
 * The adversarial prime of issue 13, played through the services on both databases: it controls
 * some partners, corrects their answers, and reads every figure it is allowed. Each attack asserts
 * what the prime learns. The reader is made stronger than a real prime, which sees only counts and
 * means: it is told exactly which ratings each figure rests on (tests/support/disclosure.ts), and
 * anything it can work out by adding and subtracting totals counts as learned
 * (docs/decisions/0011, "What it guarantees" and "What it does not stop").
 */

const alone = (ids: readonly string[]) => new Map(ids.map((id) => [id, [id]]));

describe.each(testDatabaseKinds())("disclosure attacks on %s", (kind) => {
  const database = useTestDatabase(kind);
  const newPrime = async () => actorFor(await createPrime(database.client));
  /** An administrator of the organisation, for what needs a person (an API key). */
  const memberOf = async (org: Actor): Promise<Actor> => {
    const user = await createUser(database.client);
    await database.client.membership.create({
      data: { userId: user.id, organisationId: org.organisationId, role: "ADMIN" },
    });
    return { ...org, userId: user.id, role: "ADMIN" };
  };

  /** A partner corrects its submitted rating to "Don't know" on every question, through the services. */
  async function correctToDontKnow(partner: Actor, ratingId: string, now = DURING) {
    const id = await startCorrection(partner, ratingId, now);
    for (const principle of framework.principles) {
      const view = await getOwnAssessment(partner, id);
      const page = new Map<string, PageAnswer>(
        principleQuestions(framework, principle.key, "subcontractor").map((q) => [
          q.key,
          { value: DONT_KNOW, evidence: null },
        ]),
      );
      await savePrinciple(partner, { id, revision: view.revision, principle: principle.key, answers: page });
    }
    const view = await getOwnAssessment(partner, id);
    await submit(partner, id, view.revision, { now });
    return id;
  }

  it("a friendly partner first, three honest ones, then the friendly correction: the prime learns no honest partner's answer", async () => {
    const { client } = database;
    const { admin, commissionerId, period } = await programme(client, { score: 3, category: 3 });
    const prime = await newPrime();
    const contract = await chain(client, commissionerId, prime, period, 4);
    const [friendly, ...honest] = contract.partners as [Actor, Actor, Actor, Actor];
    const friendlyRating = await contract.rate(friendly, "best", 1);
    const honestRatings = [
      await contract.rate(honest[0] as Actor, "worst", 2),
      await contract.rate(honest[1] as Actor, "best", 3),
      await contract.rate(honest[2] as Actor, "worst", 4),
    ];

    // While the cycle is open the prime reads no figure at all, so nothing moves when anyone answers.
    expect(await releasedFigures(prime, { primeId: prime.organisationId, period })).toEqual([]);
    const corrected = await correctToDontKnow(friendly, friendlyRating);
    expect(await releasedFigures(prime, { primeId: prime.organisationId, period })).toEqual([]);

    await releasePeriod(admin, commissionerId, period, AFTER);
    const figures = nonEmpty(
      await publishedQuestions(client, prime.organisationId, [period]),
      "published question figures",
    );
    for (const figure of figures) {
      // The friendly partner's "Don't know" counts in no figure; the original it corrected in none.
      expect(figure.ratingIds).not.toContain(corrected);
      expect(figure.ratingIds).not.toContain(friendlyRating);
      expect(figure.partners).toBeGreaterThanOrEqual(3);
    }
    expect(exposed(figures, alone(honestRatings))).toEqual([]);
    // Nor if one honest partner also tells the prime everything it said: two unknowns remain.
    const [told, ...others] = honestRatings as [string, string, string];
    expect(exposed(figures, alone(others), { known: [told] })).toEqual([]);
  });

  it("with exactly k partners, k − 1 of them the prime's, the last is disclosed: the limit the partner's page states", async () => {
    const { client } = database;
    const { admin, commissionerId, period } = await programme(client, { score: 3, category: 3 });
    const prime = await newPrime();
    const contract = await chain(client, commissionerId, prime, period, 3);
    const [a, b, honest] = contract.partners as [Actor, Actor, Actor];
    const friendly = [await contract.rate(a, "best", 1), await contract.rate(b, "best", 2)];
    const honestRating = await contract.rate(honest, "worst", 3);
    await releasePeriod(admin, commissionerId, period, AFTER);
    const figures = nonEmpty(
      await publishedQuestions(client, prime.organisationId, [period]),
      "published question figures",
    );
    // Knowing two of the three, the prime has the third's answer to every published question. The
    // threshold cannot stop this; ADR 0011 says so, and so does the partner's start page.
    const keys = [...new Set(figures.map((f) => f.key))].sort();
    expect(exposed(figures, alone([honestRating]), { known: friendly })).toEqual(
      keys.map((key) => `${honestRating} on ${key}`),
    );
  });

  it("a counted partner's correction while the cycle is open is part of the release; after the close it is refused, and nothing released moves", async () => {
    const { client } = database;
    const { admin, commissionerId, period } = await programme(client, { score: 3, category: 3 });
    const prime = await newPrime();
    const contract = await chain(client, commissionerId, prime, period, 4);
    const ratings: string[] = [];
    for (const [i, partner] of contract.partners.entries())
      ratings.push(await contract.rate(partner, i % 2 ? "best" : "worst", i));
    const changer = contract.partners[3] as Actor;
    const original = ratings[3] as string;

    // The prime's report shows the same count before and after the correction, and no figure.
    const seen = async () => (await getContractReport(prime, contract.contractId, { now: DURING })).primes[0];
    const before = await seen();
    const corrected = await correctToDontKnow(changer, original);
    const after = await seen();
    expect(after?.submitted).toBe(4);
    expect(after).toEqual(before);
    expect(after?.partners).toEqual({ suppressed: true });

    await releasePeriod(admin, commissionerId, period, AFTER);
    const released = await releasedFigures(prime, { primeId: prime.organisationId, period });
    const figures = nonEmpty(
      await publishedQuestions(client, prime.organisationId, [period]),
      "published question figures",
    );
    // Only the corrected version counts, and it answered nothing: the three others carry every figure.
    for (const figure of figures) expect(figure.ratingIds.sort()).toEqual(ratings.slice(0, 3).sort());
    expect(exposed(figures, alone(ratings.slice(0, 3)))).toEqual([]);

    // After the close a change of view waits for the next cycle, and the release stays as it was.
    await expect(startCorrection(changer, corrected, AFTER)).rejects.toBeInstanceOf(RuleError);
    await releaseDue(new Date("2027-03-01T00:00:00Z"));
    await releasePeriod(admin, commissionerId, period, new Date("2027-03-02T00:00:00Z"));
    expect(await releasedFigures(prime, { primeId: prime.organisationId, period })).toEqual(released);
  });

  it("a partner that skips one question gives its principle score away through no figure: principle means come only from question means", async () => {
    const { client } = database;
    const { admin, commissionerId, period } = await programme(client, { score: 3, category: 3 });
    const prime = await newPrime();
    const contract = await chain(client, commissionerId, prime, period, 4);
    const [h, ...rest] = contract.partners as [Actor, Actor, Actor, Actor];
    // The attack of ADR 0011 (7): with a mean of partners' own principle scores beside the question
    // means, n × principle − (sum of question totals) ÷ 5 was h's own score ÷ 5.
    const skipped = "pay.method-choice.sub";
    const hRating = await contract.rate(h, answersAt("subcontractor", "best", { [skipped]: DONT_KNOW }), 0);
    const others = [];
    for (const [i, p] of rest.entries()) others.push(await contract.rate(p, "worst", i + 1));
    await releasePeriod(admin, commissionerId, period, AFTER);

    const [scope] = await releasedFigures(prime, { primeId: prime.organisationId, period });
    if (!scope) throw new Error("expected the contract scope to be released");
    const asked = principleQuestions(framework, "fair-payment", "subcontractor").filter((q) => !q.primeKnown);
    const means = new Map(scope.figures.flatMap((f) => (f.kind === "question" ? [[f.key, f] as const] : [])));
    expect(means.get(skipped)?.partners).toBe(3);
    // The only principle figure the prime reads is the weighted mean of the question means it reads.
    const used = nonEmpty(
      asked.filter((q) => means.has(q.key)),
      "fair-payment questions published",
    );
    const weights = used.reduce((sum, q) => sum + q.weight, 0);
    const exact = used.reduce((sum, q) => {
      const figure = means.get(q.key);
      return sum + (figure?.kind === "question" ? figure.mean * q.weight : 0);
    }, 0);
    const principle = scope.derived.find((d) => d.measure === "fair-payment");
    expect(principle?.mean).toBeCloseTo(exact / weights, 0);
    expect(scope.figures.filter((f) => f.kind === "spread" && f.key === "fair-payment")).toEqual([]);
    const figures = await publishedQuestions(client, prime.organisationId, [period]);
    expect(exposed(figures, alone([hRating, ...others]))).toEqual([]);
  });

  it("three figures that differ pairwise by enough still cannot isolate a partner: all − A − B is checked", async () => {
    const { client } = database;
    const { admin, commissionerId, period } = await programme(client, { score: 3, category: 3 });
    const prime = await newPrime();
    const ratings: string[] = [];
    let minute = 0;
    for (const size of [3, 3, 1]) {
      const contract = await chain(client, commissionerId, prime, period, size);
      for (const partner of contract.partners)
        ratings.push(await contract.rate(partner, minute % 2 ? "best" : "worst", ++minute));
    }
    await releasePeriod(admin, commissionerId, period, AFTER);
    const scopes = nonEmpty(
      await client.releaseScope.findMany({
        where: { primeId: prime.organisationId, period },
        select: scopeMembers,
      }),
      "published scopes",
    );
    // The pool (7) with both three-partner contracts would leave the seventh partner alone.
    expect(scopes.length).toBeLessThan(3);
    expect(smallGroups(scopes, 3)).toEqual([]);
    const figures = nonEmpty(await publishedQuestions(client, prime.organisationId, [period]), "figures");
    expect(exposed(figures, alone(ratings))).toEqual([]);
  });

  it("counts a partner on two contracts once, and never isolates one organisation's ratings", async () => {
    const { client } = database;
    const { admin, commissionerId, period } = await programme(client, { score: 3, category: 3 });
    const prime = await newPrime();
    const a = await chain(client, commissionerId, prime, period, 3);
    const b = await chain(client, commissionerId, prime, period, 1);
    const c = await chain(client, commissionerId, prime, period, 0);
    const p = a.partners[0] as Actor;
    await b.enrol(p);
    await c.enrol(p);
    // By ratings the pool less contract A is three (p on B, B's own partner, p on C); by
    // organisations it is two, so the pool and A cannot both be published.
    const ofP = [await a.rate(p, "best", 1), await b.rate(p, "worst", 2), await c.rate(p, "best", 3)];
    const rest = [
      await a.rate(a.partners[1] as Actor, "worst", 4),
      await a.rate(a.partners[2] as Actor, "best", 5),
      await b.rate(b.partners[0] as Actor, "worst", 6),
    ];
    await releasePeriod(admin, commissionerId, period, AFTER);
    const scopes = nonEmpty(
      await client.releaseScope.findMany({
        where: { primeId: prime.organisationId, period },
        select: { ...scopeMembers, level: true, partners: true },
      }),
      "published scopes",
    );
    for (const scope of scopes) {
      expect(scope.partners).toBe(new Set(scope.members.map((m) => m.assessment.respondentOrgId)).size);
    }
    expect(smallGroups(scopes, 3)).toEqual([]);
    const figures = nonEmpty(await publishedQuestions(client, prime.organisationId, [period]), "figures");
    const groups = new Map([...alone([...ofP, ...rest]), ["p's ratings together", ofP]]);
    expect(exposed(figures, groups)).toEqual([]);
  });

  it("across periods the prime isolates a partner that left only by assuming everyone else answered exactly as before", async () => {
    const { client } = database;
    const { admin, commissionerId } = await programme(client, { score: 3, category: 3 });
    const prime = await newPrime();
    const earlier = `2025–26 ${commissionerId}`;
    const later = `2026–27 ${commissionerId}`;
    const first = await chain(client, commissionerId, prime, earlier, 5, {
      opensAt: new Date("2025-10-01T00:00:00Z"),
      closesAt: new Date("2026-01-31T00:00:00Z"),
    });
    const second = await first.cycle(later);
    const answers = (i: number) => (i % 2 ? "worst" : "best");
    const before: string[] = [];
    for (const [i, partner] of first.partners.entries())
      before.push(await first.rate(partner, answers(i), i));
    await releasePeriod(admin, commissionerId, earlier, new Date("2026-02-15T00:00:00Z"));
    // The fifth partner leaves; the other four answer exactly as they did.
    const after: string[] = [];
    for (const [i, partner] of first.partners.slice(0, 4).entries())
      after.push(await second.rate(partner, answers(i), i));
    await releasePeriod(admin, commissionerId, later, AFTER);

    const figures = nonEmpty(
      await publishedQuestions(client, prime.organisationId, [earlier, later]),
      "figures of both periods",
    );
    expect(new Set(figures.map((f) => f.scopeKey)).size).toBeGreaterThan(1);
    // Periods share no rating, so no rating is pinned down from the totals alone.
    expect(exposed(figures, alone([...before, ...after]))).toEqual([]);
    // Taking the stayers to have answered alike, the leaver's answers follow: ADR 0011's third limit.
    const leaver = before[4] as string;
    const assumptions = after.map((id, i) => [before[i] as string, id] as [string, string]);
    const learned = exposed(figures, alone([leaver]), { assumptions });
    expect(learned.length).toBeGreaterThan(0);
    expect(learned.every((line) => line.startsWith(leaver))).toBe(true);
  });

  it("response counts: the prime's runs to the start of the day, a correction never moves it, and nothing it reads carries a partner's time", async () => {
    const { client } = database;
    const {
      admin: commissioner,
      commissionerId,
      period,
    } = await programme(client, { score: 3, category: 3 });
    const prime = await newPrime();
    const contract = await chain(client, commissionerId, prime, period, 5);
    const ratings: string[] = [];
    for (const [i, partner] of contract.partners.slice(0, 4).entries())
      ratings.push(await contract.rate(partner, "best", i));
    // The fifth answers an hour before the prime looks, on 1 December.
    const minutesToDuring = (DURING.getTime() - OPEN.getTime()) / 60_000;
    ratings.push(await contract.rate(contract.partners[4] as Actor, "worst", minutesToDuring - 61));
    const count = async (reader: Actor, now: Date) =>
      (await getContractReport(reader, contract.contractId, { now })).primes[0]?.submitted;
    expect(await count(prime, DURING)).toBe(4);
    expect(await count(commissioner, DURING)).toBe(5);
    expect((await chainInvitations(prime, contract.contractId, DURING)).answered).toBe(4);
    const nextMorning = new Date("2026-12-02T09:00:00Z");
    expect(await count(prime, nextMorning)).toBe(5);

    // A partner corrects at nine; the prime's count an hour later is still five, not four.
    await correctToDontKnow(contract.partners[0] as Actor, ratings[0] as string, nextMorning);
    const later = new Date("2026-12-02T10:00:00Z");
    expect(await count(prime, later)).toBe(5);
    expect((await chainInvitations(prime, contract.contractId, later)).answered).toBe(5);

    // Nothing in the prime's report is a partner's submission time, or names a partner.
    const report = JSON.stringify(await getContractReport(prime, contract.contractId, { now: later }));
    const rows = await client.assessment.findMany({
      where: { contractId: contract.contractId, perspective: "SUBCONTRACTOR" },
      select: { submittedAt: true, respondentOrgId: true },
    });
    for (const row of nonEmpty(rows, "partners' ratings")) {
      expect(report).not.toContain(row.submittedAt?.toISOString());
      expect(report).not.toContain(row.respondentOrgId);
    }
  });

  it("every way the prime reads a report (the cycle filter, CSV and PDF tables, the JSON API, the trend) carries only numbers its release stores", async () => {
    const { client } = database;
    const { admin, commissionerId } = await programme(client, { score: 3, category: 3 });
    const prime = await newPrime();
    const earlier = `2025–26 ${commissionerId}`;
    const current = `2026–27 ${commissionerId}`;
    const contract = await chain(client, commissionerId, prime, earlier, 4, {
      opensAt: new Date("2025-10-01T00:00:00Z"),
      closesAt: new Date("2026-01-31T00:00:00Z"),
    });
    const now = await contract.cycle(current);
    for (const [i, p] of contract.partners.entries()) {
      await contract.rate(p, i % 2 ? "best" : "worst", i);
      await now.rate(p, i === 0 ? "worst" : "best", i);
    }
    await releasePeriod(admin, commissionerId, earlier, new Date("2026-02-15T00:00:00Z"));
    const key = await createApiToken(await memberOf(prime), "Prime's key");

    /** Every partners' number the prime receives for a cycle, through each path, as "key value". */
    const numbersRead = async (cycleId: string, at: Date) => {
      const report = await getContractReport(prime, contract.contractId, { cycleId, now: at });
      const response = await exportReport(
        new Request(
          `http://chainwise.test/api/reports/contracts/${contract.contractId}?format=json&cycle=${cycleId}`,
          {
            headers: { authorization: `Bearer ${key.token}` },
          },
        ),
        { contractId: contract.contractId },
      );
      expect(response.status).toBe(200);
      const body = (await response.json()) as { primes: { partners: unknown }[] };
      expect(body.primes[0]?.partners).toEqual(JSON.parse(JSON.stringify(report.primes[0]?.partners)));
      const partners = report.primes[0]?.partners;
      const numbers: string[] = [];
      if (partners && !partners.suppressed) {
        for (const m of [partners.overall, ...partners.principles]) {
          if (m.suppressed) continue;
          numbers.push(`${m.key} ${m.mean}`);
          if (m.median !== null) numbers.push(`${m.key} median ${m.median}`);
        }
        for (const q of partners.questions) if (!q.suppressed) numbers.push(`${q.key} ${q.mean}`);
      }
      const principles = reportTable(report, "principles");
      const mean = principles.header.indexOf("Partners' mean");
      for (const row of principles.rows)
        expect(row[mean] === null || numbers.some((n) => n.endsWith(` ${row[mean]}`))).toBe(true);
      const flags = reportTable(report, "flags");
      const raised = flags.header.indexOf("Partners raising it");
      for (const row of flags.rows) expect(row[raised]).toBeNull();
      return { numbers, trend: report.primes[0]?.trend.cycles ?? [] };
    };
    /** What the release stores for the prime in a period, as "key value". */
    const stored = async (period: string) => {
      const scopes = await releasedFigures(prime, { primeId: prime.organisationId, period });
      return scopes.flatMap((scope) => [
        ...scope.derived.map((d) => `${d.measure} ${d.mean}`),
        ...scope.figures.flatMap((f) =>
          f.kind === "question"
            ? [`${f.key} ${f.mean}`]
            : f.kind === "spread"
              ? [`${f.key} median ${f.median}`]
              : [],
        ),
      ]);
    };

    const before = await numbersRead(contract.cycleId, DURING);
    const allowed = new Set(await stored(earlier));
    expect(
      nonEmpty(before.numbers, "numbers read for the released period").every((n) => allowed.has(n)),
    ).toBe(true);
    expect((await numbersRead(now.cycleId, DURING)).numbers).toEqual([]);
    const trend = (await numbersRead(now.cycleId, DURING)).trend;
    expect(trend.map((c) => [c.name, c.overall === null ? null : `overall ${c.overall}`])).toEqual([
      [earlier, before.numbers.find((n) => n.startsWith("overall "))],
      [current, null],
    ]);

    // The current period is released: its numbers are its release's, and the earlier period's stay as they were.
    await releasePeriod(admin, commissionerId, current, AFTER);
    const later = new Set(await stored(current));
    const after = await numbersRead(now.cycleId, AFTER);
    expect(nonEmpty(after.numbers, "numbers read after the release").every((n) => later.has(n))).toBe(true);
    expect((await numbersRead(contract.cycleId, AFTER)).numbers).toEqual(before.numbers);
  });

  it("a prime with six contracts of three partners each gets a pooled and a national figure, and no two figures differ by fewer than the threshold", async () => {
    const { client } = database;
    const { admin, commissionerId, period } = await programme(client, { score: 5, category: 5 });
    const prime = await newPrime();
    let minute = 0;
    for (let c = 0; c < 6; c++) {
      const contract = await chain(client, commissionerId, prime, period, 3);
      for (const partner of contract.partners)
        await contract.rate(partner, minute % 2 ? "best" : "worst", ++minute);
    }
    await releasePeriod(admin, commissionerId, period, AFTER);
    await releaseNational(period, AFTER);

    const scopes = await client.releaseScope.findMany({
      where: { primeId: prime.organisationId, period },
      select: { ...scopeMembers, level: true },
    });
    expect(scopes.map((s) => s.level).sort()).toEqual(["COMMISSIONER", "NATIONAL"]);
    const asPrime = await releasedFigures(prime, { primeId: prime.organisationId, period });
    for (const scope of asPrime)
      expect(nonEmpty(scope.figures, `${scope.level} figures`).length).toBeGreaterThan(0);
    expect(smallGroups(scopes, 5)).toEqual([]);
  });

  it("never shows the prime a figure or a note about what it already knows of each partner (its fee, its payment days)", async () => {
    const { client } = database;
    const { admin, commissionerId, period } = await programme(client, { score: 3, category: 3 });
    const prime = await newPrime();
    const contract = await chain(client, commissionerId, prime, period, 6);
    let minute = 0;
    // Every partner shares its notes with the prime, one of them about the days it waits for pay.
    for (const partner of contract.partners) {
      const evidence: Record<string, string> = { "pay.full-cost.sub": `Overheads, partner ${minute}` };
      if (minute === 0) evidence["pay.days.sub"] = "Paid in 75 days";
      await contract.rate(partner, minute % 2 ? "best" : "worst", ++minute, {
        evidence,
        notesSharedWithPrime: true,
      });
    }
    await releasePeriod(admin, commissionerId, period, AFTER);
    const known = new Set(
      questionsFor(framework, "subcontractor")
        .filter((q) => q.primeKnown)
        .map((q) => q.key),
    );
    expect(known.size).toBeGreaterThan(0);
    const asPrime = await releasedFigures(prime, { primeId: prime.organisationId, period });
    const primeKeys = nonEmpty(
      asPrime.flatMap((s) => s.figures),
      "figures the prime reads",
    ).map((f) => f.key);
    expect(primeKeys.filter((key) => known.has(key))).toEqual([]);
    const asCommissioner = await releasedFigures(admin, { primeId: prime.organisationId, period });
    expect(asCommissioner.flatMap((s) => s.figures).some((f) => known.has(f.key))).toBe(true);

    // The prime knows which partner it pays in 75 days, so that note would name its author.
    const [scope] = asPrime;
    if (!scope) throw new Error("expected a released scope");
    const primeNotes = nonEmpty(await releasedNotes(prime, scope), "notes the prime reads");
    expect(primeNotes.filter((n) => known.has(n.questionKey))).toEqual([]);
    expect(primeNotes).toHaveLength(6);
    const commissionerNotes = await releasedNotes(admin, scope);
    expect(commissionerNotes).toContainEqual({ questionKey: "pay.days.sub", evidence: "Paid in 75 days" });
  });

  it("version 2's fee flag: controlling every partner but one, the prime still cannot tell whether that one's fee is above 20%", async () => {
    const { client } = database;
    // Two worlds alike but for the last partner's fee: 25% (the flag raised) or 10% (not). The prime
    // controls the six others, three above 20% and three below, so the flag's count is published
    // (k꜀ = 3 on each side) and would give the seventh away to anyone knowing the six.
    async function world(lastFee: number) {
      const w = await createRatingScenario(client, {
        partners: 7,
        cycle: { name: "2026–27", framework: frameworkV2 },
      });
      const council = w.commissioner.organisationId;
      await client.organisation.update({
        where: { id: council },
        data: { releaseScoreThreshold: 3, releaseCategoryThreshold: 3 },
      });
      const user = await createUser(client);
      await client.membership.create({ data: { userId: user.id, organisationId: council, role: "ADMIN" } });
      for (const [i, partner] of w.partners.entries()) {
        const fee = i < 3 ? 30 : i < 6 ? 10 : lastFee;
        await w.rate(partner, answersAt("subcontractor", "best", { "pay.fee.sub": fee }, frameworkV2), {
          framework: frameworkV2,
        });
      }
      await releasePeriod({ ...w.commissioner, userId: user.id, role: "ADMIN" }, council, "2026–27", AFTER);
      return w;
    }
    /** Everything the prime reads about its partners' ratings, without the worlds' own ids. */
    async function primeReads(w: Awaited<ReturnType<typeof world>>) {
      const scopes = await releasedFigures(w.prime, { primeId: w.prime.organisationId, period: "2026–27" });
      const report = (await getContractReport(w.prime, w.contractId, { now: AFTER })).primes[0]?.partners;
      const flags = await releasedFlagCounts(w.prime, {
        primeIds: [w.prime.organisationId],
        period: "2026–27",
        contractIds: [w.contractId],
      });
      return {
        scopes: scopes.map(({ level, partners, ratings, figures, derived }) => ({
          level,
          partners,
          ratings,
          figures,
          derived,
        })),
        report,
        flags: [...flags.values()],
      };
    }
    const raised = await world(25);
    const notRaised = await world(10);

    const seen = await primeReads(raised);
    expect(
      nonEmpty(
        seen.scopes.flatMap((s) => s.figures),
        "figures the prime reads",
      ).length,
    ).toBeGreaterThan(0);
    expect(seen.scopes.flatMap((s) => s.figures).filter((f) => f.key === "pay.fee.sub")).toEqual([]);
    expect(await primeReads(notRaised)).toEqual(seen);

    // The commissioner reads the count, 4 or 3 of 7: the figure was published, and only its
    // audience keeps it from the prime (ADR 0011, "Facts the prime sets per partner").
    const fee = async (w: typeof raised) =>
      (await releasedFigures(w.commissioner, { primeId: w.prime.organisationId, period: "2026–27" }))
        .flatMap((s) => s.figures)
        .filter((f) => f.key === "pay.fee.sub")
        .map((f) => (f.kind === "flag" ? [f.raised, f.ratings, f.audience] : f.kind));
    expect(nonEmpty(await fee(raised), "fee flags the commissioner reads")).toContainEqual([
      4,
      7,
      "not-prime",
    ]);
    expect(await fee(notRaised)).toContainEqual([3, 7, "not-prime"]);
  });
});
