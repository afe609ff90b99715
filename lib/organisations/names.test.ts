import { describe, expect, it } from "vitest";
import { matchName } from "./names";

describe("matchName", () => {
  it("gives one form to the ways real notices wrote the same supplier", () => {
    // Pairs from one Contracts Finder framework notice that had been imported as two primes each.
    expect(matchName("Mullen Property Services")).toBe(matchName("Mullen Property Services Ltd"));
    expect(matchName("A&E Elkins T/A")).toBe(matchName("A&E Elkins TA"));
    expect(matchName("The Growth Company Limited")).toBe(matchName("GROWTH COMPANY LTD"));
    expect(matchName("Café Partners CIC")).toBe(matchName("Cafe Partners"));
    expect(matchName("St Mungo's")).toBe(matchName("St Mungos"));
  });

  it("keeps apart names that differ in more than their legal form", () => {
    expect(matchName("Serco UK Ltd")).not.toBe(matchName("Serco Ltd"));
    expect(matchName("Mullen & Co")).not.toBe(matchName("Mullen"));
    expect(matchName("Reed in Partnership")).not.toBe(matchName("Reed Partnership"));
  });

  it("reads & as and, trading as in any spelling, and keeps a name that is only a legal form", () => {
    expect(matchName("Smith & Jones")).toBe("smith and jones");
    expect(matchName("J Smith trading as Smith's Cleaning")).toBe("j smith ta smiths cleaning");
    expect(matchName("J Smith t/as Smiths Cleaning")).toBe("j smith ta smiths cleaning");
    expect(matchName("Limited")).toBe("limited");
  });
});
