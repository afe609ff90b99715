import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { frameworkV2, framework as version1 } from "@/lib/framework";
import { parsePaymentPractices } from "@/lib/payment-practices/parse";
import { paymentComparison } from "@/lib/services/payment-comparison";
import { importPaymentPractices, statutoryPaymentReports } from "@/lib/services/payment-practices";
import { getPrimeReportView } from "@/lib/services/prime-report-view";
import { releasePeriod } from "@/lib/services/releases";
import { answersAt } from "@/tests/support/answers";
import { actorFor, createCommissioner, createPrime, createUser } from "@/tests/support/factories";
import { createRatingScenario } from "@/tests/support/scenarios";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

describe.each(testDatabaseKinds())("payment practices on %s", (kind) => {
  const database = useTestDatabase(kind);

  async function operator() {
    const user = await createUser(database.client);
    await database.client.user.update({ where: { id: user.id }, data: { operator: true } });
    return user.id;
  }

  async function primeNumbered(name: string, companyNumber: string) {
    const prime = await createPrime(database.client, name);
    await database.client.organisationIdentifier.create({
      data: { organisationId: prime.id, scheme: "GB-COH", value: companyNumber },
    });
    return prime;
  }

  it("imports the published CSV, matches two primes by company number, and stores a report once", async () => {
    const anvil = await primeNumbered("Anvil Services Ltd", "04567123");
    const beacon = await primeNumbered("Beacon Outcomes plc", "SC123456");
    const parsed = parsePaymentPractices(
      await readFile("lib/payment-practices/fixtures/payment-practices.csv", "utf8"),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const who = await operator();

    expect(await importPaymentPractices(who, parsed.reports)).toEqual({
      added: 4,
      alreadyHeld: 0,
      primesMatched: ["Anvil Services Ltd", "Beacon Outcomes plc"],
    });
    expect(await importPaymentPractices(who, parsed.reports)).toMatchObject({ added: 0, alreadyHeld: 4 });

    const anvils = await statutoryPaymentReports(anvil.id);
    expect(anvils.map((r) => [r.reportId, r.averageDaysToPay, r.notPaidWithinTerms])).toEqual([
      ["90001", 41, 32],
      ["90003", 45, 36],
    ]);
    expect((await statutoryPaymentReports(beacon.id))[0]).toMatchObject({
      paidWithin30Days: 71,
      paidAfter60Days: 5,
    });
    const unnumbered = await createPrime(database.client, "Holloway Facilities Ltd");
    expect(await statutoryPaymentReports(unnumbered.id)).toEqual([]);
  });

  it("is an operator's to import, and a refused file stores nothing", async () => {
    const user = await createUser(database.client);
    const before = await database.client.paymentPracticeReport.count();
    await expect(importPaymentPractices(user.id, [])).rejects.toBeInstanceOf(ForbiddenError);
    const refused = parsePaymentPractices(
      (await readFile("lib/payment-practices/fixtures/payment-practices.csv", "utf8")).replace(
        "SC123456",
        "??",
      ),
    );
    expect(refused.ok).toBe(false);
    expect(await database.client.paymentPracticeReport.count()).toBe(before);
  });
});

describe.each(testDatabaseKinds())("a prime's payment record on %s", (kind) => {
  const database = useTestDatabase(kind);

  it("shows the statutory report beside the prime's own answer, flags a gap over the margin, and only to the prime and its commissioner", async () => {
    const { client } = database;
    const scenario = await createRatingScenario(client, {
      primes: [{ name: "Anvil Services Ltd" }],
      partners: [{ name: "Partner A", prime: 0, namedInBid: true, status: "DELIVERING" }],
    });
    const [anvil] = scenario.primes as [Actor];
    const [partner] = scenario.partners as [Actor];
    await client.organisationIdentifier.create({
      data: { organisationId: anvil.organisationId, scheme: "GB-COH", value: "04567123" },
    });
    const user = await createUser(client);
    await client.user.update({ where: { id: user.id }, data: { operator: true } });
    const parsed = parsePaymentPractices(
      await readFile("lib/payment-practices/fixtures/payment-practices.csv", "utf8"),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    await importPaymentPractices(user.id, parsed.reports);
    const where = {
      contractId: scenario.contractId,
      primeId: anvil.organisationId,
      cycleId: scenario.cycleId,
    };

    // No self-assessment yet: the statutory figures alone, nothing to compare.
    expect(await paymentComparison(scenario.commissioner, where)).toMatchObject({
      statutory: { reportId: "90001", averageDaysToPay: 41, paidAfter60Days: 15 },
      frameworkVersion: "1.0",
      measures: [{ pairKey: "pay.days", statutory: 41, claimed: null, disagreements: [] }],
      selfAssessed: false,
      flagged: false,
    });
    // It says 20 days; the law's report says 41 on average: 21 apart, more than the margin.
    await scenario.rate(anvil, answersAt("prime", "best", { "pay.days.prime": 20 }));
    const record = await paymentComparison(anvil, where);
    expect(record).toMatchObject({
      measures: [{ claimed: 20, disagreements: [{ between: "statutory-claimed", by: 21 }] }],
      margin: version1.paymentRecord?.margin,
      flagged: true,
      partnersRead: "not-to-the-prime",
    });
    expect(21).toBeGreaterThan(record.margin);
    expect(await paymentComparison(scenario.commissioner, where)).toEqual({
      ...record,
      partnersRead: "released",
    });

    // Partners, other primes and other commissioners do not read a prime's self-assessment.
    const outsider = actorFor(await createCommissioner(client));
    const otherPrime = actorFor(await createPrime(client));
    for (const reader of [partner, outsider, otherPrime]) {
      await expect(paymentComparison(reader, where)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe.each(testDatabaseKinds())("a prime's payment record in a version 2 cycle on %s", (kind) => {
  const database = useTestDatabase(kind);
  const AFTER = new Date("2027-02-15T12:00:00Z");
  const PERIOD = "2026–27 payment shares";

  it("sets the statutory shares beside the prime's answers and, once released, partners' figures, flagging each pair further apart than the margin", async () => {
    const { client } = database;
    const scenario = await createRatingScenario(client, {
      primes: [{ name: "Anvil Services Ltd" }],
      partners: 3,
      cycle: { name: PERIOD, framework: frameworkV2 },
    });
    const anvil = scenario.prime;
    const council = scenario.commissioner;
    await client.organisation.update({
      where: { id: council.organisationId },
      data: { releaseScoreThreshold: 3, releaseCategoryThreshold: 3 },
    });
    const admin = await createUser(client);
    await client.membership.create({
      data: { userId: admin.id, organisationId: council.organisationId, role: "ADMIN" },
    });
    await client.organisationIdentifier.create({
      data: { organisationId: anvil.organisationId, scheme: "GB-COH", value: "04567123" },
    });
    const operatorUser = await createUser(client);
    await client.user.update({ where: { id: operatorUser.id }, data: { operator: true } });
    const parsed = parsePaymentPractices(
      await readFile("lib/payment-practices/fixtures/payment-practices.csv", "utf8"),
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    await importPaymentPractices(operatorUser.id, parsed.reports);

    // The prime claims 96% within 30 days; its partners say 40%, 31–60 days 45%, after 60 days 15%.
    await scenario.rate(
      anvil,
      answersAt(
        "prime",
        "best",
        {
          "pay.within-30.prime": 96,
          "pay.31-60.prime": 4,
          "pay.over-60.prime": 0,
          "pay.not-in-terms.prime": 2,
        },
        frameworkV2,
      ),
      { framework: frameworkV2 },
    );
    const partnerAnswers = answersAt(
      "subcontractor",
      "best",
      { "pay.within-30.sub": 40, "pay.31-60.sub": 45, "pay.over-60.sub": 15, "pay.not-in-terms.sub": 30 },
      frameworkV2,
    );
    for (const partner of scenario.partners) {
      await scenario.rate(partner, partnerAnswers, { framework: frameworkV2 });
    }
    const where = {
      contractId: scenario.contractId,
      primeId: anvil.organisationId,
      cycleId: scenario.cycleId,
    };

    // Before the release partners' answers reach no one, not even as a figure.
    const before = await paymentComparison(council, where);
    expect(before.measures.map((m) => m.partners)).toEqual([null, null, null, null]);
    expect(before).toMatchObject({ frameworkVersion: "2.0", selfAssessed: true, flagged: true });

    await releasePeriod(
      { ...council, userId: admin.id, role: "ADMIN" },
      council.organisationId,
      PERIOD,
      AFTER,
    );
    const record = await paymentComparison(council, where);
    const [within30, mid, over60, notInTerms] = record.measures;
    // 38% (statutory) and 40% (partners) score 0 by the question's rule; the prime's 96% scores 100.
    expect(within30).toMatchObject({
      pairKey: "pay.within-30",
      statutory: 38,
      claimed: 96,
      statutoryScore: 0,
      claimedScore: 100,
      partners: { meanScore: 0, ratings: 3, flagRaised: null },
      disagreements: [
        { between: "statutory-claimed", by: 58 },
        { between: "partners-claimed", by: 100 },
      ],
    });
    expect(mid).toMatchObject({ statutory: 47, claimed: 4, scored: false, partners: null });
    expect(over60).toMatchObject({ statutory: 15, claimed: 0, partners: { meanScore: 20 } });
    expect(notInTerms).toMatchObject({ statutory: 32, claimed: 2, partners: { meanScore: 0 } });
    expect(record).toMatchObject({ margin: frameworkV2.paymentRecord?.margin, partnersRead: "released" });

    // The report page reads the same record from the scopes it already read.
    const view = await getPrimeReportView(council, where);
    expect(view.payment).toEqual(record);

    // The prime reads the statutory figures and its own answers, never partners' payment figures.
    const own = await paymentComparison(anvil, where);
    expect(own.partnersRead).toBe("not-to-the-prime");
    expect(own.measures.map((m) => m.partners)).toEqual([null, null, null, null]);
    expect(own.measures.map((m) => m.claimed)).toEqual([96, 4, 0, 2]);
    expect((await getPrimeReportView(anvil, where)).payment).toEqual(own);
  });
});
