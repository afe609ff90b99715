import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { DONT_KNOW, framework, principleQuestions, questionsFor } from "@/lib/framework";
import type { PageAnswer } from "@/lib/questionnaire/form";
import { isolates } from "@/lib/scoring/release/test-linear-algebra";
import { getOwnAssessment, savePrinciple, startCorrection, submit } from "@/lib/services/assessments";
import { releasedFigures, releaseNational, releasePeriod } from "@/lib/services/releases";
import { answersAt } from "@/tests/support/answers";
import {
  actorFor,
  addToSupplyChain,
  createAssessment,
  createCommissioner,
  createContract,
  createCycle,
  createPrime,
  createSubcontractor,
  createUser,
} from "@/tests/support/factories";
import { nonEmpty } from "@/tests/support/non-empty";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/**
 * The adversarial prime of issue 13, played through the services on both databases: it controls
 * some partners, corrects their answers, and reads every figure it is allowed. Each attack asserts
 * what the prime learns. Rows of published totals are built from the stored memberships, so the
 * reader is stronger than a real prime (which sees only counts and means): it knows exactly which
 * ratings each figure rests on (docs/decisions/0011, "What it guarantees").
 */

const OPEN = new Date("2026-10-01T00:00:00Z");
const CLOSE = new Date("2027-01-31T00:00:00Z");
const DURING = new Date("2026-12-01T12:00:00Z");
const AFTER = new Date("2027-02-15T00:00:00Z");

