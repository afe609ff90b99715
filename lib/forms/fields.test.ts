import { describe, expect, it } from "vitest";
import { date, optionalDate } from "./fields";

describe("date fields", () => {
  it("reads a real date as midnight UTC", () => {
    expect(date("the due date").parse("2027-03-31")).toEqual(new Date("2027-03-31T00:00:00Z"));
  });

  it("refuses dates that do not exist, with the field's own message", () => {
    for (const bad of ["2027-02-31", "2027-13-01", "31/03/2027", "2027-3-1"]) {
      const result = date("the due date").safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("Enter the due date as a real date, like 2026-04-01");
    }
  });

  it("treats an empty optional date as none", () => {
    expect(optionalDate("the end date").parse("")).toBeNull();
  });
});
