import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { ForbiddenError, RuleError } from "@/lib/errors";
import { type ImportedContract, type ImportedSupplier, parseOcds } from "@/lib/ocds/parse";
import { matchName } from "@/lib/organisations/names";
import { addPartner } from "@/lib/services/contract-admin";
import { fillMatchNames } from "@/lib/services/fill-match-names";
import { type ImportReport, importBatch, importContracts, type Tx } from "@/lib/services/ocds-import";
import { addOwnIdentifier } from "@/lib/services/organisation-identities";
import {
  actorFor,
  createCommissioner,
  createContract,
  createPrime,
  createSubcontractor,
  createUser,
} from "@/tests/support/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

let notices = 0;
/** A published award notice naming these suppliers. */
function notice(suppliers: ImportedSupplier[]): ImportedContract {
  notices++;
  return {
    ocid: `ocds-test-${notices}`,
    releaseId: `ocds-test-${notices}-award`,
    releaseDate: "2026-03-01T09:00:00.000Z",
    title: `Employment support lot ${notices}`,
    reference: `NOTICE-${notices}`,
    buyer: { name: "Identity Test Council" },
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

describe.each(testDatabaseKinds())("organisation identities on %s", (kind) => {
  const database = useTestDatabase(kind);

  async function council(): Promise<Actor> {
    return actorFor(await createCommissioner(database.client, "Identity Test Council"));
  }

  /** The primes of what an import created, with the identifiers each organisation holds. */
  async function primesOf(contractIds: string[]) {
    const awards = await database.client.contractPrime.findMany({
      where: { contractId: { in: contractIds } },
      select: {
        contractId: true,
        prime: { select: { id: true, name: true, identifiers: { select: { scheme: true, value: true } } } },
      },
      orderBy: [{ contractId: "asc" }, { prime: { name: "asc" } }],
    });
    return awards.map((a) => ({
      contractId: a.contractId,
      id: a.prime.id,
      name: a.prime.name,
      identifiers: a.prime.identifiers.map((i) => `${i.scheme}-${i.value}`).sort(),
    }));
  }

  it("stores a notice's identifiers and treats one number as one organisation, whatever its spelling", async () => {
    const buyer = actorFor(await createCommissioner(database.client, "Northmoor County Council"));
    const text = await readFile("lib/ocds/fixtures/contracts-finder-award.json", "utf8");
    const parsed = parseOcds(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const first = await importContracts(buyer, parsed.contracts);
    const later = await importContracts(buyer, [
      {
        ...notice([supplier("HARBOURLINE SERVICES", "GB-COH-04567123")]),
        buyer: { name: "Northmoor County Council" },
      },
    ]);
    const primes = await primesOf([...first.imported, ...later.imported].map((c) => c.id));
    const harbourline = primes.filter((p) => p.identifiers.includes("GB-COH-04567123"));
    expect(harbourline.map((p) => p.contractId)).toHaveLength(2);
    expect(new Set(harbourline.map((p) => p.id)).size).toBe(1);
    expect(primes.find((p) => p.identifiers.includes("GB-CHC-1098765"))?.name).toBe(
      "Northmoor Community Voluntary Action",
    );
    expect(later.notes).toEqual([]);
  });

  it("keeps two firms that share a name apart, and says so", async () => {
    const buyer = await council();
    const first = await importContracts(buyer, [
      notice([supplier("Dalesway Services Ltd", "GB-COH-01111111")]),
    ]);
    const second = await importContracts(buyer, [
      notice([supplier("Dalesway Services Limited", "GB-COH-02222222")]),
    ]);
    const primes = await primesOf([...first.imported, ...second.imported].map((c) => c.id));
    expect(primes.map((p) => p.identifiers)).toEqual([["GB-COH-01111111"], ["GB-COH-02222222"]]);
    expect(new Set(primes.map((p) => p.id)).size).toBe(2);
    expect(second.notes.map((n) => n.reason)).toEqual([
      "Another organisation is called Dalesway Services Limited on Chainwise with a different registered number.",
    ]);
  });

  it("offers a supplier that only its name ties to an organisation already on Chainwise, rather than taking it", async () => {
    const buyer = await council();
    const byHand = await importContracts(buyer, [notice([supplier("Tarn Valley Employment")])]);
    const numbered = await importContracts(buyer, [
      notice([supplier("Tarn Valley Employment Ltd", "GB-COH-03333333")]),
    ]);
    const primes = await primesOf([...byHand.imported, ...numbered.imported].map((c) => c.id));
    // Two organisations until a person says they are one (tests/integration/likely-matches.test.ts).
    expect(new Set(primes.map((p) => p.id)).size).toBe(2);
    expect(primes.map((p) => p.identifiers)).toEqual([[], ["GB-COH-03333333"]]);
    const offered = await database.client.likelyMatch.findMany({
      where: { madeId: primes[1]?.id },
      select: { supplierName: true, existingId: true, existingName: true, decision: true },
    });
    expect(offered).toEqual([
      {
        supplierName: "Tarn Valley Employment Ltd",
        existingId: primes[0]?.id,
        existingName: "Tarn Valley Employment",
        decision: null,
      },
    ]);
  });

  it("refuses a notice naming as a prime a number Chainwise holds for a partner", async () => {
    const buyer = await council();
    const partner = await createSubcontractor(database.client, { name: "Fellside Food Bank" });
    await database.client.organisationIdentifier.create({
      data: { organisationId: partner.id, scheme: "GB-CHC", value: "1188888" },
    });
    const result = await importContracts(buyer, [notice([supplier("Fellside Food Bank", "GB-CHC-1188888")])]);
    expect(result.imported).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      "GB-CHC-1188888 is Fellside Food Bank, which is on Chainwise as a partner, not a prime.",
    ]);
  });

  it("gives organisations made before matching their matched name, once", async () => {
    const { client } = database;
    const old = await client.organisation.create({
      data: { name: "The Old Mill Trust Limited", type: "PRIME" },
    });
    expect(await fillMatchNames(client)).toBeGreaterThanOrEqual(1);
    expect(await fillMatchNames(client)).toBe(0);
    const filled = await client.organisation.findUniqueOrThrow({ where: { id: old.id } });
    expect(filled.matchName).toBe("old mill trust");
  });

  it("finds a contract's suppliers in a few statements, not several each, with the same answers", async () => {
    const buyer = await council();
    // Known before: one by its number (under another spelling), one by its name only, one a partner.
    await importContracts(buyer, [
      notice([supplier("Known By Number Ltd", "GB-COH-07770001"), supplier("Known By Name Ltd")]),
    ]);
    const partner = await createSubcontractor(database.client, { name: "Partner Not A Prime" });
    await database.client.organisationIdentifier.create({
      data: { organisationId: partner.id, scheme: "GB-CHC", value: "7770002" },
    });
    const run = notices;
    const fresh = Array.from({ length: 60 }, (_, i) =>
      supplier(
        `Fresh Supplier ${run}-${i} Ltd`,
        i % 2 ? `GB-COH-0888${String(i).padStart(4, "0")}` : undefined,
      ),
    );
    const big = notice([
      supplier("KNOWN BY NUMBER LIMITED", "GB-COH-07770001"),
      supplier("known by name limited"),
      ...fresh,
      // Twice in one notice under two spellings and one number: one organisation.
      supplier("Twice Named Ltd", "GB-COH-07770003"),
    ]);
    let statements = 0;
    const counted = database.client.$extends({
      query: {
        $allModels: {
          $allOperations({ args, query }) {
            statements++;
            return query(args);
          },
        },
      },
    });
    const report: ImportReport = { imported: [], updated: [], skipped: [], notes: [] };
    await counted.$transaction((tx) =>
      importBatch(tx as Tx, buyer, [big], report, { runId: null, startedAt: new Date() }),
    );
    // Once per contract: the existing contract, the buyer, the separation rule, the reference, the
    // contract. The suppliers: their numbers, their names, new organisations, new numbers, likely matches.
    expect(statements).toBeLessThanOrEqual(12);
    expect(report.imported).toHaveLength(1);
    const [primes] = [await primesOf([report.imported[0]?.id as string])];
    expect(primes).toHaveLength(63);
    const byName = new Map(primes.map((p) => [p.name, p]));
    expect(byName.get("Known By Number Ltd")?.identifiers).toEqual(["GB-COH-07770001"]);
    // Tied by its name only to one made before: made new, and offered to the commissioner (ADR 0028).
    expect(byName.has("known by name limited")).toBe(true);
    expect(
      await database.client.likelyMatch.count({
        where: { supplierName: "known by name limited", existingName: "Known By Name Ltd" },
      }),
    ).toBe(1);
    expect(byName.get(`Fresh Supplier ${run}-1 Ltd`)?.identifiers).toEqual(["GB-COH-08880001"]);

    // A number held by a partner: the contract is refused, named as one-at-a-time refused it.
    const refused: ImportReport = { imported: [], updated: [], skipped: [], notes: [] };
    await database.client.$transaction((tx) =>
      importBatch(tx, buyer, [notice([supplier("Partner Under Another Name", "GB-CHC-7770002")])], refused, {
        runId: null,
        startedAt: new Date(),
      }),
    );
    expect(refused.skipped.map((s) => s.reason)).toEqual([
      "GB-CHC-7770002 is Partner Not A Prime, which is on Chainwise as a partner, not a prime.",
    ]);
  });
});

describe.each(testDatabaseKinds())("importing later releases on %s", (kind) => {
  const database = useTestDatabase(kind);

  it("updates a contract from its award update, says what changed, and ignores an older release", async () => {
    const buyer = actorFor(await createCommissioner(database.client, "Identity Test Council"));
    const award = notice([{ ...supplier("Harbour Services Ltd", "GB-COH-04444444"), lots: ["North"] }]);
    const first = await importContracts(buyer, [{ ...award, value: { amount: 93007, currency: "GBP" } }]);
    const id = first.imported[0]?.id ?? "";
    const stored = await database.client.contract.findUniqueOrThrow({
      where: { id },
      include: { primes: { select: { lot: true } } },
    });
    expect(stored.valueAmount?.toNumber()).toBe(93007);
    expect(stored.valueCurrency).toBe("GBP");
    expect(stored.primes.map((p) => p.lot)).toEqual(["North"]);

    const awardUpdate: ImportedContract = {
      ...award,
      releaseId: `${award.ocid}-update`,
      releaseDate: "2026-05-01T09:00:00.000Z",
      title: "Employment support, extended",
      value: { amount: 120000, currency: "GBP" },
      valueBand: "£100k–£1m",
      suppliers: [
        { ...supplier("Harbour Services Ltd", "GB-COH-04444444"), lots: ["North", "South"] },
        supplier("Fellside Works CIC", "GB-COH-05555555"),
      ],
    };
    const second = await importContracts(buyer, [awardUpdate]);
    expect(second.imported).toEqual([]);
    expect(second.updated).toEqual([
      {
        id,
        title: "Employment support, extended",
        changes: [
          `Title changed from “${award.title}” to “Employment support, extended”.`,
          "Value changed from £93,007 to £120,000.",
          "Harbour Services Ltd's lots are now North; South.",
          "Fellside Works CIC added as a prime.",
        ],
      },
    ]);
    const older = await importContracts(buyer, [award]);
    expect(older.updated).toEqual([]);
    expect(older.skipped.map((s) => s.reason)).toEqual([
      "This contract has already been imported from a later release (or this one has no date).",
    ]);
    const now = await database.client.contract.findUniqueOrThrow({ where: { id } });
    expect(now.title).toBe("Employment support, extended");
  });

  it("lets a second commissioner import the same notice as its own", async () => {
    const one = actorFor(await createCommissioner(database.client, "Identity Test Council"));
    const other = actorFor(await createCommissioner(database.client, "Identity Test Council"));
    const framework = notice([supplier("Harbour Services Ltd", "GB-COH-04444444")]);
    const first = await importContracts(one, [framework]);
    const second = await importContracts(other, [framework]);
    expect(first.imported).toHaveLength(1);
    expect(second.imported).toHaveLength(1);
    expect(second.imported[0]?.id).not.toBe(first.imported[0]?.id);
  });
});

describe.each(testDatabaseKinds())("partners added by hand on %s", (kind) => {
  const database = useTestDatabase(kind);

  it("are told apart by their charity numbers, and found again by them whatever the name's spelling", async () => {
    const { client } = database;
    const council = actorFor(await createCommissioner(client));
    const prime = await createPrime(client);
    const contracts = [];
    for (let i = 0; i < 3; i++) {
      contracts.push(
        await createContract(client, {
          commissionerId: council.organisationId,
          primes: [{ primeId: prime.id }],
        }),
      );
    }
    const partner = {
      primeId: prime.id,
      sizeBand: "SMALL" as const,
      sector: "VCSE" as const,
      namedInBid: true,
      status: "DELIVERING" as const,
    };
    const [one, two, three] = contracts.map((c) => c.id) as [string, string, string];
    await addPartner(council, one, {
      ...partner,
      name: "Harbour Food Bank",
      identifiers: [{ scheme: "GB-CHC", id: "1111111" }],
    });
    await addPartner(council, two, {
      ...partner,
      name: "Harbour Food Bank",
      identifiers: [{ scheme: "GB-CHC", id: "2222222" }],
    });
    await addPartner(council, three, {
      ...partner,
      name: "The Harbour Foodbank Limited",
      identifiers: [{ scheme: "GB-CHC", id: "1111111" }],
    });
    const chain = await client.supplyChainMember.findMany({
      where: { contractId: { in: [one, two, three] } },
      select: { contractId: true, organisationId: true },
    });
    const on = (contractId: string) => chain.find((c) => c.contractId === contractId)?.organisationId;
    expect(on(one)).not.toBe(on(two));
    expect(on(three)).toBe(on(one));

    // A partner's number given for a prime is another kind of organisation: refused, with the reason.
    await client.organisationIdentifier.create({
      data: { organisationId: prime.id, scheme: "GB-COH", value: "07777777" },
    });
    await expect(
      addPartner(council, one, {
        ...partner,
        name: "Anything",
        identifiers: [{ scheme: "GB-COH", id: "07777777" }],
      }),
    ).rejects.toBeInstanceOf(RuleError);
  });
});

describe.each(testDatabaseKinds())("a notice's buyer on %s", (kind) => {
  const database = useTestDatabase(kind);

  async function administered(name: string) {
    const org = await createCommissioner(database.client, name);
    const user = await createUser(database.client);
    await database.client.membership.create({
      data: { userId: user.id, organisationId: org.id, role: "ADMIN" },
    });
    return { ...actorFor(org), userId: user.id, role: "ADMIN" as const };
  }

  it("is the importing commissioner by its identifier, or by its name (and the identifier is then recorded)", async () => {
    const fellside = await administered("Fellside District Council");
    const byName = await importContracts(fellside, [
      {
        ...notice([supplier("Tarn Services Ltd")]),
        buyer: { name: "FELLSIDE DISTRICT COUNCIL", id: "GB-CFS-900001" },
      },
    ]);
    expect(byName.imported).toHaveLength(1);
    expect(byName.notes.map((n) => n.reason)).toContain(
      "GB-CFS-900001, the buyer's identifier in this notice, is now recorded as your organisation's, so later notices are matched by it.",
    );
    const byIdentifier = await importContracts(fellside, [
      {
        ...notice([supplier("Tarn Services Ltd")]),
        buyer: { name: "Fellside DC (Procurement)", id: "GB-CFS-900001" },
      },
    ]);
    expect(byIdentifier.imported).toHaveLength(1);
  });

  it("refuses another body's notice, and takes it once an administrator records the buyer's identifier", async () => {
    const dales = await administered("Dales Council");
    const theirs = {
      ...notice([supplier("Tarn Services Ltd")]),
      buyer: { name: "Dales Borough Council", id: "GB-CFS-900002" },
    };
    const refused = await importContracts(dales, [theirs]);
    expect(refused.imported).toEqual([]);
    expect(refused.skipped.map((s) => s.reason)).toEqual([
      "The buyer in this notice is Dales Borough Council (GB-CFS-900002), not Dales Council. Import only your own organisation's notices. If Dales Borough Council is your organisation under another name, an administrator can add GB-CFS-900002 on your organisation's page, then import again.",
    ]);
    expect(await addOwnIdentifier(dales, " gb-cfs-900002 ")).toBe("GB-CFS-900002");
    expect((await importContracts(dales, [theirs])).imported).toHaveLength(1);

    // Another council cannot claim it, nor import the notice; a member who is not an administrator cannot add one.
    const other = await administered("Dales Borough Council");
    await expect(addOwnIdentifier(other, "GB-CFS-900002")).rejects.not.toThrow(/Dales Council/);
    await expect(addOwnIdentifier(other, "GB-CFS-900002")).rejects.toThrow(
      /already recorded for another organisation on Chainwise\./,
    );
    expect((await importContracts(other, [theirs])).skipped[0]?.reason).toMatch(
      /another organisation on Chainwise/,
    );
    await expect(addOwnIdentifier({ ...other, role: "MEMBER" }, "GB-CFS-900003")).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(addOwnIdentifier(other, "Dales 123")).rejects.toBeInstanceOf(RuleError);
  });
});

describe.each(testDatabaseKinds())("a demo commissioner's import on %s", (kind) => {
  const database = useTestDatabase(kind);

  it("names demo organisations only: it makes demo ones and never reaches a real one, nor a real import a demo one", async () => {
    const name = "Lantern Demo Council";
    const demoCouncil = await database.client.organisation.create({
      data: { name, matchName: matchName(name), type: "COMMISSIONER", demo: true },
    });
    const real = await createPrime(database.client, "Harbour Lights Ltd");
    await database.client.organisationIdentifier.create({
      data: { organisationId: real.id, scheme: "GB-COH", value: "05550001" },
    });
    const visitor: Actor = { ...actorFor(demoCouncil), userId: null, role: null };
    const suppliers = [
      supplier("Harbour Lights Ltd", "GB-COH-05550001"),
      supplier("Quayside Lettings Ltd", "GB-COH-05550002"),
    ];
    const result = await importContracts(visitor, [{ ...notice(suppliers), buyer: { name } }]);
    const primesOf = (contractId: string | undefined) =>
      database.client.contractPrime.findMany({
        where: { contractId: contractId as string },
        select: {
          prime: { select: { id: true, name: true, demo: true, identifiers: { select: { value: true } } } },
        },
        orderBy: { prime: { name: "asc" } },
      });
    const demoPrimes = await primesOf(result.imported[0]?.id);
    expect(demoPrimes.map((p) => p.prime.demo)).toEqual([true, true]);
    expect(demoPrimes.map((p) => p.prime.id)).not.toContain(real.id);
    // The real firm's number stays the real firm's alone.
    expect(demoPrimes.map((p) => p.prime.identifiers.map((i) => i.value))).toEqual([[], ["05550002"]]);

    // A real council's notice with the same numbers reaches the real firm, and never the demo's.
    const council = actorFor(await createCommissioner(database.client, "Lantern Real Council"));
    const theirs = await importContracts(council, [
      { ...notice(suppliers), buyer: { name: council.organisationName } },
    ]);
    const theirPrimes = await primesOf(theirs.imported[0]?.id);
    expect(theirPrimes.map((p) => p.prime.demo)).toEqual([false, false]);
    expect(theirPrimes[0]?.prime.id).toBe(real.id);
    expect(theirPrimes.map((p) => p.prime.id)).not.toContain(demoPrimes[1]?.prime.id);
  });

  it("adds by hand, for a demo commissioner, a demo partner even when a real charity holds its number", async () => {
    const { client } = database;
    const name = "Beacon Demo Council";
    const demoCouncil = await client.organisation.create({
      data: { name, matchName: matchName(name), type: "COMMISSIONER", demo: true },
    });
    const real = await createSubcontractor(client, { name: "Beacon Food Bank" });
    await client.organisationIdentifier.create({
      data: { organisationId: real.id, scheme: "GB-CHC", value: "5550003" },
    });
    const prime = await client.organisation.create({
      data: {
        name: "Beacon Demo Prime",
        matchName: matchName("Beacon Demo Prime"),
        type: "PRIME",
        demo: true,
      },
    });
    const contract = await createContract(client, {
      commissionerId: demoCouncil.id,
      primes: [{ primeId: prime.id }],
    });
    const visitor: Actor = { ...actorFor(demoCouncil), userId: null, role: null };
    await addPartner(visitor, contract.id, {
      primeId: prime.id,
      name: "Beacon Food Bank",
      identifiers: [{ scheme: "GB-CHC", id: "5550003" }],
      sizeBand: "SMALL",
      sector: "VCSE",
      namedInBid: true,
      status: "DELIVERING",
    });
    const chain = await client.supplyChainMember.findMany({
      where: { contractId: contract.id },
      select: { organisation: { select: { id: true, demo: true } } },
    });
    expect(chain.map((m) => m.organisation.demo)).toEqual([true]);
    expect(chain[0]?.organisation.id).not.toBe(real.id);
  });
});