describe.each(testDatabaseKinds())("disclosure attacks on %s", (kind) => {
  const database = useTestDatabase(kind);

  /** A commissioner with an administrator who releases, and the programme's thresholds. */
  async function programme(thresholds: { score: number; category: number }) {
    const { client } = database;
    const org = await createCommissioner(client);
    await client.organisation.update({
      where: { id: org.id },
      data: { releaseScoreThreshold: thresholds.score, releaseCategoryThreshold: thresholds.category },
    });
    const user = await createUser(client);
    await client.membership.create({ data: { userId: user.id, organisationId: org.id, role: "ADMIN" } });
    const admin: Actor = { ...actorFor(org), userId: user.id, role: "ADMIN" };
    return { admin, commissionerId: org.id, period: `2026–27 ${org.id}` };
  }

  /** A contract of the prime's with `n` partners on its roster, in a cycle of `period`. */
  async function chain(commissionerId: string, prime: Actor, period: string, n: number) {
    const { client } = database;
    const contract = await createContract(client, {
      commissionerId,
      primes: [{ primeId: prime.organisationId }],
    });
    const cycle = await createCycle(client, {
      contractId: contract.id,
      name: period,
      opensAt: OPEN,
      closesAt: CLOSE,
    });
    const partners: Actor[] = [];
    for (let i = 0; i < n; i++) {
      const org = await createSubcontractor(client);
      await addToSupplyChain(client, {
        contractId: contract.id,
        primeId: prime.organisationId,
        organisationId: org.id,
      });
      partners.push(actorFor(org));
    }
    const rate = async (partner: Actor, which: "best" | "worst", minute: number) =>
      (
        await createAssessment(client, {
          contractId: contract.id,
          cycleId: cycle.id,
          primeId: prime.organisationId,
          respondentOrgId: partner.organisationId,
          perspective: "subcontractor",
          answers: answersAt("subcontractor", which),
          submittedAt: new Date(Date.UTC(2026, 10, 1, 9, minute)),
        })
      ).id;
    return { contractId: contract.id, cycleId: cycle.id, partners, rate };
  }

  /** A partner corrects its submitted rating to "Don't know" on every question, through the services. */
  async function correctToDontKnow(partner: Actor, ratingId: string) {
    const id = await startCorrection(partner, ratingId, DURING);
    for (const principle of framework.principles) {
      const view = await getOwnAssessment(partner, id);
      const page = new Map<string, PageAnswer>(
        principleQuestions(framework, principle.key, "subcontractor").map((q) => [
          q.key,
          {
            value: q.answer.allowDontKnow ? DONT_KNOW : (view.answers.get(q.key)?.value ?? DONT_KNOW),
            evidence: null,
          },
        ]),
      );
      await savePrinciple(partner, { id, revision: view.revision, principle: principle.key, answers: page });
    }
    const view = await getOwnAssessment(partner, id);
    await submit(partner, id, view.revision, { now: DURING });
    return id;
  }

  /** Every published question figure the prime can read, as rows over the ratings it rests on. */
  async function publishedRows(prime: Actor, period: string) {
    const readable = await releasedFigures(prime, { primeId: prime.organisationId, period });
    const stored = await database.client.releaseFigure.findMany({
      where: { family: "QUESTION", audience: "ALL", scope: { primeId: prime.organisationId, period } },
      select: { key: true, ratings: true, partners: true, members: { select: { assessmentId: true } } },
    });
    return { readable, stored };
  }

  it("a friendly partner first, three honest ones, then the friendly correction: the prime learns no honest partner's answer", async () => {
    const { admin, commissionerId, period } = await programme({ score: 3, category: 3 });
    const prime = actorFor(await createPrime(database.client));
    const contract = await chain(commissionerId, prime, period, 4);
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
    const { readable, stored } = await publishedRows(prime, period);
    expect(nonEmpty(readable, "released scopes").length).toBeGreaterThan(0);
    const questions = nonEmpty(stored, "published question figures");
    for (const figure of questions) {
      const members = new Set(figure.members.map((m) => m.assessmentId));
      // The friendly partner's "Don't know" counts in no figure; the original it corrected in none.
      expect(members.has(corrected) || members.has(friendlyRating)).toBe(false);
      expect(figure.partners).toBeGreaterThanOrEqual(3);
    }
    // Knowing the friendly partner's answers (it has none), can any honest partner's answer to any
    // question be worked out from the totals? One unknown per honest partner and question.
    const keys = [...new Set(questions.map((f) => f.key))];
    const column = (rating: string, key: string) =>
      honestRatings.indexOf(rating) * keys.length + keys.indexOf(key);
    const rows = questions.map((f) => {
      const row = new Array(honestRatings.length * keys.length).fill(0);
      for (const m of f.members)
        if (honestRatings.includes(m.assessmentId)) row[column(m.assessmentId, f.key)] = 1;
      return row;
    });
    for (const rating of honestRatings) {
      for (const key of keys) {
        expect(isolates(rows, new Set([column(rating, key)])), `${key} of one honest partner`).toBe(false);
      }
    }
  });

  it("with exactly k partners, k − 1 of them the prime's, the last is disclosed: the limit the partner's page states", async () => {
    const { admin, commissionerId, period } = await programme({ score: 3, category: 3 });
    const prime = actorFor(await createPrime(database.client));
    const contract = await chain(commissionerId, prime, period, 3);
    const [a, b, honest] = contract.partners as [Actor, Actor, Actor];
    const friendly = [await contract.rate(a, "best", 1), await contract.rate(b, "best", 2)];
    const honestRating = await contract.rate(honest, "worst", 3);
    await releasePeriod(admin, commissionerId, period, AFTER);
    const { stored } = await publishedRows(prime, period);
    // Every question figure rests on the three: knowing two, the prime has the third's answer. The
    // threshold cannot stop this; ADR 0011 says so, and so does the partner's start page.
    const figures = nonEmpty(stored, "published question figures");
    const all = [...friendly, honestRating];
    const rows = figures.map((f) => all.map((r) => (f.members.some((m) => m.assessmentId === r) ? 1 : 0)));
    const knownRows = friendly.map((r) => all.map((x) => (x === r ? 1 : 0)));
    expect(isolates([...rows, ...knownRows], new Set([2]))).toBe(true);
  });

  it("a prime with six contracts of three partners each gets a pooled and a national figure, and no two figures differ by fewer than the threshold", async () => {
    const { admin, commissionerId, period } = await programme({ score: 5, category: 5 });
    const prime = actorFor(await createPrime(database.client));
    let minute = 0;
    for (let c = 0; c < 6; c++) {
      const contract = await chain(commissionerId, prime, period, 3);
      for (const partner of contract.partners)
        await contract.rate(partner, minute % 2 ? "best" : "worst", ++minute);
    }
    await releasePeriod(admin, commissionerId, period, AFTER);
    await releaseNational(period, AFTER);

    const scopes = await database.client.releaseScope.findMany({
      where: { primeId: prime.organisationId, period },
      select: {
        level: true,
        members: { select: { assessment: { select: { respondentOrgId: true } } } },
      },
    });
    expect(scopes.map((s) => s.level).sort()).toEqual(["COMMISSIONER", "NATIONAL"]);
    const asPrime = await releasedFigures(prime, { primeId: prime.organisationId, period });
    for (const scope of asPrime)
      expect(nonEmpty(scope.figures, `${scope.level} figures`).length).toBeGreaterThan(0);

    const partnersOf = scopes.map((s) => new Set(s.members.map((m) => m.assessment.respondentOrgId)));
    for (const a of partnersOf) {
      for (const b of partnersOf) {
        const onlyInA = [...a].filter((p) => !b.has(p)).length;
        expect(onlyInA === 0 || onlyInA >= 5).toBe(true);
      }
    }
  });

  it("never shows the prime a figure about what it already knows of each partner (its fee, its payment days)", async () => {
    const { admin, commissionerId, period } = await programme({ score: 3, category: 3 });
    const prime = actorFor(await createPrime(database.client));
    const contract = await chain(commissionerId, prime, period, 6);
    let minute = 0;
    for (const partner of contract.partners)
      await contract.rate(partner, minute % 2 ? "best" : "worst", ++minute);
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
  });
});
