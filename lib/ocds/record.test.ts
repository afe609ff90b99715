import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseOcds } from "./parse";

/**
 * A single OCDS record on its own (issue 14, deliverable 5): an ocid, links to the releases it
 * compiles (not releases to read), and its compiled release, which is what is imported.
 */

const pkg = JSON.parse(
  readFileSync(new URL("./fixtures/contracts-finder-award.json", import.meta.url), "utf8"),
);
const award = pkg.releases[1];
const record = (n: number) => ({
  ocid: `${award.ocid}-${n}`,
  releases: [
    { url: "https://example.org/release/1", date: "2025-01-01T00:00:00Z", tag: ["tender"] },
    { url: "https://example.org/release/2", date: award.date, tag: ["award"] },
  ],
  compiledRelease: { ...award, ocid: `${award.ocid}-${n}`, id: `${award.id}-${n}` },
});

describe("a single record", () => {
  it("imports its compiled release, and reads its release links as nothing to import", () => {
    const result = parseOcds(JSON.stringify(record(1), null, 2));
    if (!result.ok) throw new Error(result.error);
    expect(result.contracts.map((c) => [c.ocid, c.releaseId])).toEqual([
      [`${award.ocid}-1`, `${award.id}-1`],
    ]);
    expect(result.skipped.filter((s) => s.code === "missing-ocid")).toEqual([]);
  });

  it("is read on a line of its own in JSON Lines, beside a release", () => {
    const text = [JSON.stringify(record(2)), JSON.stringify({ ...award, ocid: `${award.ocid}-3` })].join(
      "\n",
    );
    const result = parseOcds(text);
    if (!result.ok) throw new Error(result.error);
    expect(result.contracts.map((c) => c.ocid)).toEqual([`${award.ocid}-2`, `${award.ocid}-3`]);
    expect(result.skipped.filter((s) => s.code === "missing-ocid")).toEqual([]);
  });
});
