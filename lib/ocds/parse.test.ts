import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { matchName } from "../organisations/names";
import {
  DEFAULT_MAX_BYTES,
  type ImportedContract,
  type ImportedSupplier,
  isoDate,
  type OcdsParseResult,
  parseOcds,
  readScale,
  readVcse,
  type SkippedItem,
  UNEXPECTED_ERROR_MESSAGE,
  valueBand,
} from "./parse";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const run = (document: unknown) => parseOcds(JSON.stringify(document));

function imported(result: OcdsParseResult): { contracts: ImportedContract[]; skipped: SkippedItem[] } {
  if (!result.ok) throw new Error(`expected an import, got: ${result.error}`);
  return result;
}
function only(result: OcdsParseResult): { contract: ImportedContract; skipped: SkippedItem[] } {
  const { contracts, skipped } = imported(result);
  const [contract, ...rest] = contracts;
  if (!contract || rest.length > 0) throw new Error(`expected one contract, got ${contracts.length}`);
  return { contract, skipped };
}
function failure(result: OcdsParseResult): string {
  if (result.ok) throw new Error("expected an error");
  return result.error;
}
const codes = (skipped: SkippedItem[]) => skipped.map((item) => item.code);

const BUYER = { id: "GB-CFS-1", name: "Northmoor County Council" };

/** A minimal award release: one buyer, one award to one supplier, which the overrides change. */
function release(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ocid: "ocds-test-1",
    id: "r1",
    date: "2025-06-01T10:00:00Z",
    tag: ["award"],
    buyer: BUYER,
    parties: [
      { ...BUYER, roles: ["buyer"] },
      { id: "GB-COH-1", name: "Acme Ltd", roles: ["supplier"], details: { scale: "large", vcse: false } },
    ],
    tender: { id: "T-1", title: "Day services" },
    awards: [
      {
        id: "a1",
        status: "active",
        value: { amount: 250_000, currency: "GBP" },
        suppliers: [{ id: "GB-COH-1", name: "Acme Ltd" }],
        contractPeriod: { startDate: "2025-07-01T00:00:00Z", endDate: "2027-06-30T23:59:59Z" },
      },
    ],
    ...overrides,
  };
}
const award = (overrides: Record<string, unknown> = {}) => ({
  id: "a1",
  status: "active",
  suppliers: [{ id: "GB-COH-1", name: "Acme Ltd" }],
  ...overrides,
});

// ---------------------------------------------------------------------------------------------
// The fixtures
// ---------------------------------------------------------------------------------------------

describe("Contracts Finder award release package", () => {
  const result = parseOcds(fixture("contracts-finder-award.json"));
  const ocid = "ocds-b5fd17-6c1e9a52-8d3f-4b7e-a2c4-91f05d7e3b28";

  it("imports exactly the awarded contract, from the latest release", () => {
    const { contract } = only(result);
    expect(contract).toStrictEqual({
      ocid,
      releaseId: "6c1e9a52-8d3f-4b7e-a2c4-91f05d7e3b28-903377",
      releaseDate: "2025-06-12T08:15:02.000Z",
      title: "Community Wellbeing and Early Help Service",
      reference: "NCC-ASC-0425",
      buyer: { name: "Northmoor County Council", id: "GB-CFS-204871" },
      value: { amount: 4_250_000, currency: "GBP" },
      valueBand: "£1m–£10m",
      // CPV 85320000, social services.
      serviceArea: "community",
      // awards[0].contractPeriod, not the tender's planned 2025-06-01 to 2028-05-31.
      startDate: "2025-07-01",
      endDate: "2028-06-30",
      suppliers: [
        {
          name: "Harbourline Services Limited",
          id: "GB-COH-04567123",
          scale: "large",
          vcse: false,
          identifier: "GB-COH-04567123",
        },
        {
          name: "Northmoor Community Voluntary Action",
          id: "GB-CHC-1098765",
          scale: "sme",
          vcse: true,
          identifier: "GB-CHC-1098765",
        },
        {
          name: "Brightpath Young People's Trust",
          id: "GB-COH-07345612",
          scale: "sme",
          vcse: true,
          identifier: "GB-COH-07345612",
        },
        {
          name: "Moorside Advice CIC",
          id: "GB-COH-11223344",
          scale: "sme",
          vcse: true,
          identifier: "GB-COH-11223344",
        },
        // A Contracts Finder id (GB-CFS) with no registered identifier: no identifier.
        { name: "Dales Digital Inclusion Ltd", id: "GB-CFS-318842", scale: "sme", vcse: false },
      ],
    });
  });

  it("reports the older tender release and the supplier listed twice", () => {
    const { skipped } = only(result);
    expect(skipped).toStrictEqual([
      {
        code: "older-release",
        ocid,
        releaseId: "6c1e9a52-8d3f-4b7e-a2c4-91f05d7e3b28-874512",
        item: 'Release "6c1e9a52-8d3f-4b7e-a2c4-91f05d7e3b28-874512"',
        reason:
          'An older release of the same contract; the latest release ("6c1e9a52-8d3f-4b7e-a2c4-91f05d7e3b28-903377", dated 2025-06-12) was read instead.',
      },
      {
        code: "supplier-duplicate",
        ocid,
        releaseId: "6c1e9a52-8d3f-4b7e-a2c4-91f05d7e3b28-903377",
        item: 'Supplier "Moorside Advice CIC"',
        reason:
          'Listed more than once (the same id "GB-COH-11223344"), so the entries were merged into one supplier, "Moorside Advice CIC".',
      },
    ]);
  });
});

