import { describe, expect, it } from "vitest";
import { contracts, demoCycles, financialYear, involvementAnswer, namedDeliveringPercent } from "./demo-data";

describe("demo cycles", () => {
  it("names cycles by financial year, April to March", () => {
    expect(financialYear(new Date("2026-03-31T23:00:00Z"))).toBe("2025–26");
    expect(financialYear(new Date("2026-04-01T00:00:00Z"))).toBe("2026–27");
    expect(financialYear(new Date("2099-12-01T00:00:00Z"))).toBe("2099–00");
  });

  it("always has a closed cycle and an open one around today, never sharing a name", () => {
    for (let day = 0; day < 2 * 366; day += 7) {
      const today = new Date(Date.UTC(2027, 0, 1) + day * 86_400_000);
      const [previous, current] = demoCycles(today);
      if (!previous || !current) throw new Error("two cycles");
      expect(previous.closesAt.getTime()).toBeLessThan(today.getTime());
      expect(current.opensAt.getTime()).toBeLessThan(today.getTime());
      expect(current.closesAt.getTime()).toBeGreaterThan(today.getTime());
      expect(previous.name).not.toBe(current.name);
    }
    expect(demoCycles(new Date("2026-12-02T15:00:00Z")).map((c) => c.name)).toEqual(["2025–26", "2026–27"]);
  });
});

describe("the demo roster and what it makes partners say", () => {
  it("has partners named in a bid and given no work, and partners delivering, so the report shows both", () => {
    const chain = contracts.flatMap((c) => c.lots.flatMap((l) => l.chain));
    expect(chain.some((e) => e.status === "NAMED_IN_BID")).toBe(true);
    expect(chain.some((e) => e.status === "DELIVERING")).toBe(true);
  });

  it("makes each partner's involvement follow its place on the roster", () => {
    expect(involvementAnswer({ partner: "a", status: "NAMED_IN_BID", namedInBid: true })).toBe(
      "named-no-contract",
    );
    expect(involvementAnswer({ partner: "a", status: "CONTRACTED", namedInBid: true })).toBe(
      "contracted-no-work",
    );
    expect(involvementAnswer({ partner: "a", status: "DELIVERING", namedInBid: true })).toBe(
      "named-delivering",
    );
    expect(involvementAnswer({ partner: "a", status: "DELIVERING", namedInBid: false })).toBe(
      "not-named-delivering",
    );
  });

  it("works each prime's claim from its roster, leaving out partners who left", () => {
    expect(
      namedDeliveringPercent([
        { partner: "a", status: "DELIVERING", namedInBid: true },
        { partner: "b", status: "NAMED_IN_BID", namedInBid: true },
        { partner: "c", status: "EXITED", namedInBid: true },
        { partner: "d", status: "DELIVERING", namedInBid: false },
      ]),
    ).toBe(50);
  });
});
