import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import { framework } from "@/lib/framework";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { BANDS } from "@/lib/scoring/numbers";
import {
  computeRelease,
  type DerivedFigure,
  type Previous,
  type PublishedFigure,
  type Release,
  type ReleaseInput,
  type ReleaseRow,
  releaseStructure,
  type Thresholds,
} from "@/lib/scoring/release";
import { population } from "@/lib/scoring/release/test-arbitraries";
import { releaseDue, releasedFigures, releaseNational, releasePeriod } from "@/lib/services/releases";
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
import { writePopulation } from "@/tests/support/release-population";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

const structure = releaseStructure(framework);
/** After every cycle the tests write has closed. */
const LATER = new Date("2027-06-01T00:00:00Z");
const FAMILY = { QUESTION: "question", FLAG: "flag", SPREAD: "spread" } as const;

/** What is stored for some periods, as the reference's own shapes: memberships, counts and values. */
async function stored(client: PrismaClient, periods: string[]) {
  const scopes = await client.releaseScope.findMany({
    where: { period: { in: periods } },
    select: {
      scopeKey: true,
      partners: true,
      ratings: true,
      level: true,
      release: { select: { kind: true, commissionerId: true } },
      members: { select: { assessmentId: true } },
    },
  });
  const figures = await client.releaseFigure.findMany({
    where: { scope: { period: { in: periods } } },
    select: {
      family: true,
      key: true,
      audience: true,
      ratings: true,
      partners: true,
      totalTenths: true,
      raised: true,
      medianTenths: true,
      strong: true,
      good: true,
      developing: true,
      concern: true,
      scope: { select: { scopeKey: true } },
      members: { select: { assessmentId: true } },
    },
  });
  const means = await client.releaseMean.findMany({
    where: { scope: { period: { in: periods } } },
    select: {
      view: true,
      measure: true,
      meanTenths: true,
      basedOn: true,
      scope: { select: { scopeKey: true } },
    },
  });
  return {
    means: means
      .map((m) => ({
        scopeId: m.scope.scopeKey,
        view: m.view === "PRIME" ? "prime" : "commissioner",
        measure: m.measure,
        mean: m.meanTenths / 10,
        from: m.basedOn,
      }))
      .sort(byMean),
    scopes: scopes
      .map((s) => ({
        id: s.scopeKey,
        ratingIds: s.members.map((m) => m.assessmentId).sort(),
        respondents: s.partners,
        ratings: s.ratings,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    figures: figures
      .map((f) => ({
        family: `${FAMILY[f.family]}:${f.key}`,
        scopeId: f.scope.scopeKey,
        audience: f.audience === "ALL" ? "all" : "not-prime",
        ratingIds: f.members.map((m) => m.assessmentId).sort(),
        ratings: f.ratings,
        respondents: f.partners,
        values:
          f.family === "QUESTION"
            ? { totalTenths: f.totalTenths }
            : f.family === "FLAG"
              ? { raised: f.raised }
              : { medianTenths: f.medianTenths, bands: [f.strong, f.good, f.developing, f.concern] },
      }))
      .sort((a, b) => `${a.scopeId}|${a.family}`.localeCompare(`${b.scopeId}|${b.family}`)),
  };
}

const byMean = (
  a: Omit<DerivedFigure, "view"> & { view: string },
  b: Omit<DerivedFigure, "view"> & { view: string },
) => `${a.scopeId}|${a.view}|${a.measure}`.localeCompare(`${b.scopeId}|${b.view}|${b.measure}`);

/** The reference's releases so far, in the shape {@link stored} reads. */
function expected(releases: readonly Release[]) {
  return {
    means: releases.flatMap((r) => r.derived).sort(byMean),
    scopes: releases
      .flatMap((r) => r.scopes)
      .map((s) => ({
        id: s.id,
        ratingIds: [...s.ratingIds],
        respondents: s.respondents,
        ratings: s.ratingIds.length,
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    figures: releases
      .flatMap((r) => r.figures)
      .map((f: PublishedFigure) => ({
        family: f.family,
        scopeId: f.scopeId,
        audience: f.audience,
        ratingIds: [...f.ratingIds],
        ratings: f.ratings,
        respondents: f.respondents,
        values:
          f.kind === "question"
            ? { totalTenths: f.totalTenths }
            : f.kind === "flag"
              ? { raised: f.raised }
              : { medianTenths: Math.round(f.median * 10), bands: BANDS.map((b) => f.bands[b]) },
      }))
      .sort((a, b) => `${a.scopeId}|${a.family}`.localeCompare(`${b.scopeId}|${b.family}`)),
  };
}

const sofar = (releases: readonly Release[]): Previous => ({
  scopes: releases.flatMap((r) => r.scopes),
  figures: releases.flatMap((r) => r.figures),
});

describe.each(testDatabaseKinds())("releases on %s", (kind) => {
  const database = useTestDatabase(kind);

  // Up to ten populations are written and released: about 8 s on an idle machine, 31 s measured
  // beside other test runs, so the allowance is for a busy machine.
  it("stores exactly the reference's release, figure by figure, on random populations", {
    timeout: 180_000,
  }, async () => {
    let published = 0;
    let hidden = 0;
    await fc.assert(
      fc.asyncProperty(population, async (pop) => {
        const written = await writePopulation(database.client, pop, LATER);
        const thresholds = new Map<string, Thresholds>(
          pop.commissioners.map((c, i) => [
            (written.admins[i] as Actor).organisationId,
            pop.thresholds.get(c) as Thresholds,
          ]),
        );
        for (const period of written.periods.values()) {
          const rows = written.rows.filter((r) => r.period === period);
          const releases: Release[] = [];
          const reference = (only: ReleaseInput["only"]) =>
            computeRelease({ rows, structure, thresholds, previous: sofar(releases), only });
          for (const admin of written.admins) {
            const outcome = await releasePeriod(admin, admin.organisationId, period, LATER);
            const release = reference({
              commissionerId: admin.organisationId,
              levels: ["commissioner", "contract"],
            });
            releases.push(release);
            expect(outcome.scopes).toBe(release.scopes.length);
            expect(outcome.figures).toBe(release.figures.length);
            expect(await stored(database.client, [period])).toEqual(expected(releases));
          }
          const outcome = await releaseNational(period, LATER);
          const national = reference({ levels: ["national"] });
          releases.push(national);
          expect(outcome.scopes).toBe(national.scopes.length);
          expect(await stored(database.client, [period])).toEqual(expected(releases));
          published += releases.reduce((n, r) => n + r.figures.length, 0);
          hidden += releases.reduce((n, r) => n + r.suppressed.length, 0);
        }
      }),
      { numRuns: kind === "pglite" ? 6 : 10, seed: 20261206 },
    );
    // The populations are dense enough that releases both publish and hide.
    expect(published).toBeGreaterThan(0);
    expect(hidden).toBeGreaterThan(0);
  });

  it("releases many primes at once exactly as the reference does", async () => {
    // More primes than a release computes together, each with three partners on one of three
    // contracts, every answer different: several batches, and figures in each.
    const rows = Array.from({ length: 31 * 3 }, (_, i): ReleaseRow => {
      const prime = Math.floor(i / 3);
      const score = [0, 25, 50, 75, 100][(i * 7) % 5] as number;
      return {
        ratingId: `r${i}`,
        respondentId: `partner${i}`,
        primeId: `prime${String(prime).padStart(2, "0")}`,
        commissionerId: "c0",
        contractId: `k${prime % 3}`,
        cycleId: `k${prime % 3}@2026`,
        period: "2026",
        questionScores: { "p1.q1": score, "p1.q2": 100 - score, "p1.fee": 50, "p2.q1": score, "p2.q2": null },
        flags: { "p1.q1": i % 2 === 0, "p1.fee": false },
        measureScores: { p1: score, p2: 50, overall: (score + 50) / 2 },
      };
    });
    const k = { score: 3, category: 3 };
    const written = await writePopulation(
      database.client,
      { rows, commissioners: ["c0"], thresholds: new Map([["c0", k]]) },
      LATER,
    );
    const [admin] = written.admins as [Actor];
    const period = written.periods.get("2026") as string;
    const outcome = await releasePeriod(admin, admin.organisationId, period, LATER);
    const release = computeRelease({
      rows: written.rows,
      structure,
      thresholds: new Map([[admin.organisationId, k]]),
      only: { commissionerId: admin.organisationId, levels: ["commissioner", "contract"] },
    });
    expect(outcome.primes).toBe(31);
    expect(new Set(release.figures.map((f) => f.scopeId.split(",")[1])).size).toBe(31);
    expect(await stored(database.client, [period])).toEqual(expected([release]));
  });

  /** A commissioner with two contracts of one prime, five partners on each, cycles closing apart. */
  async function twoContracts() {
    const client = database.client;
    const commissionerOrg = await createCommissioner(client);
    const user = await createUser(client);
    await client.membership.create({
      data: { userId: user.id, organisationId: commissionerOrg.id, role: "ADMIN" },
    });
    const admin: Actor = { ...actorFor(commissionerOrg), userId: user.id, role: "ADMIN" };
    const primeOrg = await createPrime(client);
    const prime = actorFor(primeOrg);
    const period = `2026–27 ${commissionerOrg.id}`;
    const closes = [new Date("2027-01-31T00:00:00Z"), new Date("2027-03-31T00:00:00Z")];
    const contracts: string[] = [];
    for (const closesAt of closes) {
      const contract = await createContract(client, {
        commissionerId: commissionerOrg.id,
        primes: [{ primeId: primeOrg.id }],
      });
      contracts.push(contract.id);
      const cycle = await createCycle(client, {
        contractId: contract.id,
        name: period,
        opensAt: new Date("2026-10-01T00:00:00Z"),
        closesAt,
      });
      for (let n = 0; n < 5; n++) {
        const partner = await createSubcontractor(client);
        await addToSupplyChain(client, {
          contractId: contract.id,
          primeId: primeOrg.id,
          organisationId: partner.id,
        });
        await createAssessment(client, {
          contractId: contract.id,
          cycleId: cycle.id,
          primeId: primeOrg.id,
          respondentOrgId: partner.id,
          perspective: "subcontractor",
          answers: answersAt("subcontractor", n % 2 ? "best" : "worst"),
          submittedAt: new Date("2026-11-01T00:00:00Z"),
        });
      }
    }
    return { admin, prime, period, contracts, commissionerId: commissionerOrg.id };
  }

  /** Every row of every release table, one string each: what must never change. */
  async function everything(client: PrismaClient): Promise<string[]> {
    const tables = [
      "Release",
      "ReleaseThreshold",
      "ReleaseScope",
      "ReleaseScopeRating",
      "ReleaseFigure",
      "ReleaseFigureRating",
      "ReleaseMean",
    ];
    const lines: string[] = [];
    for (const table of tables) {
      const rows = await client.$queryRawUnsafe<{ row: string }[]>(
        `SELECT row_to_json(t)::text AS row FROM "${table}" t ORDER BY 1`,
      );
      lines.push(...rows.map((r) => `${table} ${r.row}`));
    }
    return lines;
  }

  it("publishes each scope once: a later release of the period adds only its new scopes, and changes nothing", async () => {
    const { admin, prime, period, contracts, commissionerId } = await twoContracts();
    const first = await releasePeriod(admin, commissionerId, period, new Date("2027-02-15T00:00:00Z"));
    expect(first.releaseId).not.toBeNull();
    const before = await everything(database.client);
    const firstScopes = await releasedFigures(admin, { primeId: prime.organisationId, period });
    expect(firstScopes.map((s) => [s.level, s.contractId])).toEqual([
      ["commissioner", null],
      ["contract", contracts[0]],
    ]);
    expect(nonEmpty(firstScopes[0]?.figures ?? [], "pool figures").length).toBeGreaterThan(0);

    // The same release again publishes nothing new, and writes nothing.
    const again = await releasePeriod(admin, commissionerId, period, new Date("2027-02-16T00:00:00Z"));
    expect(again).toMatchObject({ releaseId: null, scopes: 0 });
    expect(await everything(database.client)).toEqual(before);

    const second = await releasePeriod(admin, commissionerId, period, new Date("2027-04-15T00:00:00Z"));
    expect(second.scopes).toBe(1);
    const after = new Set(await everything(database.client));
    expect(before.filter((line) => !after.has(line))).toEqual([]);
    expect(after.size).toBeGreaterThan(before.length);
    const scopes = await releasedFigures(admin, { primeId: prime.organisationId, period });
    expect(scopes.map((s) => [s.level, s.contractId])).toEqual([
      ["commissioner", null],
      ["contract", contracts[0]],
      ["contract", contracts[1]],
    ]);
    // The pool still holds only the first contract's partners: it was released once, and stays.
    expect(scopes[0]?.partners).toBe(5);
    // Figures never change once read.
    expect(scopes.slice(0, 2)).toEqual(firstScopes);

    const national = await releaseNational(period, new Date("2027-04-15T00:00:00Z"));
    expect(national.scopes).toBe(1);
    const withNational = await releasedFigures(admin, { primeId: prime.organisationId, period });
    expect(withNational[0]).toMatchObject({ level: "national", partners: 10 });
  });

  it("releases a programme's period by itself once its last cycle has closed, and a cycle closing later on its own", async () => {
    const { admin, prime, period, contracts, commissionerId } = await twoContracts();
    const ours = (outcomes: Awaited<ReturnType<typeof releaseDue>>) =>
      outcomes.filter((o) => o.period === period);
    // One of the two cycles still open: not due.
    expect(ours(await releaseDue(new Date("2027-02-15T00:00:00Z")))).toEqual([]);
    expect(await database.client.release.count({ where: { period } })).toBe(0);

    const [first] = ours(await releaseDue(new Date("2027-04-15T00:00:00Z")));
    expect(first).toMatchObject({ period, primes: 1 });
    const scopes = await releasedFigures(admin, { primeId: prime.organisationId, period });
    expect(scopes.map((s) => [s.level, s.contractId])).toEqual([
      ["commissioner", null],
      ["contract", contracts[0]],
      ["contract", contracts[1]],
    ]);
    const logged = await database.client.auditEvent.findMany({
      where: { organisationId: commissionerId, action: "release.published" },
      select: { userId: true, summary: true },
    });
    expect(logged).toEqual([{ userId: null, summary: expect.stringContaining(period) }]);

    // Nothing new since: not due again.
    expect(ours(await releaseDue(new Date("2027-04-16T00:00:00Z")))).toEqual([]);

    // A third contract's cycle of the same period closes later: released on its own, pool untouched.
    const late = await createContract(database.client, {
      commissionerId,
      primes: [{ primeId: prime.organisationId }],
    });
    const cycle = await createCycle(database.client, {
      contractId: late.id,
      name: period,
      opensAt: new Date("2027-03-01T00:00:00Z"),
      closesAt: new Date("2027-05-31T00:00:00Z"),
    });
    for (let n = 0; n < 5; n++) {
      const partner = await createSubcontractor(database.client);
      await createAssessment(database.client, {
        contractId: late.id,
        cycleId: cycle.id,
        primeId: prime.organisationId,
        respondentOrgId: partner.id,
        perspective: "subcontractor",
        answers: answersAt("subcontractor", "best"),
        submittedAt: new Date("2027-04-01T00:00:00Z"),
      });
    }
    expect(ours(await releaseDue(new Date("2027-05-15T00:00:00Z")))).toEqual([]);
    const [later] = ours(await releaseDue(new Date("2027-06-15T00:00:00Z")));
    expect(later).toMatchObject({ scopes: 1 });
    const after = await releasedFigures(admin, { primeId: prime.organisationId, period });
    expect(after.map((s) => s.contractId)).toEqual([null, ...contracts, late.id]);
    expect(after[0]).toEqual(scopes[0]);
  });

  it("releases nationally only once every cycle of the period has closed", async () => {
    const { period } = await twoContracts();
    await expect(releaseNational(period, new Date("2027-02-15T00:00:00Z"))).rejects.toBeInstanceOf(RuleError);
    expect(await database.client.release.count({ where: { period } })).toBe(0);
  });

  it("lets only the commissioner's administrators release its programme, checked in the database", async () => {
    const { admin, prime, period, commissionerId } = await twoContracts();
    const at = new Date("2027-04-15T00:00:00Z");
    const other = await twoContracts();
    const member = await createUser(database.client);
    await database.client.membership.create({
      data: { userId: member.id, organisationId: commissionerId, role: "MEMBER" },
    });
    const refused: [string, Actor, string][] = [
      ["the prime", { ...prime, userId: member.id, role: "ADMIN" }, commissionerId],
      ["another commissioner's administrator", other.admin, commissionerId],
      [
        "a member who is not an administrator",
        { ...admin, userId: member.id, role: "MEMBER" },
        commissionerId,
      ],
      ["a demo visitor", { ...admin, userId: null, role: null }, commissionerId],
      // The session says administrator; the database says member: the database wins.
      ["a member whose session still says administrator", { ...admin, userId: member.id }, commissionerId],
    ];
    for (const [who, actor, target] of nonEmpty(refused, "refused actors")) {
      await expect(releasePeriod(actor, target, period, at), who).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await database.client.release.count({ where: { period } })).toBe(0);
    const outcome = await releasePeriod(admin, commissionerId, period, at);
    expect(outcome.scopes).toBeGreaterThan(0);
  });

  it("never shows the prime a figure for readers other than the prime, nor the commissioner's means", async () => {
    const { admin, prime, period, commissionerId } = await twoContracts();
    await releasePeriod(admin, commissionerId, period, new Date("2027-04-15T00:00:00Z"));
    const query = { primeId: prime.organisationId, period };
    const asCommissioner = await releasedFigures(admin, query);
    const asPrime = await releasedFigures(prime, query);
    const commissionerFigures = asCommissioner.flatMap((s) => s.figures);
    const notPrime = commissionerFigures.filter((f) => f.audience === "not-prime");
    expect(nonEmpty(notPrime, "figures for readers other than the prime").length).toBeGreaterThan(0);
    const primeFigures = nonEmpty(
      asPrime.flatMap((s) => s.figures),
      "figures the prime reads",
    );
    expect(primeFigures.every((f) => f.audience === "all")).toBe(true);
    expect(primeFigures.length).toBe(commissionerFigures.length - notPrime.length);
    for (const scope of asPrime) {
      expect(nonEmpty(scope.derived, "the prime's means").every((d) => d.view === "prime")).toBe(true);
    }
    expect(asCommissioner.flatMap((s) => s.derived).every((d) => d.view === "commissioner")).toBe(true);

    // Nobody else reads them: another prime, a partner, another commissioner (beyond national figures).
    const otherPrime = actorFor(await createPrime(database.client));
    const partner = actorFor(await createSubcontractor(database.client));
    await expect(releasedFigures(otherPrime, query)).rejects.toBeInstanceOf(NotFoundError);
    await expect(releasedFigures(partner, query)).rejects.toBeInstanceOf(NotFoundError);
    const stranger = actorFor(await createCommissioner(database.client));
    expect(await releasedFigures(stranger, query)).toEqual([]);
  });
});
