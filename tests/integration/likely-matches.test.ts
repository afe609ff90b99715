import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { NotFoundError, RuleError } from "@/lib/errors";
import type { ImportedContract, ImportedSupplier } from "@/lib/ocds/parse";
import { decideLikelyMatch } from "@/lib/services/likely-matches";
import { importContracts } from "@/lib/services/ocds-import";
import { actorFor, createCommissioner, createPrime, createUser } from "@/tests/support/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/**
 * An import never settles by name alone who a supplier is when the organisation of that name was
 * on Chainwise before (issue 14; docs/decisions/0028): it makes a new one and offers the match to
 * the commissioner, who says "the same" (merged) or "different" (kept apart).
 */

let notices = 0;
function notice(buyer: string, suppliers: ImportedSupplier[]): ImportedContract {
  notices++;
  return {
    ocid: `ocds-likely-${notices}`,
    releaseId: `ocds-likely-${notices}-award`,
    releaseDate: "2026-03-01T09:00:00.000Z",
    title: `Likely match lot ${notices}`,
    reference: `LIKELY-${notices}`,
    buyer: { name: buyer },
    value: null,
    valueBand: "Not published",
    startDate: "2026-04-01",
    endDate: null,
    suppliers,
  };
}

const supplier = (name: string, identifier?: string): ImportedSupplier => ({
  name,
  scale: null,
  vcse: null,
  ...(identifier ? { identifier } : {}),
});

