import { describe, expect, it } from "vitest";
import { monthsBefore } from "./retention";

describe("monthsBefore", () => {
  it.each([
    ["2026-11-22T12:00:00.000Z", 12, "2025-11-22T12:00:00.000Z"],
    ["2026-11-22T12:00:00.000Z", 1, "2026-10-22T12:00:00.000Z"],
    ["2027-03-31T08:30:00.000Z", 1, "2027-02-28T08:30:00.000Z"],
    ["2028-02-29T00:00:00.000Z", 12, "2027-02-28T00:00:00.000Z"],
    ["2027-01-15T23:59:59.999Z", 3, "2026-10-15T23:59:59.999Z"],
    ["2026-05-31T00:00:00.000Z", 120, "2016-05-31T00:00:00.000Z"],
  ])("%s minus %i months is %s", (now, months, expected) => {
    expect(monthsBefore(new Date(now), months).toISOString()).toBe(expected);
  });
});
