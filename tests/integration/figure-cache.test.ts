import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { framework } from "@/lib/framework";
import { round1, scoreAssessment } from "@/lib/scoring";
import { getProgrammeReport } from "@/lib/services/programme-report";
import * as figures from "@/lib/services/report-figures";
import { getContractReport } from "@/lib/services/reports";
import { answersAt } from "@/tests/support/answers";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

// The real queries, on the real database, watched: a cache hit must not run the queries that
// aggregate partners' answers, only the cheap read of the figures' version.
vi.mock("@/lib/services/report-figures", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/services/report-figures")>();
  return {
    ...real,
    figuresVersion: vi.fn(real.figuresVersion),
    groupRows: vi.fn(real.groupRows),
    measureRows: vi.fn(real.measureRows),
    questionRows: vi.fn(real.questionRows),
  };
});

const NOW = new Date("2026-12-01T12:00:00Z");

/** How many times each query behind partners' figures has run since the test began. */
const ran = () => ({
  version: vi.mocked(figures.figuresVersion).mock.calls.length,
  groups: vi.mocked(figures.groupRows).mock.calls.length,
  measures: vi.mocked(figures.measureRows).mock.calls.length,
  questions: vi.mocked(figures.questionRows).mock.calls.length,
});

/**
 * Partners' figures are cached between requests (lib/services/figure-cache.ts). A second read of
 * unchanged figures is served from the cache; a rating written behind the cache's back, as another
 * app instance would write it, shows at the next read.
 */
describe.each(testDatabaseKinds())("cached report figures on %s", (kind) => {
  const database = useTestDatabase(kind);
  beforeEach(() => {
    vi.clearAllMocks();
  });

  const overall = async (prime: Actor, contractId: string) => {
    const report = await getContractReport(prime, contractId, { primeId: prime.organisationId, now: NOW });
    const partnersView = report.primes[0]?.partners;
    if (!partnersView || partnersView.suppressed || partnersView.overall.suppressed) return null;
    return { n: partnersView.overall.n, mean: partnersView.overall.mean };
  };

  it("serves unchanged figures from the cache: the version is read again, no figure is computed again", async () => {
    const { prime, partners, contractId, rate } = await createRatingScenario(database.client, {
      partners: 3,
    });
    expect(partners).toHaveLength(3);
    for (const partner of partners) await rate(partner, answersAt("subcontractor", "best"));

    expect(await overall(prime, contractId)).toEqual({ n: 3, mean: 100 });
    expect(ran()).toEqual({ version: 1, groups: 1, measures: 1, questions: 1 });

    expect(await overall(prime, contractId)).toEqual({ n: 3, mean: 100 });
    expect(ran()).toEqual({ version: 2, groups: 1, measures: 1, questions: 1 });
  });

  it("computes the figures again at the next read after a rating is submitted, though nothing told the cache", async () => {
    const scenario = await createRatingScenario(database.client, { partners: 6 });
    const { commissioner, prime, partners, contractId, rate } = scenario;
    expect(partners).toHaveLength(6);
    for (const partner of partners.slice(0, 3)) await rate(partner, answersAt("subcontractor", "best"));
    expect(await overall(prime, contractId)).toEqual({ n: 3, mean: 100 });
    expect(ran()).toMatchObject({ groups: 1, measures: 1, questions: 1 });

    // Written straight to the database, as another instance's submit would be.
    for (const partner of partners.slice(3)) await rate(partner, answersAt("subcontractor", "worst"));
    const worst = scoreAssessment(framework, answersAt("subcontractor", "worst"), "subcontractor").score ?? 0;
    expect(await overall(prime, contractId)).toEqual({ n: 6, mean: round1((3 * 100 + 3 * worst) / 6) });
    expect(ran()).toMatchObject({ groups: 2, measures: 2, questions: 2 });

    const programme = await getProgrammeReport(commissioner, { now: NOW });
    expect(programme.rows.map((r) => [r.prime.name, r.submitted])).toEqual([[prime.organisationName, 6]]);
  });
});
