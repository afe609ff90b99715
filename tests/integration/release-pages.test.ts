import { describe, expect, it } from "vitest";
import { CONFIRM_RELEASE, releaseFromForm, thresholdsFromForm } from "@/lib/actions/release-form";
import type { Actor } from "@/lib/auth/types";
import { ForbiddenError, RuleError } from "@/lib/errors";
import { releaseOverview } from "@/lib/services/release-overview";
import { partnerReleasedScopes } from "@/lib/services/release-reads";
import { raiseThresholds } from "@/lib/services/release-thresholds";
import { type ReleasedScope, releasedScopes, releaseNational, releasePeriod } from "@/lib/services/releases";
import { getContractReport } from "@/lib/services/reports";
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
 * ADR 0011 step 6 through the services the pages use: the release form's action, the scopes a
 * prime's report shows beside one contract (this contract, the pool, the nation), and what a
 * partner may read of released figures.
 */

const OPEN = new Date("2026-10-01T00:00:00Z");
const CLOSE = new Date("2027-01-31T00:00:00Z");
const DURING = new Date("2026-12-01T12:00:00Z");
const AFTER = new Date("2027-02-15T00:00:00Z");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

/** Scopes as text, to compare what two readers read. */
const describe_ = (scopes: readonly ReleasedScope[]) =>
  scopes.map((s) => `${s.level} ${s.partners} ${JSON.stringify(s.figures)} ${JSON.stringify(s.derived)}`);

