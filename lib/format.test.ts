import { describe, expect, it } from "vitest";
import { formatDate, formatMoney } from "./format";

describe("formatMoney", () => {
  it("writes pounds with their sign and other currencies by code, pence only when there are some", () => {
    expect(formatMoney(93007, "GBP")).toBe("£93,007");
    expect(formatMoney(1250.5, "GBP")).toBe("£1,250.50");
    expect(formatMoney(40000, "EUR")).toBe("EUR 40,000");
  });
});

describe("formatDate", () => {
  it("writes the GOV.UK date style in UTC", () => {
    expect(formatDate(new Date("2025-04-01T00:30:00+01:00"))).toBe("31 March 2025");
  });
});
