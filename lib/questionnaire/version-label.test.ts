import { describe, expect, it } from "vitest";
import { versionLabel } from "./version-label";

describe("versionLabel", () => {
  const released = { releasedOn: new Date("2027-02-15T00:00:00Z"), reportedId: "v1" };
  it("names the locked version by its release and a later one as changed after release, with dates", () => {
    const v1 = { id: "v1", version: 1, submittedAt: new Date("2026-12-01T12:00:00Z"), afterRelease: false };
    const v2 = { id: "v2", version: 2, submittedAt: new Date("2027-03-02T09:00:00Z"), afterRelease: true };
    expect(versionLabel(v1, released)).toBe(
      "Version 1, as it was when partners' figures were released on 15 February 2027",
    );
    expect(versionLabel(v2, released)).toBe("Version 2, changed on 2 March 2027 after release");
    expect(versionLabel({ ...v2, submittedAt: null }, released)).toBe(
      "Version 2, a change after release, not yet submitted",
    );
    expect(versionLabel(v1, { releasedOn: null, reportedId: "v1" })).toBe(
      "Version 1, submitted on 1 December 2026",
    );
  });
});