describe.each(testDatabaseKinds())("release pages on %s", (kind) => {
  const database = useTestDatabase(kind);

  /** A commissioner at thresholds 3 and 3, with an administrator and a plain member. */
  async function programme() {
    const { client } = database;
    const org = await createCommissioner(client);
    await client.organisation.update({
      where: { id: org.id },
      data: { releaseScoreThreshold: 3, releaseCategoryThreshold: 3 },
    });
    const admin = await createUser(client);
    const member = await createUser(client);
    await client.membership.create({ data: { userId: admin.id, organisationId: org.id, role: "ADMIN" } });
    await client.membership.create({ data: { userId: member.id, organisationId: org.id, role: "MEMBER" } });
    return {
      org,
      reader: actorFor(org),
      admin: { ...actorFor(org), userId: admin.id, role: "ADMIN" } satisfies Actor,
      member: { ...actorFor(org), userId: member.id, role: "MEMBER" } satisfies Actor,
    };
  }

  /** A contract of the prime's with `n` partners on its roster, each of whom rates it in `period` (unless not `rated`). */
  async function chain(commissionerId: string, prime: Actor, period: string, n: number, rated = true) {
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
      if (!rated) continue;
      await createAssessment(client, {
        contractId: contract.id,
        cycleId: cycle.id,
        primeId: prime.organisationId,
        respondentOrgId: org.id,
        perspective: "subcontractor",
        answers: answersAt("subcontractor", i % 2 ? "best" : "worst"),
        submittedAt: new Date(Date.UTC(2026, 10, 1, 9, i)),
      });
    }
    return { contractId: contract.id, partners };
  }

  /**
   * One prime, two commissioners, one period: with the first, a contract of 3 partners (k1) and one
   * of 2 (k2), so its pool of 5 is published and neither contract; with the second, one of 3 (k3).
   * Another prime, with one partner's contract of its own.
   */
  async function world() {
    const { client } = database;
    const first = await programme();
    const second = await programme();
    const prime = actorFor(await createPrime(client));
    const otherPrime = actorFor(await createPrime(client));
    const period = `2026–27 ${prime.organisationId}`;
    const k1 = await chain(first.org.id, prime, period, 3);
    const k2 = await chain(first.org.id, prime, period, 2);
    const k3 = await chain(second.org.id, prime, period, 3);
    const elsewhere = await chain(first.org.id, otherPrime, period, 3);
    return { first, second, prime, otherPrime, period, k1, k2, k3, elsewhere };
  }

  const releasesOf = (commissionerId: string) => database.client.release.count({ where: { commissionerId } });

  it("the release form refuses anyone but the commissioner's administrators, and writes nothing for them", async () => {
    const w = await world();
    const post = form({ period: w.period, confirm: "yes" });
    const [partner] = w.k1.partners as [Actor];
    const forged: Actor = { ...w.first.member, role: "ADMIN" };
    for (const actor of [w.first.member, w.first.reader, w.prime, partner, forged]) {
      await expect(releaseFromForm(actor, post, AFTER), actor.organisationType).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
    await expect(releaseOverview(w.first.member, AFTER)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(releaseOverview(w.prime, AFTER)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await releasesOf(w.first.org.id)).toBe(0);

    // Another commissioner's administrator can release only its own programme: the form names no
    // commissioner, so nothing of the first programme is released or shown to it.
    const other = await releaseFromForm(w.second.admin, post, AFTER);
    expect(other.ok).toBe(true);
    expect(await releasesOf(w.first.org.id)).toBe(0);
    const seen = await releaseOverview(w.second.admin, AFTER);
    expect(seen.map((p) => p.cycles.length)).toEqual([1]);
    expect(
      await partnerReleasedScopes(nonEmpty(w.k1.partners, "k1")[0] as Actor, {
        primeIds: [w.prime.organisationId],
        periods: [w.period],
      }),
    ).toEqual([]);
  });

  it("the release form asks for confirmation, then releases the period's closed cycles", async () => {
    const w = await world();
    const before = await releaseOverview(w.first.admin, DURING);
    expect(before).toMatchObject([{ period: w.period, releasable: 0, releases: [] }]);
    await expect(releaseFromForm(w.first.admin, form({ period: w.period }), DURING)).resolves.toMatchObject({
      ok: false,
      state: { errors: [{ questionKey: "confirm", message: CONFIRM_RELEASE }] },
    });
    expect((await releaseOverview(w.first.admin, AFTER))[0]?.releasable).toBe(3);
    const released = await releaseFromForm(w.first.admin, form({ period: w.period, confirm: "yes" }), AFTER);
    expect(released).toMatchObject({ ok: true, outcome: { period: w.period } });
    const after = await releaseOverview(w.first.admin, AFTER);
    expect(after[0]?.releasable).toBe(0);
    expect(after[0]?.releases).toHaveLength(1);
    expect(after[0]?.cycles.every((c) => c.closed && c.released)).toBe(true);
  });

  it("the prime's report shows its pool and national scopes beside a hidden contract figure, for its view only", async () => {
    const w = await world();
    const pending = await getContractReport(w.prime, w.k1.contractId, { now: AFTER });
    expect(pending.primes[0]?.scopes.map((l) => l.state)).toEqual(["pending", "pending", "pending"]);

    await releasePeriod(w.first.admin, w.first.org.id, w.period, AFTER);
    await releasePeriod(w.second.admin, w.second.org.id, w.period, AFTER);
    await releaseNational(w.period, AFTER);

    const report = await getContractReport(w.prime, w.k1.contractId, { now: AFTER });
    const lines = nonEmpty(report.primes[0]?.scopes ?? [], "scope lines");
    expect(lines.map((l) => [l.level, l.state, l.scope?.partners ?? null])).toEqual([
      ["contract", "hidden", null],
      ["commissioner", "published", 5],
      ["national", "published", 8],
    ]);
    expect(lines[1]?.label).toBe(`Across its contracts with ${w.first.org.name}`);
    expect(report.primes[0]?.partners).toEqual({ suppressed: true });
    for (const line of lines) {
      for (const f of line.scope?.figures ?? []) expect(f.audience).toBe("all");
      if (line.scope) expect(line.releasedAt).toEqual(line.scope.releasedAt);
      else expect(line.releasedAt).not.toBeNull();
    }
    // Its commissioner reads the same scopes with the figures about facts the prime sets.
    const commissioner = await getContractReport(w.first.reader, w.k1.contractId, { now: AFTER });
    const pool = commissioner.primes[0]?.scopes[1]?.scope;
    expect(pool?.partners).toBe(5);
    expect(pool?.figures.some((f) => f.audience === "not-prime")).toBe(true);
    // The second commissioner sees the national scope of a prime it contracts with, not the first's pool.
    const second = await getContractReport(w.second.reader, w.k3.contractId, { now: AFTER });
    const secondLines = second.primes[0]?.scopes ?? [];
    expect(secondLines[2]?.scope?.partners).toBe(8);
    expect(secondLines[1]?.scope?.commissionerId).toBe(w.second.org.id);
  });

  it("a partner reads the prime's own view at scopes that include its contracts, and nothing before release", async () => {
    const w = await world();
    const [onK1] = w.k1.partners as [Actor];
    const [onK3] = w.k3.partners as [Actor];
    const [elsewhere] = w.elsewhere.partners as [Actor];
    // On the list of a contract nobody rated the prime on this period.
    const [onK4] = (await chain(w.first.org.id, w.prime, w.period, 1, false)).partners as [Actor];
    const query = { primeIds: [w.prime.organisationId], periods: [w.period] };
    expect(await partnerReleasedScopes(onK1, query)).toEqual([]);
    expect(
      (await getContractReport(onK1, w.k1.contractId, { now: AFTER })).primes[0]?.scopes.map((l) => l.scope),
    ).toEqual([null, null, null]);

    await releasePeriod(w.first.admin, w.first.org.id, w.period, AFTER);
    await releasePeriod(w.second.admin, w.second.org.id, w.period, AFTER);
    await releaseNational(w.period, AFTER);

    const asPrime = await releasedScopes(w.prime, query);
    const primeScope = (s: ReleasedScope) => asPrime.filter((p) => p.scopeId === s.scopeId);
    const k1Reads = await partnerReleasedScopes(onK1, query);
    expect(k1Reads.map((s) => [s.level, s.commissionerId])).toEqual([
      ["national", null],
      ["commissioner", w.first.org.id],
    ]);
    // Exactly what the prime reads there: no figure about facts the prime sets, means for its view.
    for (const s of nonEmpty(k1Reads, "k1's scopes")) {
      expect(describe_([s])).toEqual(describe_(primeScope(s)));
      for (const f of s.figures) expect(f.audience).toBe("all");
    }
    const k3Reads = await partnerReleasedScopes(onK3, query);
    expect(k3Reads.map((s) => s.level).sort()).toEqual(
      asPrime
        .filter(
          (s) =>
            s.level === "national" ||
            s.commissionerId === w.second.org.id ||
            s.contractId === w.k3.contractId,
        )
        .map((s) => s.level)
        .sort(),
    );
    expect(k3Reads.some((s) => s.commissionerId === w.first.org.id)).toBe(false);
    // A partner of another prime, and the other prime's partner asking about this one, read nothing.
    expect(await partnerReleasedScopes(elsewhere, query)).toEqual([]);
    // A prime or a commissioner cannot pass as a partner to widen what it reads.
    expect(await partnerReleasedScopes(w.first.reader, query)).toEqual([]);

    // The partner's report: the pool and the nation, the contract hidden, no notes, no self-assessment.
    const report = await getContractReport(onK1, w.k1.contractId, { now: AFTER });
    expect(report.viewer).toBe("partner");
    expect(report.primes[0]?.scopes.map((l) => [l.state, l.scope?.partners ?? null])).toEqual([
      ["hidden", null],
      ["published", 5],
      ["published", 8],
    ]);
    expect(report.primes[0]?.notes).toEqual([]);
    expect(report.primes[0]?.self).toBeNull();

    // A partner whose contract no published scope includes reads none of them, and is told why.
    expect(await partnerReleasedScopes(onK4, query)).toEqual([]);
    const k4Contract = (
      await database.client.supplyChainMember.findFirstOrThrow({
        where: { organisationId: onK4.organisationId },
      })
    ).contractId;
    const k4Report = await getContractReport(onK4, k4Contract, { now: AFTER });
    expect(k4Report.primes[0]?.scopes.map((l) => l.state)).toEqual(["hidden", "withheld", "withheld"]);

    // Off the rating list, it reads nothing more.
    await database.client.supplyChainMember.updateMany({
      where: { organisationId: onK1.organisationId },
      data: { canRate: false },
    });
    expect(await partnerReleasedScopes(onK1, query)).toEqual([]);
  });
  it("thresholds are raised by the programme's administrators only, never lowered, and the next release uses them", async () => {
    const w = await world();
    const { client } = database;
    const thresholdsOf = async () =>
      client.organisation.findUniqueOrThrow({
        where: { id: w.first.org.id },
        select: { releaseScoreThreshold: true, releaseCategoryThreshold: true },
      });
    const forged: Actor = { ...w.first.member, role: "ADMIN" };
    for (const actor of [w.first.member, w.first.reader, w.prime, forged]) {
      await expect(thresholdsFromForm(actor, form({ score: "6", category: "6" }))).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
    expect(await thresholdsOf()).toEqual({ releaseScoreThreshold: 3, releaseCategoryThreshold: 3 });

    // Bad numbers come back beside their fields, with what was typed.
    const bad = await thresholdsFromForm(w.first.admin, form({ score: "2", category: "five" }));
    expect(bad.ok).toBe(false);
    if (bad.ok) throw new Error("expected refusal");
    expect(bad.state.errors.map((e) => [e.questionKey, e.message])).toEqual([
      ["score", "The threshold for figures must be at least 3"],
      ["category", "Enter the threshold for counts as a whole number, like 5"],
    ]);
    expect(bad.state.typed).toEqual({ score: "2", category: "five" });

    const raised = await thresholdsFromForm(w.first.admin, form({ score: "6", category: "4" }));
    expect(raised).toMatchObject({ ok: true, thresholds: { score: 6, category: 4 } });
    expect(await thresholdsOf()).toEqual({ releaseScoreThreshold: 6, releaseCategoryThreshold: 4 });
    const lower = await thresholdsFromForm(w.first.admin, form({ score: "5", category: "4" }));
    expect(lower.ok ? [] : lower.state.errors.map((e) => e.questionKey)).toEqual(["score"]);
    // The service refuses it too, whatever the form said.
    await expect(raiseThresholds(w.first.admin, { score: 5, category: 4 })).rejects.toBeInstanceOf(RuleError);
    expect(await thresholdsOf()).toEqual({ releaseScoreThreshold: 6, releaseCategoryThreshold: 4 });
    expect(
      await client.auditEvent.count({
        where: { organisationId: w.first.org.id, action: "release.thresholds-raised" },
      }),
    ).toBe(1);

    // The prime's five partners with this programme, a pool at 3, no longer make a figure of 6.
    const released = await releaseFromForm(w.first.admin, form({ period: w.period, confirm: "yes" }), AFTER);
    expect(released).toMatchObject({ ok: true, outcome: { scopes: 0 } });
    const scopes = await releasedScopes(w.first.admin, {
      primeIds: [w.prime.organisationId],
      periods: [w.period],
    });
    expect(scopes).toEqual([]);
  });
});
