import { describe, expect, it } from "vitest";
import { contractSchema, partnerSchema } from "./forms";

const partner = {
  primeId: "prime-1",
  name: "Harbour Food Bank",
  sizeBand: "SMALL",
  sector: "VCSE",
  namedInBid: "yes",
  status: "DELIVERING",
  register: "",
  registeredNumber: "",
};

const messages = (input: Record<string, string>) =>
  partnerSchema.safeParse(input).error?.issues.map((i) => [i.path[0], i.message]) ?? [];

describe("partnerSchema", () => {
  it("takes a partner with no number, and one with a number written as the register writes it", () => {
    expect(partnerSchema.parse(partner).identifiers).toEqual([]);
    expect(partnerSchema.parse({ ...partner, register: "none" }).identifiers).toEqual([]);
    expect(
      partnerSchema.parse({ ...partner, register: "GB-SC", registeredNumber: " 012345 " }).identifiers,
    ).toEqual([{ scheme: "GB-SC", id: "SC012345" }]);
  });

  it("asks which register a number is from, and refuses a number its register does not use", () => {
    expect(messages({ ...partner, registeredNumber: "1098765" })).toEqual([
      ["register", "Choose the register the number is from"],
    ]);
    expect(messages({ ...partner, register: "GB-CHC", registeredNumber: "SC012345" })).toEqual([
      [
        "registeredNumber",
        '"SC012345" is not a Charity Commission for England and Wales number: it looks like 1098765.',
      ],
    ]);
    expect(messages({ ...partner, register: "GB-XYZ", registeredNumber: "1" })).toEqual([
      ["register", "Choose a register from the list"],
    ]);
  });
});

const contract = {
  title: "Wessex Employment Support",
  reference: "WBC-2026-001",
  valueBand: "£1m–£10m",
  serviceArea: "employment",
  startDate: "2026-04-01",
  endDate: "",
  ocid: "",
  prime1: "Anvil Services Ltd",
  company1: "",
  lot1: "East",
  prime2: "",
  company2: "",
  lot2: "",
};

const contractMessages = (input: Record<string, string>) =>
  contractSchema.safeParse(input).error?.issues.map((i) => [i.path[0], i.message]) ?? [];

describe("contractSchema's primes", () => {
  it("takes a prime's Companies House number, restoring its leading zero, and none when left empty", () => {
    expect(contractSchema.parse(contract).primes).toEqual([
      { name: "Anvil Services Ltd", lot: "East", identifiers: [] },
    ]);
    const withNumbers = contractSchema.parse({
      ...contract,
      company1: "1616977",
      prime2: "Beacon Outcomes plc",
      company2: "SC123456",
    });
    expect(withNumbers.primes.map((p) => p.identifiers)).toEqual([
      [{ scheme: "GB-COH", id: "01616977" }],
      [{ scheme: "GB-COH", id: "SC123456" }],
    ]);
  });

  it("refuses a number Companies House does not use, beside its field, and a number with no prime", () => {
    expect(contractMessages({ ...contract, company1: "not a number" }).map(([field]) => field)).toEqual([
      "company1",
    ]);
    expect(contractMessages({ ...contract, company2: "01616977" })).toEqual([
      ["prime2", "Enter the second prime's name, or clear its number"],
    ]);
  });
});
