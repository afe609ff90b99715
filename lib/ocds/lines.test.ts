import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LineSplitter, ShapeProbe } from "./lines";
import { type OcdsParseResult, parseOcds } from "./parse";

/** JSON Lines (issue 14, deliverable 5): one release or package per line; refusals name the line. */

const bytes = (text: string) => Buffer.from(text, "utf8");
const pkg = JSON.parse(
  readFileSync(new URL("./fixtures/contracts-finder-award.json", import.meta.url), "utf8"),
);
const release = pkg.releases[1];
/** The fixture's release as another contracting process. */
const releaseNumbered = (n: number) => ({
  ...release,
  ocid: `${release.ocid}-${n}`,
  id: `${release.id}-${n}`,
});
const oneLine = (value: unknown) => JSON.stringify(value);

function contractsOf(result: OcdsParseResult) {
  if (!result.ok) throw new Error(result.error);
  return result;
}

/** Whether a whole file is JSON Lines, written to the probe in pieces of 3 bytes. */
function isJsonLines(utf8: Uint8Array): boolean {
  const probe = new ShapeProbe();
  for (let at = 0; at < utf8.length && !probe.decided; at += 3) probe.write(utf8.subarray(at, at + 3));
  probe.end();
  return probe.jsonLines;
}

describe("telling JSON Lines from one JSON document", () => {
  it("is JSON Lines when a whole object on its first line is followed by another line", () => {
    expect(isJsonLines(bytes('{"ocid":"a"}\n{"ocid":"b"}\n'))).toBe(true);
    expect(isJsonLines(bytes('\r\n  {"ocid":"a"}  \r\n\r\n{"ocid":"b"}'))).toBe(true);
  });

  it("is one document when pretty-printed, on one line, or a single value with blank lines after it", () => {
    expect(isJsonLines(bytes('{\n  "ocid": "a"\n}\n'))).toBe(false);
    expect(isJsonLines(bytes('{"releases":[{"ocid":"a"}]}'))).toBe(false);
    expect(isJsonLines(bytes('{"ocid":"a"}\n\n   \n'))).toBe(false);
    expect(isJsonLines(bytes('[{"ocid":"a"}]\n[{"ocid":"b"}]'))).toBe(false);
  });

  it("numbers lines as the file does, blank ones counted, however the bytes are split", () => {
    const text = bytes("a\r\n\nbc\r\nd\re");
    for (let cut = 0; cut <= text.length; cut++) {
      const found: [number, string][] = [];
      let current = "";
      const splitter = new LineSplitter({
        part: (part) => {
          current += Buffer.from(part).toString();
        },
        end: (number) => {
          found.push([number, current]);
          current = "";
        },
      });
      splitter.write(text.subarray(0, cut));
      splitter.write(text.subarray(cut));
      splitter.end();
      expect(found).toEqual([
        [1, "a"],
        [2, ""],
        [3, "bc"],
        [4, "d\re"],
      ]);
    }
  });
});

describe("reading a JSON Lines file", () => {
  it("takes each line's release, release package or record package", () => {
    const text = [
      oneLine(releaseNumbered(1)),
      oneLine({ ...pkg, releases: [releaseNumbered(2), releaseNumbered(3)] }),
      "",
      oneLine({ records: [{ ocid: releaseNumbered(4).ocid, compiledRelease: releaseNumbered(4) }] }),
    ].join("\n");
    const { contracts } = contractsOf(parseOcds(text));
    expect(contracts.map((c) => c.ocid)).toEqual([1, 2, 3, 4].map((n) => `${release.ocid}-${n}`));
  });

  it("keeps the latest release of one contract across lines", () => {
    const older = { ...releaseNumbered(1), id: "older", date: "2025-01-01T00:00:00Z" };
    const newer = {
      ...releaseNumbered(1),
      id: "newer",
      date: "2025-06-01T00:00:00Z",
      tender: { ...release.tender, title: "Renamed" },
    };
    const { contracts, skipped } = contractsOf(parseOcds([oneLine(newer), oneLine(older)].join("\n")));
    expect(contracts.map((c) => c.releaseId)).toEqual(["newer"]);
    expect(skipped.find((s) => s.code === "older-release")?.item).toBe('Release "older" on line 2');
  });

  it("refuses the file at a line that is not JSON, naming the line and column", () => {
    const text = [oneLine(releaseNumbered(1)), oneLine(releaseNumbered(2)), '{"ocid": "x", oops}'].join("\n");
    const result = parseOcds(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.error).toMatch(
      /^Line 3 of this file is not valid JSON: there is a problem at column 15\./,
    );
    const cut = parseOcds([oneLine(releaseNumbered(1)), oneLine(releaseNumbered(2)).slice(0, 40)].join("\n"));
    expect(cut.ok ? "" : cut.error).toMatch(
      /^Line 2 of this file is not valid JSON: it ends too soon, at column 41\./,
    );
  });

  it("skips a line that is JSON but not OCDS, and names where a release without an id is", () => {
    const noId = { ...releaseNumbered(3) };
    delete noId.id;
    noId.buyer = undefined;
    noId.parties = noId.parties.filter((p: { roles?: string[] }) => !p.roles?.includes("buyer"));
    const good = contractsOf(parseOcds([oneLine(releaseNumbered(1)), '{"hello": "world"}'].join("\n")));
    expect(good.skipped.map((s) => [s.item, s.reason])).toContainEqual([
      "Line 2",
      "This line is not a release, a release package or a record package, so it was skipped.",
    ]);
    const bad = parseOcds([oneLine(releaseNumbered(1)), oneLine(noId)].join("\n"));
    expect(bad.ok ? "" : bad.error).toContain("Release on line 2");
  });
});
