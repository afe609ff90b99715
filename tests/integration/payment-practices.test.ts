import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/errors";
import { parsePaymentPractices } from "@/lib/payment-practices/parse";
import { importPaymentPractices, statutoryPaymentReports } from "@/lib/services/payment-practices";
import { createPrime, createUser } from "@/tests/support/factories";
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
