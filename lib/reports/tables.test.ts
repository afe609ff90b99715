import { describe, expect, it } from "vitest";
import { toCsv } from "./tables";

describe("toCsv", () => {
  it("writes a header and rows with CRLF, quoting what needs quoting, numbers as numbers", () => {
    const csv = toCsv({
      title: "t",
      header: ["Prime", "Mean"],
      rows: [
        ['Anvil, "North"', 66.7],
        ["Beacon", null],
      ],
    });
    expect(csv).toBe('Prime,Mean\r\n"Anvil, ""North""",66.7\r\nBeacon,\r\n');
  });

  it("stops a name from running as a spreadsheet formula, but leaves negative numbers alone", () => {
    const csv = toCsv({
      title: "t",
      header: ["Prime", "Gap"],
      rows: [
        ['=HYPERLINK("x")', -12.5],
        ["@SUM(A1)", 3],
      ],
    });
    expect(csv.split("\r\n").slice(1, 3)).toEqual(['"\'=HYPERLINK(""x"")",-12.5', "'@SUM(A1),3"]);
  });
});