describe("Find a Tender single release", () => {
  it("imports the contract, with both lots' suppliers as primes and not the losing tenderer", () => {
    const { contract, skipped } = only(parseOcds(fixture("find-a-tender-release.json")));
    expect(contract).toStrictEqual({
      ocid: "ocds-h6vhtk-04f2a1",
      releaseId: "045812-2025",
      releaseDate: "2025-09-03T13:07:55.000Z",
      title: "Supported Employment and Skills Programme",
      // Find a Tender uses the ocid as tender.id.
      reference: "ocds-h6vhtk-04f2a1",
      buyer: { name: "Calder Vale Metropolitan Borough Council", id: "GB-PPON-PQRT-4821-LMNX" },
      // contracts[].value: £610,000 + £170,000 net of VAT (amountGross is not read).
      value: { amount: 780_000, currency: "GBP" },
      valueBand: "£100k–£1m",
      // The notice gives no CPV code.
      serviceArea: null,
      // Earliest contracts[].period.startDate and latest endDate, not the tender's.
      startDate: "2026-01-05",
      endDate: "2028-01-31",
      suppliers: [
        {
          name: "Pennine Pathways Limited",
          id: "GB-COH-09876543",
          scale: "large",
          vcse: false,
          identifier: "GB-COH-09876543",
          lots: ["Employment support"],
        },
        {
          name: "Calder Works Social Enterprise",
          id: "GB-PPON-PBXW-2291-QJKT",
          scale: "sme",
          vcse: true,
          identifier: "GB-PPON-PBXW-2291-QJKT",
          lots: ["Basic skills"],
        },
      ],
    });
    expect(skipped).toStrictEqual([
      {
        code: "value-total",
        ocid: "ocds-h6vhtk-04f2a1",
        releaseId: "045812-2025",
        item: "Value",
        reason: "The value is the total of 2 contracts.",
      },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Files that cannot be imported
// ---------------------------------------------------------------------------------------------

const DOWNLOAD_HINT =
  "Download the OCDS JSON file again from Contracts Finder or Find a Tender and upload it without editing.";
const NOT_OCDS =
  'This file is JSON but not open contracting data (OCDS): it has no "ocid" or "releases". ' +
  "Upload a release or release package downloaded from Contracts Finder or Find a Tender.";

describe("malformed fixtures", () => {
  it("not JSON: says where (the trailing comma makes the closing brace on line 7 the problem)", () => {
    expect(failure(parseOcds(fixture("not-json.txt")))).toBe(
      `This file is not valid JSON: there is a problem at line 7, column 1. ${DOWNLOAD_HINT}`,
    );
  });

  it("a JSON list", () => {
    expect(failure(parseOcds(fixture("json-array.json")))).toBe(
      "This file holds a JSON list, not an OCDS release or release package. Upload the file exactly as " +
        'downloaded from Contracts Finder or Find a Tender: it starts with { and has an "ocid" (a single ' +
        'release) or a "releases" list (a release package).',
    );
  });

  it("a package with no releases", () => {
    expect(failure(parseOcds(fixture("empty-package.json")))).toBe(
      "This release package contains no releases, so there is nothing to import. Check you downloaded " +
        "the right notice: a search that matched nothing gives an empty package.",
    );
  });

  it("a release with a tender only", () => {
    expect(failure(parseOcds(fixture("tender-only-release.json")))).toBe(
      "Nothing to import. This is a tender notice, so no contract has been awarded yet. " +
        "Upload the contract award notice once the contract has been awarded.",
    );
  });
});

describe("other files that cannot be imported", () => {
  it("an empty or blank file", () => {
    const empty =
      "The file is empty. Upload the OCDS JSON file downloaded from Contracts Finder or Find a Tender.";
    expect(failure(parseOcds(""))).toBe(empty);
    expect(failure(parseOcds(" \n\t "))).toBe(empty);
    expect(failure(parseOcds("\uFEFF"))).toBe(empty);
  });

  it("a web page saved instead of the JSON", () => {
    expect(failure(parseOcds("<!DOCTYPE html><html><body>Contracts Finder</body></html>"))).toBe(
      "This file looks like a web page (HTML), not open contracting data. On Contracts Finder or " +
        "Find a Tender, download the notice as OCDS JSON and upload that file.",
    );
  });

  it("a download cut short says so, with where it stops", () => {
    expect(failure(parseOcds('{\n  "ocid": "ocds-1",\n  "tag": ["aw'))).toBe(
      `This file is not valid JSON: it ends too soon, at line 3, column 14, so it may have been cut short while downloading. ${DOWNLOAD_HINT}`,
    );
  });

  it("JSON that is not OCDS", () => {
    for (const text of ["42", '"ocid"', "null", "true", '{"title": "Day services"}', "{}"]) {
      expect(failure(parseOcds(text)), text).toBe(NOT_OCDS);
    }
  });

  it("a package whose releases are not a list", () => {
    expect(failure(run({ releases: { ocid: "x" } }))).toBe(
      `This file's "releases" field should be a list of releases but is not, so it cannot be read. ${DOWNLOAD_HINT}`,
    );
  });

  it("a file over the size limit, counted in UTF-8 bytes", () => {
    expect(DEFAULT_MAX_BYTES).toBe(50 * 1024 * 1024);
    expect(failure(parseOcds(" ".repeat(DEFAULT_MAX_BYTES + 1)))).toBe(
      "This file is 50.0 MB, which is over the 50 MB limit. Download fewer notices at a time " +
        "(for example, one contract's release package) and try again.",
    );
    // "£" is two bytes: six of them are 12 bytes, over a 10-byte limit though only 6 characters long.
    expect(failure(parseOcds("££££££", { maxBytes: 10 }))).toMatch(
      /^This file is 12 bytes, which is over the 10 bytes limit\./,
    );
    // Exactly at the limit is accepted (and then read).
    const text = JSON.stringify(release());
    expect(parseOcds(text, { maxBytes: text.length }).ok).toBe(true);
    // A nonsense limit falls back to the default.
    expect(parseOcds(text, { maxBytes: -1 }).ok).toBe(true);
  });

  it("an awarded release with no buyer anywhere names the release", () => {
    const parties = [{ id: "GB-COH-1", name: "Acme Ltd", roles: ["supplier"] }];
    expect(failure(run(release({ buyer: undefined, parties })))).toBe(
      'Release "r1" for "Day services" (ocds-test-1) has an award but names no buyer, so Chainwise cannot tell ' +
        "which commissioner the contract belongs to. Nothing was imported. Check the file is complete, or download it again.",
    );
    // A buyer reference with neither a name nor a matching party is no buyer either.
    expect(failure(run(release({ buyer: { id: "GB-X-9" }, parties })))).toMatch(/names no buyer/);
  });

  it("a package in which nothing has been awarded", () => {
    const tenderOnly = (ocid: string) => ({ ocid, id: `${ocid}-t`, tag: ["tender"], buyer: BUYER });
    expect(failure(run({ releases: [tenderOnly("ocds-a"), tenderOnly("ocds-b")] }))).toBe(
      "Nothing to import: none of the 2 contracts in this file has been awarded yet (they are planning or " +
        "tender notices). Upload the contract award notices instead.",
    );
  });

  it("a package in which nothing can be read gives a count of each reason", () => {
    const releases = [
      { ocid: "ocds-a", tag: ["planning"] },
      { ocid: "ocds-b", tag: ["tenderCancellation"], tender: { status: "cancelled" } },
      { id: "no-ocid", tag: ["award"], awards: [award()] },
      "not a release",
      7,
    ];
    expect(failure(run({ releases }))).toBe(
      "Nothing in this file could be imported: 1 not awarded yet, 1 cancelled before award, 1 with no ocid, " +
        "2 entries that are not a release.",
    );
  });

  it("a single release whose awards were all cancelled or unsuccessful", () => {
    const awards = [award({ status: "cancelled" }), award({ id: "a2", status: "Unsuccessful" })];
    expect(failure(run(release({ awards })))).toBe(
      "Nothing to import. Every award in this release is cancelled or unsuccessful, so no contract was let.",
    );
  });

  it("a release tagged as an award with no award in it", () => {
    expect(failure(run(release({ awards: [] })))).toBe(
      "Nothing to import. This release is tagged as an award or contract but holds no award or contract details.",
    );
  });

  it("a planning notice", () => {
    expect(failure(run(release({ tag: ["planning"], awards: [] })))).toMatch(
      /^Nothing to import\. This is a planning notice, so no contract has been awarded yet\./,
    );
  });

  it("a release without an ocid", () => {
    expect(failure(run(release({ ocid: "  " })))).toBe(
      `Nothing to import. This release has no ocid (Open Contracting ID), so it cannot be matched to a contract. ${DOWNLOAD_HINT}`,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Releases
// ---------------------------------------------------------------------------------------------

describe("releases", () => {
  it("a package of updates: the latest by date is read, wherever it sits in the file", () => {
    const releases = [
      release({
        id: "r-june",
        date: "2025-06-01T10:00:00+01:00",
        tender: { id: "T-1", title: "June title" },
      }),
      release({
        id: "r-august",
        date: "2025-08-01T10:00:00+01:00",
        tender: { id: "T-1", title: "August title" },
      }),
      release({ id: "r-undated", date: undefined, tender: { id: "T-1", title: "Undated title" } }),
      release({
        id: "r-july",
        date: "2025-07-01T10:00:00+01:00",
        tender: { id: "T-1", title: "July title" },
      }),
    ];
    const { contract, skipped } = only(run({ releases }));
    expect(contract).toMatchObject({ releaseId: "r-august", title: "August title" });
    expect(skipped.filter((item) => item.code === "older-release").map((item) => item.releaseId)).toEqual([
      "r-june",
      "r-undated",
      "r-july",
    ]);
    expect(skipped[0]?.reason).toBe(
      'An older release of the same contract; the latest release ("r-august", dated 2025-08-01) was read instead.',
    );
  });

  it("dates are compared as instants, so time zones are respected; a tie goes to the later in the file", () => {
    const releases = [
      release({ id: "r-utc", date: "2025-06-01T09:30:00Z" }),
      // 10:00 in UK summer time is 09:00 UTC: earlier.
      release({ id: "r-bst", date: "2025-06-01T10:00:00+01:00" }),
    ];
    expect(only(run({ releases })).contract.releaseId).toBe("r-utc");
    const tie = [release({ id: "r-first" }), release({ id: "r-second" })];
    expect(only(run({ releases: tie })).contract.releaseId).toBe("r-second");
  });

  it("several contracting processes give one contract each, in file order, skipping what cannot be read", () => {
    const releases = [
      release({ ocid: "ocds-b", tender: { id: "B", title: "B" } }),
      "junk",
      release({ ocid: "ocds-a", tender: { id: "A", title: "A" } }),
      { ocid: "ocds-c", id: "c-1", tag: ["tender"] },
    ];
    const { contracts, skipped } = imported(run({ releases }));
    expect(contracts.map((c) => c.ocid)).toEqual(["ocds-b", "ocds-a"]);
    expect(skipped.map((item) => [item.code, item.item])).toEqual([
      ["not-a-release", "Entry 2 in the file"],
      ["no-award-yet", 'Release "c-1"'],
    ]);
  });

  it("a record package is read through each record's compiled release", () => {
    const records = [
      { ocid: "ocds-test-1", compiledRelease: release({ tag: ["compiled"] }), releases: [] },
      { ocid: "ocds-test-2", releases: [{ url: "https://example.org/r.json" }] },
    ];
    const { contract, skipped } = only(run({ uri: "x", records }));
    expect(contract.ocid).toBe("ocds-test-1");
    expect(skipped).toEqual([
      {
        code: "no-compiled-release",
        ocid: "ocds-test-2",
        releaseId: null,
        item: 'Record "ocds-test-2"',
        reason: "This record has no compiled release, so the contract's current state cannot be read.",
      },
    ]);
    expect(failure(run({ records: [] }))).toBe(
      "This record package contains no records, so there is nothing to import.",
    );
  });

  it("a byte-order mark before the JSON is ignored", () => {
    expect(parseOcds(`\uFEFF${JSON.stringify(release())}`).ok).toBe(true);
  });

  it("numeric release ids are read as text", () => {
    expect(only(run(release({ id: 42 }))).contract.releaseId).toBe("42");
  });
});

// ---------------------------------------------------------------------------------------------
// Buyer, title and reference
// ---------------------------------------------------------------------------------------------

describe("buyer", () => {
  it("a buyer given by id only takes its name from parties", () => {
    const { contract } = only(run(release({ buyer: { id: "GB-CFS-1" } })));
    expect(contract.buyer).toEqual({ name: "Northmoor County Council", id: "GB-CFS-1" });
  });

  it("with no buyer field, the party with role buyer", () => {
    const { contract, skipped } = only(run(release({ buyer: undefined })));
    expect(contract.buyer).toEqual({ name: "Northmoor County Council", id: "GB-CFS-1" });
    expect(codes(skipped)).not.toContain("buyer-from-procuring-entity");
  });

  it("with no buyer at all, the procuring entity, noted", () => {
    const parties = [
      { id: "GB-CCS", name: "Crown Commercial Service", roles: ["procuringEntity"] },
      { id: "GB-COH-1", name: "Acme Ltd", roles: ["supplier"] },
    ];
    const { contract, skipped } = only(run(release({ buyer: undefined, parties })));
    expect(contract.buyer).toEqual({ name: "Crown Commercial Service", id: "GB-CCS" });
    expect(skipped.find((item) => item.code === "buyer-from-procuring-entity")?.reason).toBe(
      "No buyer is named, so the procuring entity (the body that ran the procurement) is used as the buyer.",
    );
    const tender = {
      id: "T-1",
      title: "Day services",
      procuringEntity: { name: "Northmoor Procurement Hub" },
    };
    const viaTender = only(run(release({ buyer: undefined, parties: parties.slice(1), tender })));
    expect(viaTender.contract.buyer).toEqual({ name: "Northmoor Procurement Hub" });
  });
});

describe("title and reference", () => {
  it("title: tender.title, else a contract's title, else an award's; tidied", () => {
    expect(only(run(release({ tender: { id: "T", title: "  Day \n services " } }))).contract.title).toBe(
      "Day services",
    );
    const contracts = [
      { id: "1", title: "" },
      { id: "2", title: "Contract title" },
    ];
    expect(only(run(release({ tender: { id: "T" }, contracts }))).contract.title).toBe("Contract title");
    const awards = [award({ title: "Award title" })];
    expect(only(run(release({ tender: { id: "T" }, awards }))).contract.title).toBe("Award title");
  });

  it("no title anywhere: the reference stands in, noted", () => {
    const { contract, skipped } = only(run(release({ tender: { id: "T-9" } })));
    expect(contract.title).toBe("T-9");
    expect(skipped.find((item) => item.code === "title-missing")?.reason).toBe(
      'No title is published, so the reference "T-9" is used as the title. You can rename the contract.',
    );
  });

  it("reference: tender.id, else a contract id that is more than a position number, else the ocid", () => {
    expect(only(run(release())).contract.reference).toBe("T-1");
    const tender = { title: "Day services" };
    expect(only(run(release({ tender, contracts: [{ id: "NCC/2025/118" }] }))).contract.reference).toBe(
      "NCC/2025/118",
    );
    expect(only(run(release({ tender, contracts: [{ id: "1" }, { id: 2 }] }))).contract.reference).toBe(
      "ocds-test-1",
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Suppliers
// ---------------------------------------------------------------------------------------------

describe("suppliers", () => {
  it("scale and VCSE status come from parties[].details; quoted booleans are accepted", () => {
    const parties = [
      { ...BUYER, roles: ["buyer"] },
      { id: "S1", name: "One", details: { scale: "SME", vcse: "true" } },
      { id: "S2", name: "Two", details: { scale: " Large ", vcse: "FALSE" } },
      { id: "S3", name: "Three", details: { scale: "micro", vcse: "yes" } },
      { id: "S4", name: "Four", details: { scale: 3, vcse: 1 } },
      { id: "S5", name: "Five" },
    ];
    const suppliers = ["S1", "S2", "S3", "S4", "S5"].map((id) => ({ id }));
    const { contract } = only(run(release({ parties, awards: [award({ suppliers })] })));
    expect(contract.suppliers.map((s) => [s.name, s.scale, s.vcse])).toEqual([
      ["One", "sme", true],
      ["Two", "large", false],
      ["Three", "sme", null],
      ["Four", null, null],
      ["Five", null, null],
    ]);
  });

  it("readScale: every size below large is an SME; readVcse: booleans and their words only", () => {
    expect(
      ["sme", "micro", "small", "medium", "selfEmployed", "large", "big", "", null].map(readScale),
    ).toEqual(["sme", "sme", "sme", "sme", "sme", "large", null, null, null]);
    expect([true, false, "true", " False ", "yes", 1, 0, null, undefined].map(readVcse)).toEqual([
      true,
      false,
      true,
      false,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("the same supplier twice by id is merged, filling in what the first lacked", () => {
    const parties = [
      { ...BUYER, roles: ["buyer"] },
      { id: "S1", name: "Acme Ltd", details: { vcse: false } },
    ];
    const awards = [
      award({ id: "lot-1", suppliers: [{ id: "S1" }] }),
      // A different id with no party, but the same name: merged by name; the first id is kept.
      award({ id: "lot-2", suppliers: [{ id: "S1" }, { id: "CF-77", name: "ACME LIMITED" }] }),
    ];
    const { contract, skipped } = only(run(release({ parties, awards })));
    expect(contract.suppliers).toEqual([{ name: "Acme Ltd", id: "S1", scale: null, vcse: false }]);
    expect(skipped.filter((item) => item.code === "supplier-duplicate").map((item) => item.reason)).toEqual([
      'Listed more than once (the same id "S1"), so the entries were merged into one supplier, "Acme Ltd".',
      'Listed more than once (the same name as "Acme Ltd"), so the entries were merged into one supplier, "Acme Ltd".',
    ]);
  });

  it("the same supplier by normalised name or registered identifier is merged; the first's name is kept", () => {
    const parties = [
      { ...BUYER, roles: ["buyer"] },
      { id: "CF-1", name: "Brightpath & Co Limited", details: { scale: "sme" } },
      { id: "CF-2", name: "The Brightpath and Co. Ltd", details: { vcse: true } },
      { id: "CF-3", name: "Moorside CIC", identifier: { scheme: "GB-COH", id: "123" } },
      {
        id: "PPON-3",
        name: "Moorside Advice",
        identifier: { scheme: "GB-COH", id: "123" },
        details: { scale: "sme" },
      },
    ];
    const suppliers = ["CF-1", "CF-2", "CF-3", "PPON-3"].map((id) => ({ id }));
    const { contract } = only(run(release({ parties, awards: [award({ suppliers })] })));
    expect(contract.suppliers).toEqual([
      { name: "Brightpath & Co Limited", id: "CF-1", scale: "sme", vcse: true },
      { name: "Moorside CIC", id: "CF-3", scale: "sme", vcse: null, identifier: "GB-COH-123" },
    ]);
    expect(matchName("The Brightpath and Co. Ltd")).toBe(matchName("Brightpath & Co Limited"));
  });

  it("counts an award repeated in a record once, reads amounts written with commas, and names each supplier's lots", () => {
    const parties = [
      { id: "CF-1", name: "Harbour Services Ltd" },
      { id: "CF-2", name: "Fellside Trust" },
    ];
    const lots = [{ id: "1", title: "North" }, { id: "2" }];
    const awards = [
      award({
        id: "A1",
        suppliers: [{ id: "CF-1" }],
        value: { amount: "93,007.00", currency: "GBP" },
        relatedLots: ["1"],
      }),
      award({
        id: "A1",
        suppliers: [{ id: "CF-1" }],
        value: { amount: "93,007.00", currency: "GBP" },
        relatedLots: ["1"],
      }),
      award({
        id: "A2",
        suppliers: [{ id: "CF-1" }, { id: "CF-2" }],
        value: { amount: 7000, currency: "GBP" },
        relatedLots: ["2"],
      }),
    ];
    const { contract } = only(run(release({ parties, awards, tender: { lots } })));
    expect(contract.value).toEqual({ amount: 100007, currency: "GBP" });
    expect(contract.suppliers.map((s) => [s.name, s.lots])).toEqual([
      ["Harbour Services Ltd", ["North", "Lot 2"]],
      ["Fellside Trust", ["Lot 2"]],
    ]);
  });

  it("keeps two suppliers apart that share a name but have different registered numbers", () => {
    const parties = [
      { id: "CF-1", name: "Harbour Services Ltd", identifier: { scheme: "GB-COH", id: "01111111" } },
      { id: "CF-2", name: "Harbour Services Limited", identifier: { scheme: "GB-COH", id: "02222222" } },
      { id: "CF-3", name: "HARBOUR SERVICES" },
    ];
    const suppliers = ["CF-1", "CF-2", "CF-3"].map((id) => ({ id }));
    const { contract } = only(run(release({ parties, awards: [award({ suppliers })] })));
    // The third has no number: it is taken to be the first of that name.
    expect(contract.suppliers.map((s) => [s.name, s.identifier])).toEqual([
      ["Harbour Services Ltd", "GB-COH-01111111"],
      ["Harbour Services Limited", "GB-COH-02222222"],
    ]);
  });

  it("a supplier with no name is skipped; one whose party is missing is kept without scale or VCSE", () => {
    const suppliers = [
      { id: "GB-COH-404" },
      {},
      { id: "GB-COH-405", name: "Ghost Services Ltd" },
      { name: "  " },
    ];
    const { contract, skipped } = only(run(release({ awards: [award({ suppliers })] })));
    expect(contract.suppliers).toEqual([
      { name: "Ghost Services Ltd", id: "GB-COH-405", scale: null, vcse: null },
    ]);
    const supplierNotes = skipped.filter((item) => item.code !== "date-missing");
    expect(supplierNotes.map((item) => [item.code, item.item, item.reason])).toEqual([
      [
        "supplier-no-name",
        'Supplier "GB-COH-404"',
        'Listed on an award by id "GB-COH-404" with no name, and no party in the file gives one, so it was skipped.',
      ],
      ["supplier-no-name", "A supplier", "Listed on an award with no name, so it was skipped."],
      [
        "party-missing",
        'Supplier "Ghost Services Ltd"',
        'Listed on an award by id "GB-COH-405", but the file has no party with that id, so its size (SME or large) and VCSE status are unknown.',
      ],
      ["supplier-no-name", "A supplier", "Listed on an award with no name, so it was skipped."],
    ]);
  });

  it("a supplier reference without an id is matched to its party by name", () => {
    const { contract } = only(run(release({ awards: [award({ suppliers: [{ name: "ACME LIMITED" }] })] })));
    expect(contract.suppliers).toEqual([{ name: "Acme Ltd", id: "GB-COH-1", scale: "large", vcse: false }]);
  });

  it("suppliers of cancelled or unsuccessful awards are left out, noted", () => {
    const parties = [
      { ...BUYER, roles: ["buyer"] },
      { id: "S1", name: "Kept" },
      { id: "S2", name: "Dropped" },
    ];
    const awards = [
      award({ suppliers: [{ id: "S1" }] }),
      award({ id: "a2", status: "cancelled", suppliers: [{ id: "S2" }] }),
    ];
    const { contract, skipped } = only(run(release({ parties, awards })));
    expect(contract.suppliers.map((s) => s.name)).toEqual(["Kept"]);
    expect(skipped).toContainEqual({
      code: "award-inactive",
      ocid: "ocds-test-1",
      releaseId: "r1",
      item: 'Award "a2"',
      reason: 'This award is marked "cancelled", so its suppliers were not imported.',
    });
  });

  it("if no award lists suppliers, parties with role supplier are used; if none, the contract has none", () => {
    const { contract, skipped } = only(run(release({ awards: [award({ suppliers: [] })] })));
    expect(contract.suppliers.map((s) => s.name)).toEqual(["Acme Ltd"]);
    expect(codes(skipped)).toContain("suppliers-from-parties");

    const bare = only(
      run(release({ parties: [{ ...BUYER, roles: ["buyer"] }], awards: [award({ suppliers: [] })] })),
    );
    expect(bare.contract.suppliers).toEqual([]);
    expect(bare.skipped.find((item) => item.code === "no-suppliers")?.reason).toBe(
      "No named supplier is published, so the contract has no primes yet; add them by hand.",
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Value
// ---------------------------------------------------------------------------------------------

describe("service area", () => {
  const areaOf = (tender: Record<string, unknown>) =>
    only(parseOcds(JSON.stringify(release({ tender: { id: "T-1", title: "Day services", ...tender } }))))
      .contract.serviceArea;

  it("comes from the tender's CPV classification, else its items', ignoring other schemes", () => {
    expect(areaOf({ classification: { scheme: "CPV", id: "75231240" } })).toBe("justice");
    expect(
      areaOf({
        classification: { scheme: "UNSPSC", id: "85101500" },
        items: [{ id: "1", classification: { scheme: "CPV", id: "79611000" } }],
      }),
    ).toBe("employment");
    expect(
      areaOf({ items: [{ id: "1", additionalClassifications: [{ scheme: "cpv", id: "98341000" }] }] }),
    ).toBe("housing");
  });

  it("is not stated without a CPV code, and other for a code outside public services", () => {
    expect(areaOf({})).toBeNull();
    expect(areaOf({ classification: { scheme: "CPV", id: "45000000" } })).toBe("other");
  });
});

describe("valueBand", () => {
  it.each([
    [0, "Under £100k"],
    [99_999.99, "Under £100k"],
    [100_000, "£100k–£1m"],
    [999_999.99, "£100k–£1m"],
    [1_000_000, "£1m–£10m"],
    [9_999_999.99, "£1m–£10m"],
    [10_000_000, "£10m–£50m"],
    [49_999_999.99, "£10m–£50m"],
    [50_000_000, "£50m and over"],
    [2_000_000_000, "£50m and over"],
  ])("£%d is %s", (amount, band) => {
    expect(valueBand({ amount, currency: "GBP" })).toBe(band);
  });

  it("no value, a negative or non-finite one: Not published; another currency is named, not converted", () => {
    expect(valueBand(null)).toBe("Not published");
    expect(valueBand({ amount: -1, currency: "GBP" })).toBe("Not published");
    expect(valueBand({ amount: Number.NaN, currency: "GBP" })).toBe("Not published");
    expect(valueBand({ amount: 5_000_000, currency: "EUR" })).toBe("Not in pounds (EUR)");
  });
});

describe("value", () => {
  const valued = (amount: unknown, currency?: unknown) => ({ amount, currency });

  it("contracts' values are preferred to awards', and summed", () => {
    const contracts = [
      { id: "1", value: valued(60_000, "GBP") },
      { id: "2", value: valued(50_000, "GBP") },
      { id: "3", status: "cancelled", value: valued(9_000_000, "GBP") },
    ];
    const { contract, skipped } = only(run(release({ contracts })));
    expect(contract.value).toEqual({ amount: 110_000, currency: "GBP" });
    expect(contract.valueBand).toBe("£100k–£1m");
    expect(skipped.find((item) => item.code === "value-total")?.reason).toBe(
      "The value is the total of 2 contracts.",
    );
  });

  it("awards' values are summed to the penny when there are no contract values", () => {
    const awards = [award({ value: valued(0.1, "GBP") }), award({ id: "a2", value: valued("0.2", "gbp") })];
    expect(only(run(release({ awards }))).contract.value).toEqual({ amount: 0.3, currency: "GBP" });
  });

  it("with no award or contract value, the tender's estimate, noted", () => {
    const tender = { id: "T-1", title: "Day services", value: valued(12_000_000, "GBP") };
    const { contract, skipped } = only(run(release({ tender, awards: [award()] })));
    expect(contract).toMatchObject({
      value: { amount: 12_000_000, currency: "GBP" },
      valueBand: "£10m–£50m",
    });
    expect(skipped.find((item) => item.code === "value-from-tender")?.reason).toBe(
      "No awarded or contract value is published, so the tender's estimated value (£12,000,000) is used.",
    );
  });

  it("a value too large to hold to the penny is ignored, not turned into infinity", () => {
    const contracts = [{ id: "c1", awardID: "a1", value: valued(1.797693134862316e306, "GBP") }];
    const { contract, skipped } = only(run(release({ contracts })));
    expect(contract).toMatchObject({ value: null, valueBand: "Not published" });
    expect(skipped.find((item) => item.code === "value-invalid")?.reason).toBe(
      "The contracts' published value is too large to be real, so it was ignored.",
    );
  });

  it("no value anywhere: null and Not published", () => {
    const { contract } = only(run(release({ awards: [award()] })));
    expect(contract).toMatchObject({ value: null, valueBand: "Not published" });
  });

  it("another currency is kept and named, not converted, and noted", () => {
    const awards = [award({ value: valued(2_500_000, "EUR") })];
    const { contract, skipped } = only(run(release({ awards })));
    expect(contract).toMatchObject({
      value: { amount: 2_500_000, currency: "EUR" },
      valueBand: "Not in pounds (EUR)",
    });
    expect(skipped.find((item) => item.code === "value-not-gbp")?.reason).toBe(
      "The value is published in EUR (EUR 2,500,000). Only pounds are banded, so it is not converted.",
    );
  });

  it("several currencies: no total", () => {
    const awards = [award({ value: valued(100, "GBP") }), award({ id: "a2", value: valued(100, "EUR") })];
    const { contract, skipped } = only(run(release({ awards })));
    expect(contract).toMatchObject({ value: null, valueBand: "Several currencies" });
    expect(skipped.find((item) => item.code === "value-mixed-currency")?.reason).toBe(
      "The awards are valued in different currencies (£100, EUR 100), so no total or band is given.",
    );
  });

  it("no currency: taken as pounds, noted; negative or unreadable amounts are ignored", () => {
    const noCurrency = only(run(release({ awards: [award({ value: valued(150_000) })] })));
    expect(noCurrency.contract.value).toEqual({ amount: 150_000, currency: "GBP" });
    expect(codes(noCurrency.skipped)).toContain("currency-missing");

    const awards = [
      award({ value: valued(-5, "GBP") }),
      award({ id: "a2", value: valued("lots", "GBP") }),
      award({ id: "a3", value: valued("9".repeat(400), "GBP") }),
    ];
    const bad = only(run(release({ awards })));
    expect(bad.contract).toMatchObject({ value: null, valueBand: "Not published" });
    expect(codes(bad.skipped)).toContain("value-invalid");
  });
});

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

describe("dates", () => {
  it("missing dates are null, and a missing start is noted", () => {
    const { contract, skipped } = only(run(release({ awards: [award()] })));
    expect(contract).toMatchObject({ startDate: null, endDate: null });
    expect(skipped.find((item) => item.code === "date-missing")?.reason).toBe(
      "No contract start date is published; enter it before the contract is used.",
    );
  });

  it("a missing end alone is not noted", () => {
    const awards = [award({ contractPeriod: { startDate: "2025-07-01" } })];
    const { contract, skipped } = only(run(release({ awards })));
    expect(contract).toMatchObject({ startDate: "2025-07-01", endDate: null });
    expect(skipped).toEqual([]);
  });

  it("contracts' periods, then awards' contract periods, then the tender's, field by field", () => {
    const tender = {
      id: "T",
      title: "T",
      contractPeriod: { startDate: "2025-01-01", endDate: "2030-01-01" },
    };
    const awards = [award({ contractPeriod: { startDate: "2025-04-01", endDate: "2028-03-31" } })];
    const contracts = [{ id: "1", period: { startDate: "2025-05-01" } }];
    expect(only(run(release({ tender, awards, contracts }))).contract).toMatchObject({
      startDate: "2025-05-01",
      endDate: "2028-03-31",
    });
    expect(only(run(release({ tender, awards: [award()] }))).contract).toMatchObject({
      startDate: "2025-01-01",
      endDate: "2030-01-01",
    });
  });

  it("the publisher's local date is kept, not converted to UTC", () => {
    const awards = [
      award({
        contractPeriod: { startDate: "2025-04-01T00:00:00+01:00", endDate: "2026-03-31T23:59:59-05:00" },
      }),
    ];
    expect(only(run(release({ awards }))).contract).toMatchObject({
      startDate: "2025-04-01",
      endDate: "2026-03-31",
    });
  });

  it("unreadable dates are ignored, noted; an end before the start is noted", () => {
    const awards = [award({ contractPeriod: { startDate: "2025-02-30T00:00:00Z", endDate: "31/03/2026" } })];
    const { contract, skipped } = only(run(release({ awards })));
    expect(contract).toMatchObject({ startDate: null, endDate: null });
    expect(skipped.filter((item) => item.code === "date-invalid").map((item) => item.reason)).toEqual([
      '"2025-02-30T00:00:00Z" is not a date Chainwise can read, so it was ignored.',
      '"31/03/2026" is not a date Chainwise can read, so it was ignored.',
    ]);

    const reversed = [award({ contractPeriod: { startDate: "2026-01-01", endDate: "2025-01-01" } })];
    expect(codes(only(run(release({ awards: reversed }))).skipped)).toContain("dates-reversed");
  });

  it("isoDate checks the calendar", () => {
    expect(
      ["2024-02-29", "2025-02-29", "2025-13-01", "2025-12-31T23:59:59Z", "20250101", " 2025-01-01 "].map(
        isoDate,
      ),
    ).toEqual(["2024-02-29", null, null, "2025-12-31", null, "2025-01-01"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Never throws, always one of the two shapes
// ---------------------------------------------------------------------------------------------

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const resultSchema = z.union([
  z.strictObject({ ok: z.literal(false), error: z.string().min(20) }),
  z.strictObject({
    ok: z.literal(true),
    contracts: z
      .array(
        z.strictObject({
          ocid: z.string().min(1),
          releaseId: z.string().min(1),
          releaseDate: z.iso.datetime().nullable(),
          title: z.string().min(1),
          reference: z.string().min(1),
          buyer: z.strictObject({ name: z.string().min(1), id: z.string().min(1).optional() }),
          value: z
            .strictObject({ amount: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/) })
            .nullable(),
          valueBand: z.string().min(1),
          serviceArea: z.string().nullable(),
          startDate: day.nullable(),
          endDate: day.nullable(),
          suppliers: z.array(
            z.strictObject({
              name: z.string().min(1),
              id: z.string().min(1).optional(),
              scale: z.enum(["sme", "large"]).nullable(),
              vcse: z.boolean().nullable(),
              identifier: z.string().min(1).optional(),
              lots: z.array(z.string().min(1)).min(1).optional(),
            }),
          ),
        }),
      )
      .min(1),
    skipped: z.array(
      z.strictObject({
        code: z.string().min(1),
        ocid: z.string().nullable(),
        releaseId: z.string().nullable(),
        item: z.string().min(1),
        reason: z.string().min(1),
      }),
    ),
  }),
]);

/** Parses, and checks the result is one of the two shapes and holds the rules' invariants. */
function check(text: string, options?: { maxBytes?: number }): OcdsParseResult {
  let result: OcdsParseResult | undefined;
  expect(() => {
    result = parseOcds(text, options);
  }).not.toThrow();
  if (!result) throw new Error("no result");
  expect(resultSchema.safeParse(result).error).toBeUndefined();
  if (!result.ok) {
    expect(result.error).not.toBe(UNEXPECTED_ERROR_MESSAGE);
    return result;
  }
  const ocids = result.contracts.map((contract) => contract.ocid);
  expect(new Set(ocids).size).toBe(ocids.length);
  for (const contract of result.contracts) {
    if (contract.value) expect(contract.valueBand).toBe(valueBand(contract.value));
    else expect(["Not published", "Several currencies"]).toContain(contract.valueBand);
    // Suppliers share a name only when their registered numbers say they are different firms.
    const byName = new Map<string, ImportedSupplier[]>();
    for (const supplier of contract.suppliers) {
      const name = matchName(supplier.name);
      byName.set(name, [...(byName.get(name) ?? []), supplier]);
    }
    for (const same of byName.values()) {
      if (same.length === 1) continue;
      const numbers = same.map((supplier) => supplier.identifier);
      expect(numbers.every(Boolean) && new Set(numbers).size === numbers.length).toBe(true);
    }
    const ids = contract.suppliers.flatMap((supplier) => (supplier.id ? [supplier.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  }
  return result;
}

/** Something plausible for a field, or junk, so random releases reach every branch. */
const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.constant([]),
  fc.constant({}),
);
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: junk });
const text = fc.oneof(
  fc.constantFrom("Acme Ltd", "ACME LIMITED", "Brightpath", " ", ""),
  fc.string({ maxLength: 6 }),
);
const idArb = fc.oneof(fc.constantFrom("S1", "S2", "S3", "GB-COH-1"), fc.integer({ min: 0, max: 3 }));
const date = fc.oneof(
  fc.constantFrom(
    "2025-04-01T00:00:00+01:00",
    "2026-03-31",
    "2025-02-30",
    "not a date",
    "2025-06-01T10:00:00Z",
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
const value = fc.record(
  {
    amount: maybe(
      fc.oneof(fc.double({ min: -10, max: 1e9, noNaN: true }), fc.constantFrom(100_000, "2500.50")),
    ),
    currency: maybe(fc.constantFrom("GBP", "gbp", "EUR", "", "POUNDS")),
  },
  { requiredKeys: [] },
);
const period = fc.record({ startDate: maybe(date), endDate: maybe(date) }, { requiredKeys: [] });
const reference = fc.record({ id: maybe(idArb), name: maybe(text) }, { requiredKeys: [] });
const party = fc.record(
  {
    id: maybe(idArb),
    name: maybe(text),
    roles: maybe(
      fc.array(fc.constantFrom("buyer", "supplier", "procuringEntity", "tenderer", "Buyer"), {
        maxLength: 3,
      }),
    ),
    identifier: maybe(
      fc.record(
        { scheme: maybe(fc.constantFrom("GB-COH", "GB-CHC")), id: maybe(idArb) },
        { requiredKeys: [] },
      ),
    ),
    details: maybe(
      fc.record(
        {
          scale: maybe(fc.constantFrom("sme", "large", "micro", "LARGE", "huge")),
          vcse: maybe(fc.constantFrom(true, false, "true", "False", "maybe")),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);
const releaseArb = fc.record(
  {
    ocid: maybe(fc.constantFrom("ocds-a", "ocds-b", "ocds-c")),
    id: maybe(idArb),
    date: maybe(date),
    tag: maybe(
      fc.array(fc.constantFrom("planning", "tender", "award", "contract", "tenderCancellation", "compiled")),
    ),
    buyer: maybe(reference),
    parties: maybe(fc.array(maybe(party), { maxLength: 5 })),
    tender: maybe(
      fc.record(
        {
          id: maybe(idArb),
          title: maybe(text),
          status: maybe(fc.constantFrom("active", "complete", "cancelled")),
          value: maybe(value),
          contractPeriod: maybe(period),
          procuringEntity: maybe(reference),
        },
        { requiredKeys: [] },
      ),
    ),
    awards: maybe(
      fc.array(
        maybe(
          fc.record(
            {
              id: maybe(idArb),
              title: maybe(text),
              status: maybe(fc.constantFrom("active", "pending", "cancelled", "unsuccessful")),
              value: maybe(value),
              suppliers: maybe(fc.array(maybe(reference), { maxLength: 4 })),
              contractPeriod: maybe(period),
            },
            { requiredKeys: [] },
          ),
        ),
        { maxLength: 3 },
      ),
    ),
    contracts: maybe(
      fc.array(
        maybe(
          fc.record(
            {
              id: maybe(idArb),
              title: maybe(text),
              status: maybe(fc.constantFrom("active", "cancelled", "terminated")),
              value: maybe(value),
              period: maybe(period),
            },
            { requiredKeys: [] },
          ),
        ),
        { maxLength: 2 },
      ),
    ),
  },
  { requiredKeys: [] },
);
const documentArb = fc.oneof(
  releaseArb,
  fc.record({ uri: fc.constant("x"), releases: fc.array(maybe(releaseArb), { maxLength: 4 }) }),
  fc.record({
    records: fc.array(fc.record({ ocid: maybe(fc.string()), compiledRelease: maybe(releaseArb) }), {
      maxLength: 3,
    }),
  }),
);

describe("parseOcds never throws and always returns one of the two shapes", () => {
  it("for any string", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (input) => void check(input)));
  });

  it("for any JSON value", () => {
    fc.assert(fc.property(fc.jsonValue(), (input) => void check(JSON.stringify(input))));
  });

  it("for release-shaped documents with any mix of good and bad fields", () => {
    fc.assert(
      fc.property(documentArb, (input) => void check(JSON.stringify(input))),
      { numRuns: 500 },
    );
  });

  it("for the Contracts Finder fixture with characters cut or inserted anywhere", () => {
    const original = fixture("contracts-finder-award.json");
    fc.assert(
      fc.property(
        fc.nat({ max: original.length }),
        fc.nat({ max: 20 }),
        fc.string({ maxLength: 3 }),
        (at, cut, insert) => void check(original.slice(0, at) + insert + original.slice(at + cut)),
      ),
    );
  });

  it("for huge and deeply nested input", () => {
    expect(check("x".repeat(DEFAULT_MAX_BYTES + 10)).ok).toBe(false);
    expect(check(`"${"x".repeat(20_000_000)}"`, { maxBytes: 30_000_000 }).ok).toBe(false);
    const deep = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
    expect(check(deep(100_000)).ok).toBe(false);
    expect(check(`{"releases": [${deep(50_000)}]}`).ok).toBe(false);
    const nestedInRelease = JSON.stringify(release()).replace(/}$/, `, "planning": ${deep(50_000)}}`);
    expect(check(nestedInRelease).ok).toBe(true);
    expect(check(`${"[".repeat(100_000)}`).ok).toBe(false);
    // A large but valid package: 2,000 releases of one contract, near the size limit.
    const releases = Array.from({ length: 2_000 }, (_, i) =>
      release({
        id: `r${i}`,
        date: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
        title: "x".repeat(1_500),
      }),
    );
    const big = check(JSON.stringify({ releases }));
    expect(imported(big).contracts[0]?.releaseId).toBe("r1999");
    const longName = "Acme ".repeat(200_000);
    const parties = [
      { ...BUYER, roles: ["buyer"] },
      { id: "GB-COH-1", name: longName },
    ];
    expect(only(check(JSON.stringify(release({ parties })))).contract.suppliers[0]?.name).toBe(
      longName.trim(),
    );
  });
});
