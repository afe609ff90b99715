import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/types";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import { parseOcds } from "@/lib/ocds/parse";
import {
  addPartner,
  createContract,
  getOwnContract,
  listOwnContracts,
  openCycle,
  updatePartner,
} from "@/lib/services/contract-admin";
import { listDemoContracts } from "@/lib/services/contracts";
import { importContracts } from "@/lib/services/ocds-import";
import { listDemoOrganisations } from "@/lib/services/organisations";
import { actorFor, createCommissioner, createPrime, createSubcontractor } from "@/tests/support/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

const contractInput = {
  title: "Wessex Employment Support",
  reference: "WBC-2026-001",
  valueBand: "£1m–£10m",
  startDate: new Date("2026-04-01"),
  endDate: new Date("2029-03-31"),
  ocid: null,
  primes: [
    { name: "Anvil Services Ltd", lot: "East" },
    { name: "Beacon Outcomes plc", lot: "West" },
  ],
};

describe.each(testDatabaseKinds())("contracts on %s", (kind) => {
  const database = useTestDatabase(kind);
  let council: Actor;
  let otherCouncil: Actor;
  let prime: Actor;
  let partner: Actor;
  // Organisations every test reads; each test makes the contracts it changes.
  beforeAll(async () => {
    council = actorFor(await createCommissioner(database.client, "Wessex Borough Council"));
    otherCouncil = actorFor(await createCommissioner(database.client, "Mercia City Council"));
    prime = actorFor(await createPrime(database.client, "Anvil Services Ltd"));
    partner = actorFor(await createSubcontractor(database.client));
  });

  /** A contract of the council's own, under a reference no other test uses. */
  const councilContract = (reference: string) => createContract(council, { ...contractInput, reference });

  it("lets a commissioner create a contract naming its primes, reusing a prime it already knows", async () => {
    const id = await createContract(council, contractInput);
    const contract = await getOwnContract(council, id);
    expect(contract.primes.map((p) => [p.prime.name, p.lot])).toEqual([
      ["Anvil Services Ltd", "East"],
      ["Beacon Outcomes plc", "West"],
    ]);
    expect(contract.primes[0]?.prime.id).toBe(prime.organisationId);
    await expect(createContract(council, contractInput)).rejects.toBeInstanceOf(RuleError);
  });

  it("refuses primes, partners and other commissioners", async () => {
    await expect(createContract(prime, contractInput)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createContract(partner, contractInput)).rejects.toBeInstanceOf(ForbiddenError);
    const own = { id: await councilContract("WBC-REFUSE") };
    await expect(getOwnContract(otherCouncil, own.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      openCycle(otherCouncil, own.id, {
        name: "X",
        opensAt: new Date("2026-01-01"),
        closesAt: new Date("2026-02-01"),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("finds a prime by its Companies House number before its name, and keeps a same-named firm apart", async () => {
    const first = await createContract(council, {
      ...contractInput,
      reference: "WBC-NUM-1",
      primes: [
        { name: "Cedar Employment Ltd", lot: null, identifiers: [{ scheme: "GB-COH", id: "07654321" }] },
      ],
    });
    const respelt = await createContract(council, {
      ...contractInput,
      reference: "WBC-NUM-2",
      primes: [
        {
          name: "CEDAR EMPLOYMENT LIMITED (Wessex)",
          lot: null,
          identifiers: [{ scheme: "GB-COH", id: "07654321" }],
        },
      ],
    });
    const namesake = await createContract(council, {
      ...contractInput,
      reference: "WBC-NUM-3",
      primes: [
        { name: "Cedar Employment Ltd", lot: null, identifiers: [{ scheme: "GB-COH", id: "09999999" }] },
      ],
    });
    const primeOf = async (id: string) => (await getOwnContract(council, id)).primes[0]?.prime.id;
    expect(await primeOf(respelt)).toBe(await primeOf(first));
    expect(await primeOf(namesake)).not.toBe(await primeOf(first));
  });

  it("lists a council's own contracts a page at a time, newest first, and no other council's", async () => {
    const lister = actorFor(await createCommissioner(database.client, "Hundred Contracts Council"));
    for (let i = 0; i < 27; i++) {
      await createContract(lister, {
        ...contractInput,
        reference: `HCC-${String(i).padStart(2, "0")}`,
        startDate: new Date(Date.UTC(2026, 0, 1 + i)),
      });
    }
    await createContract(otherCouncil, { ...contractInput, reference: "MCC-ONLY" });
    const first = await listOwnContracts(lister);
    expect(first).toMatchObject({ page: 1, pages: 2, first: 1, last: 25, total: 27 });
    expect(first.rows[0]?.reference).toBe("HCC-26");
    const last = await listOwnContracts(lister, "7");
    expect(last).toMatchObject({ page: 2, first: 26, last: 27 });
    expect(last.rows.map((c) => c.reference)).toEqual(["HCC-01", "HCC-00"]);
    await expect(listOwnContracts(prime)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("keeps each prime's supply chain and the rating roster, set by the commissioner", async () => {
    const own = { id: await councilContract("WBC-CHAIN") };
    const input = {
      primeId: prime.organisationId,
      name: "Harbour Food Bank",
      sizeBand: "MICRO" as const,
      sector: "VCSE" as const,
      namedInBid: true,
      status: "NAMED_IN_BID" as const,
    };
    await addPartner(council, own.id, input);
    await expect(addPartner(council, own.id, input)).rejects.toBeInstanceOf(RuleError);
    await expect(addPartner(otherCouncil, own.id, input)).rejects.toBeInstanceOf(NotFoundError);
    let contract = await getOwnContract(council, own.id);
    const member = contract.supplyChain[0];
    expect(member).toMatchObject({
      status: "NAMED_IN_BID",
      namedInBid: true,
      canRate: true,
      organisation: { name: "Harbour Food Bank", sizeBand: "MICRO" },
    });
    if (!member) throw new Error("no member");
    await updatePartner(council, member.id, { status: "DELIVERING", canRate: false });
    await expect(updatePartner(otherCouncil, member.id, { canRate: true })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    contract = await getOwnContract(council, own.id);
    expect(contract.supplyChain[0]).toMatchObject({ status: "DELIVERING", canRate: false });
  });

  it("opens cycles that do not overlap", async () => {
    const own = { id: await councilContract("WBC-CYCLES") };
    await openCycle(council, own.id, {
      name: "2026–27",
      opensAt: new Date("2026-10-01"),
      closesAt: new Date("2027-01-31"),
    });
    await expect(
      openCycle(council, own.id, {
        name: "Extra",
        opensAt: new Date("2027-01-01"),
        closesAt: new Date("2027-02-28"),
      }),
    ).rejects.toThrow(/overlaps the 2026–27 cycle/);
    await expect(
      openCycle(council, own.id, {
        name: "Backwards",
        opensAt: new Date("2028-02-01"),
        closesAt: new Date("2028-01-01"),
      }),
    ).rejects.toBeInstanceOf(RuleError);
  });

  it("imports a Contracts Finder award: contract, primes with their scale and VCSE status, and skips a repeat", async () => {
    const text = await readFile("lib/ocds/fixtures/contracts-finder-award.json", "utf8");
    const parsed = parseOcds(text);
    if (!parsed.ok) throw new Error(parsed.error);
    // The notice's buyer: a notice is imported only by the commissioner that published it.
    const buyer = actorFor(await createCommissioner(database.client, "Northmoor County Council"));
    const refused = await importContracts(council, parsed.contracts);
    expect(refused.imported).toEqual([]);
    expect(refused.skipped[0]?.reason).toMatch(
      /^The buyer in this notice is Northmoor County Council \(GB-CFS-204871\), not Wessex Borough Council\./,
    );
    const first = await importContracts(buyer, parsed.contracts);
    expect(first.imported).toHaveLength(parsed.contracts.length);
    const imported = first.imported[0];
    if (!imported) throw new Error("nothing imported");
    const contract = await getOwnContract(buyer, imported.id);
    const expected = parsed.contracts[0];
    expect(contract.title).toBe(expected?.title);
    expect(contract.ocid).toBe(expected?.ocid);
    expect(contract.valueBand).toBe(expected?.valueBand);
    expect(contract.primes.map((p) => p.prime.name).sort()).toEqual(
      expected?.suppliers.map((s) => s.name).sort(),
    );

    const again = await importContracts(buyer, parsed.contracts);
    expect(again.imported).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toContain(
      "This contract has already been imported from this release.",
    );
    await expect(importContracts(prime, parsed.contracts)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("offers the demo story's organisations to act for, not every demo organisation a demo import made", async () => {
    const story = await createSubcontractor(database.client, { name: "Riverside Community Trust" });
    const real = await createSubcontractor(database.client, { name: "Kingsway Carers Centre" });
    // The seed offers its story; a demo council's import makes demo organisations it does not offer.
    await database.client.organisation.update({
      where: { id: story.id },
      data: { demo: true, demoOffered: true },
    });
    const council = actorFor(await createCommissioner(database.client, "Demo Import Council"));
    await database.client.organisation.update({
      where: { id: council.organisationId },
      data: { demo: true },
    });
    await importContracts(council, [
      {
        ocid: "ocds-demo-offered-1",
        releaseId: "ocds-demo-offered-1-award",
        releaseDate: "2026-03-01T09:00:00.000Z",
        title: "Imported in the demo",
        reference: "DEMO-IMPORT-1",
        buyer: { name: "Demo Import Council" },
        value: null,
        valueBand: "Not published",
        startDate: "2026-04-01",
        endDate: null,
        suppliers: [{ name: "Imported Supplier 00001 Ltd", scale: null, vcse: null }],
      },
    ]);
    // A demo organisation, made by the import: acting for it is possible, offering it is not.
    const made = await database.client.organisation.findFirstOrThrow({
      where: { name: "Imported Supplier 00001 Ltd", demo: true },
      select: { id: true },
    });
    const offered = (await listDemoOrganisations()).map((o) => o.id);
    expect(offered).toContain(story.id);
    expect(offered).not.toContain(made.id);
    // Its contract stays out of the next test's list of demo contracts.
    await database.client.organisation.update({
      where: { id: council.organisationId },
      data: { demo: false },
    });
    expect(offered).not.toContain(real.id);
  });

  it("lists only the demo commissioners' contracts publicly, never a real one", async () => {
    const demoCouncil = await createCommissioner(database.client, "Invented Demo Council");
    await database.client.organisation.update({
      where: { id: demoCouncil.id },
      data: { demo: true, demoOffered: true },
    });
    await createContract(actorFor(demoCouncil), {
      ...contractInput,
      title: "Demo Contract",
      reference: "D-1",
    });
    // One a visitor imported from a notice stays on the council's own page, not the public list.
    await createContract(actorFor(demoCouncil), {
      ...contractInput,
      title: "Imported Demo Contract",
      reference: "D-2",
      ocid: "ocds-demo-imported-1",
    });
    const listed = await listDemoContracts();
    expect(listed.map((c) => c.title)).toEqual(["Demo Contract"]);
    expect(listed[0]?.commissioner).toBe("Invented Demo Council");
  });
});
