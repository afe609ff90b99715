import { describe, expect, it } from "vitest";
import { partnerSchema } from "./forms";

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