describe.each(testDatabaseKinds())("likely matches on %s", (kind) => {
  const database = useTestDatabase(kind);

  async function council(name: string): Promise<Actor> {
    const org = await createCommissioner(database.client, name);
    const user = await createUser(database.client);
    await database.client.membership.create({
      data: { userId: user.id, organisationId: org.id, role: "ADMIN" },
    });
    return { ...actorFor(org), userId: user.id, role: "ADMIN" };
  }

  /** A notice naming `name` after a prime of nearly that name was made by hand: the match offered. */
  async function offered(buyer: Actor, name: string) {
    const existing = await createPrime(database.client, name);
    const result = await importContracts(buyer, [
      notice(buyer.organisationName, [supplier(`${name} Ltd`, "GB-COH-0" + String(7_000_000 + notices))]),
    ]);
    const contractId = result.imported[0]?.id as string;
    const match = await database.client.likelyMatch.findFirstOrThrow({
      where: { existingId: existing.id },
      select: { id: true, madeId: true, supplierName: true },
    });
    return { existing, contractId, match };
  }

  it("makes a new organisation for a supplier its name only ties to one already there, and offers the match", async () => {
    const buyer = await council("Likely Match Council One");
    const { existing, contractId, match } = await offered(buyer, "Greystone Works");
    const award = await database.client.contractPrime.findFirstOrThrow({ where: { contractId } });
    expect(award.primeId).toBe(match.madeId);
    expect(award.primeId).not.toBe(existing.id);
    expect(match.supplierName).toBe("Greystone Works Ltd");
  });

  it("merges the two when the commissioner says they are the same, numbers and contract included", async () => {
    const buyer = await council("Likely Match Council Two");
    const { existing, contractId, match } = await offered(buyer, "Ashburn Training");
    await decideLikelyMatch(buyer, { matchId: match.id, same: true });
    const award = await database.client.contractPrime.findFirstOrThrow({ where: { contractId } });
    expect(award.primeId).toBe(existing.id);
    expect(await database.client.organisation.count({ where: { id: match.madeId as string } })).toBe(0);
    expect(
      await database.client.organisationIdentifier.count({ where: { organisationId: existing.id } }),
    ).toBe(1);
    const decided = await database.client.likelyMatch.findUniqueOrThrow({ where: { id: match.id } });
    expect(decided.decision).toBe("SAME");
    // Decided once: a second decision is refused.
    await expect(decideLikelyMatch(buyer, { matchId: match.id, same: false })).rejects.toBeInstanceOf(
      RuleError,
    );
    // The next notice naming it by its number finds the one organisation.
    const again = await importContracts(buyer, [
      notice(buyer.organisationName, [
        supplier("ASHBURN TRAINING LIMITED", `GB-COH-0${7_000_000 + notices - 1}`),
      ]),
    ]);
    const next = await database.client.contractPrime.findFirstOrThrow({
      where: { contractId: again.imported[0]?.id },
    });
    expect(next.primeId).toBe(existing.id);
  });

  it("keeps the two apart when the commissioner says they are different", async () => {
    const buyer = await council("Likely Match Council Three");
    const { existing, match } = await offered(buyer, "Kestrel Support");
    await decideLikelyMatch(buyer, { matchId: match.id, same: false });
    expect(
      await database.client.organisation.count({
        where: { id: { in: [existing.id, match.madeId as string] } },
      }),
    ).toBe(2);
    expect((await database.client.likelyMatch.findUniqueOrThrow({ where: { id: match.id } })).decision).toBe(
      "DIFFERENT",
    );
  });

  /** A notice naming `name` without a number, offered against a prime made by hand: the match. */
  async function offeredByNameOnly(buyer: Actor, name: string) {
    const existing = await createPrime(database.client, name);
    await importContracts(buyer, [notice(buyer.organisationName, [supplier(`${name} Ltd`)])]);
    const match = await database.client.likelyMatch.findFirstOrThrow({
      where: { existingId: existing.id },
      select: { id: true, madeId: true },
    });
    return { existing, match };
  }

  /** The next notice naming the same supplier, without a number: who it became, and what was asked. */
  async function importAgain(buyer: Actor, name: string) {
    const result = await importContracts(buyer, [notice(buyer.organisationName, [supplier(`${name} Ltd`)])]);
    const award = await database.client.contractPrime.findFirstOrThrow({
      where: { contractId: result.imported[0]?.id },
    });
    const asked = await database.client.likelyMatch.count({
      where: { commissionerId: buyer.organisationId },
    });
    return { primeId: award.primeId, asked };
  }

  it("does not ask again about a name the commissioner said is a different organisation, and takes the one its import made", async () => {
    const buyer = await council("Likely Match Council Eight");
    const { existing, match } = await offeredByNameOnly(buyer, "Fernhill Advice");
    await decideLikelyMatch(buyer, { matchId: match.id, same: false });
    const again = await importAgain(buyer, "Fernhill Advice");
    expect(again).toEqual({ primeId: match.madeId, asked: 1 });
    expect(await database.client.organisation.count({ where: { matchName: existing.matchName } })).toBe(2);
    // Another commissioner has not answered: it is asked.
    const other = await council("Likely Match Council Nine");
    expect((await importAgain(other, "Fernhill Advice")).asked).toBe(1);
  });

  it("does not ask again about a name the commissioner said is the organisation already there", async () => {
    const buyer = await council("Likely Match Council Ten");
    const { existing, match } = await offeredByNameOnly(buyer, "Ravensworth Care");
    await decideLikelyMatch(buyer, { matchId: match.id, same: true });
    expect(await importAgain(buyer, "Ravensworth Care")).toEqual({ primeId: existing.id, asked: 1 });
  });

  it("is decided only by the commissioner whose import found it, and leaves an organisation with members of its own to an operator", async () => {
    const buyer = await council("Likely Match Council Four");
    const other = await council("Likely Match Council Five");
    const { match } = await offered(buyer, "Moorland Care");
    await expect(decideLikelyMatch(other, { matchId: match.id, same: true })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const person = await createUser(database.client);
    await database.client.membership.create({
      data: { userId: person.id, organisationId: match.madeId as string },
    });
    await expect(decideLikelyMatch(buyer, { matchId: match.id, same: true })).rejects.toThrow(
      "Moorland Care Ltd has members of its own, or is named by others, since your import: ask the people who run Chainwise to merge it with Moorland Care.",
    );
    expect(
      (await database.client.likelyMatch.findUniqueOrThrow({ where: { id: match.id } })).decision,
    ).toBeNull();
  });

  it("takes by name a supplier made earlier in the same import", async () => {
    const buyer = await council("Likely Match Council Six");
    const result = await importContracts(buyer, [
      notice(buyer.organisationName, [supplier("Brightwater Housing Ltd")]),
      notice(buyer.organisationName, [supplier("BRIGHTWATER HOUSING")]),
    ]);
    const awards = await database.client.contractPrime.findMany({
      where: { contractId: { in: result.imported.map((c) => c.id) } },
    });
    expect(new Set(awards.map((a) => a.primeId)).size).toBe(1);
    expect(await database.client.likelyMatch.count({ where: { commissionerId: buyer.organisationId } })).toBe(
      0,
    );
  });
});
