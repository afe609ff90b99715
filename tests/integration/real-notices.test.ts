import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { type ImportedContract, parseOcds } from "@/lib/ocds/parse";
import { importContracts } from "@/lib/services/ocds-import";
import { actorFor, createCommissioner } from "@/tests/support/factories";
import { testDatabaseKinds, useTestDatabase } from "@/tests/support/test-database";

/**
 * Real notices as Contracts Finder published them (lib/ocds/fixtures/README.md gives each one's
 * source): a search page holding one award, and an award release on its own. The project's own
 * fixtures cover the shapes these do not (frameworks, lots, updates).
 */

async function fixture(name: string): Promise<ImportedContract[]> {
  const parsed = parseOcds(await readFile(`lib/ocds/fixtures/${name}`, "utf8"));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.contracts;
}

describe.each(testDatabaseKinds())("real Contracts Finder notices on %s", (kind) => {
  const database = useTestDatabase(kind);

  async function contractOf(id: string) {
    return database.client.contract.findUniqueOrThrow({
      where: { id },
      select: {
        title: true,
        valueAmount: true,
        valueCurrency: true,
        serviceArea: true,
        commissioner: { select: { identifiers: { select: { scheme: true, value: true } } } },
        primes: {
          select: {
            prime: {
              select: { id: true, name: true, identifiers: { select: { scheme: true, value: true } } },
            },
          },
        },
      },
    });
  }

  it("imports the FCA's award with the supplier's Companies House number, and one firm across notices is one prime", async () => {
    // Matched by name, whatever the case and the leading "The"; the buyer's number is then recorded.
    const fca = actorFor(await createCommissioner(database.client, "The Financial Conduct Authority"));
    const contracts = await fixture("real-contracts-finder-fca-2022.json");
    const report = await importContracts(fca, contracts);
    expect(report.skipped).toEqual([]);
    const [imported] = report.imported;
    if (!imported) throw new Error("nothing imported");
    const contract = await contractOf(imported.id);
    expect(contract.title).toBe("RStudio License and Support");
    expect(contract.valueAmount?.toString()).toBe("44341.25");
    expect(contract.valueCurrency).toBe("GBP");
    expect(contract.commissioner.identifiers).toContainEqual({ scheme: "GB-GOR", value: "OT1085" });
    const [bytes] = contract.primes.map((p) => p.prime);
    expect(bytes?.identifiers).toEqual([{ scheme: "GB-COH", value: "01616977" }]);

    // The same firm, spelt as another notice might, by its number: the prime already held.
    const base = contracts[0] as ImportedContract;
    const later = await importContracts(fca, [
      {
        ...base,
        ocid: "ocds-b5fd17-later-notice",
        releaseId: "ocds-b5fd17-later-notice-1",
        reference: "CON-23-001",
        title: "Software licences 2023",
        suppliers: [
          { name: "Bytes Software Services Ltd", scale: "large", vcse: false, identifier: "GB-COH-01616977" },
        ],
      },
    ]);
    const second = await contractOf(later.imported[0]?.id as string);
    expect(second.primes.map((p) => p.prime.id)).toEqual([bytes?.id]);

    // The same notice again changes nothing.
    const again = await importContracts(fca, contracts);
    expect(again.imported).toEqual([]);
    expect(again.updated).toEqual([]);
  });

  it("imports Hertsmere's award, a release on its own, keeping a trading name and an identifier of another scheme as given", async () => {
    const hertsmere = actorFor(await createCommissioner(database.client, "Hertsmere Borough Council"));
    const report = await importContracts(
      hertsmere,
      await fixture("real-contracts-finder-hertsmere-2025.json"),
    );
    expect(report.skipped).toEqual([]);
    const contract = await contractOf(report.imported[0]?.id as string);
    // The notice's doubled space is tidied; nothing else of the title changes.
    expect(contract.title).toBe("HBC0524 2024 INSURANCE LOTS 1-5 - AWARD");
    expect(contract.primes.map((p) => p.prime.name)).toEqual([
      "Zurich Insurance Company t/a Zurich Municipal",
    ]);
    expect(contract.primes[0]?.prime.identifiers).toEqual([{ scheme: "GB-CFS", value: "251823" }]);
  });
});
