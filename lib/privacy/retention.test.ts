import { describe, expect, it } from "vitest";
import { describePurge, monthsBefore } from "./retention";

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

describe("describePurge", () => {
  it("says what was removed, in plain words", () => {
    expect(
      describePurge({
        draftCutoff: new Date("2025-11-22T12:00:00Z"),
        drafts: [
          { reference: "CW-AB12-CD34", organisation: "Harbour Food Bank" },
          { reference: "CW-EF56-GH78", organisation: "Quayside Mentors" },
        ],
        evidenceFiles: 2,
        invitations: 1,
        sessions: 3,
        resetTokens: 0,
        rateCounters: 1,
        joinRequests: 2,
        accountRequests: 1,
      }),
    ).toEqual([
      "2 drafts nobody had touched since 22 November 2025: CW-AB12-CD34 (Harbour Food Bank), CW-EF56-GH78 (Quayside Mentors)",
      "2 evidence files of those drafts",
      "1 expired invitation that was never accepted",
      "3 expired sessions",
      "0 expired password-reset tokens",
      "1 old sign-in rate counter",
      "2 decided requests to join an organisation",
      "1 decided account request",
    ]);
  });
});
