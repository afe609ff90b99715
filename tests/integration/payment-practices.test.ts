import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { PAYMENT_MARGIN_DAYS } from "@/lib/payment-practices/margin";
import { parsePaymentPractices } from "@/lib/payment-practices/parse";
import { paymentComparison } from "@/lib/services/payment-comparison";
import { importPaymentPractices, statutoryPaymentReports } from "@/lib/services/payment-practices";
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
      claimedDays: null,
      flagged: false,
    });
    // It says 20 days; the law's report says 41 on average: 21 apart, more than the margin.
    await scenario.rate(anvil, answersAt("prime", "best", { "pay.days.prime": 20 }));
    const record = await paymentComparison(anvil, where);
    expect(record).toMatchObject({ claimedDays: 20, difference: 21, flagged: true });
    expect(Math.abs(record.difference ?? 0)).toBeGreaterThan(PAYMENT_MARGIN_DAYS);
    expect(await paymentComparison(scenario.commissioner, where)).toEqual(record);

    // Partners, other primes and other commissioners do not read a prime's self-assessment.
    const outsider = actorFor(await createCommissioner(client));
    const otherPrime = actorFor(await createPrime(client));
    for (const reader of [partner, outsider, otherPrime]) {
      await expect(paymentComparison(reader, where)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
