import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeUpload } from "./decode";
import { parseOcds, parseOcdsBytes } from "./parse";
import { type Pieces, readOcdsUpload } from "./read-upload";

/** A stored upload read back in pieces of `size` bytes, counting how often it is read. */
function stored(
  bytes: Uint8Array,
  size: number,
): { pieces: Pieces; reads: () => number; largest: () => number } {
  let reads = 0;
  let largest = 0;
  const pieces: Pieces = async function* () {
    reads++;
    for (let at = 0; at < bytes.length; at += size) {
      const piece = bytes.subarray(at, at + size);
      largest = Math.max(largest, piece.length);
      yield piece;
    }
  };
  return { pieces, reads: () => reads, largest: () => largest };
}

const fixture = readFileSync(new URL("./fixtures/contracts-finder-award.json", import.meta.url));
const pkg = JSON.parse(fixture.toString("utf8"));

describe("reading a stored upload a piece at a time", () => {
  it("gives the same contracts as reading the file whole, whatever the size of the pieces", async () => {
    const whole = parseOcdsBytes(fixture);
    expect(whole.ok).toBe(true);
    for (const size of [1, 7, 100, 4096]) {
      const { result, note } = await readOcdsUpload(stored(fixture, size).pieces);
      expect(result).toEqual(whole);
      expect(note).toBeNull();
    }
  });

  it("reads a UTF-8 file once, and a JSON Lines file again from its start once its second line shows it", async () => {
    const document = stored(fixture, 64);
    await readOcdsUpload(document.pieces);
    expect(document.reads()).toBe(1);
    const release = pkg.releases[1];
    const text = [1, 2, 3]
      .map((n) => JSON.stringify({ ...release, ocid: `${release.ocid}-${n}` }))
      .join("\r\n");
    const lines = stored(Buffer.from(text), 64);
    const { result } = await readOcdsUpload(lines.pieces);
    expect(result).toEqual(parseOcds(text));
    expect(result.ok && result.contracts.map((c) => c.ocid)).toEqual(
      [1, 2, 3].map((n) => `${release.ocid}-${n}`),
    );
    expect(lines.reads()).toBe(2);
  });

  it("reads a file again as Windows-1252 when a byte that is not UTF-8 comes after a JSON error", async () => {
    // Past the first 512 bytes, so it is read as UTF-8 at first. "Ã©" in UTF-8 is two characters,
    // so the error is at column 12; read as Windows-1252, four.
    const bytes = Uint8Array.from([
      ...Buffer.from(`${" ".repeat(600)}{\n"a": "Ã©", oops} `),
      ...iconv.encode('"é"', "windows-1252"),
    ]);
    const upload = stored(bytes, 4);
    const { result, note } = await readOcdsUpload(upload.pieces);
    expect(result).toEqual(parseOcdsBytes(decodeUpload(bytes).utf8));
    expect(result.ok ? "" : result.error).toMatch(/line 2, column 14/);
    expect(note).toMatch(/read as Windows-1252/);
    expect(upload.reads()).toBe(2);
  });

  it("names the line and column of a JSON error in a late piece as reading it whole does", async () => {
    const text = `${JSON.stringify(pkg, null, 2)}\n`.replace(/}\n$/, "],\n}\n");
    const whole = parseOcds(text);
    expect(whole.ok ? "" : whole.error).toMatch(/line \d+, column \d+/);
    for (const size of [3, 50, 1000]) {
      expect((await readOcdsUpload(stored(Buffer.from(text), size).pieces)).result).toEqual(whole);
    }
  });

  it("reads a Windows-1252 file a piece at a time, with its curly quotes, and says it guessed", async () => {
    const release = structuredClone(pkg.releases[1]);
    release.parties.push({ id: "late", name: "Café “Ellis” Services", roles: ["supplier"] });
    release.awards[0].suppliers.push({ id: "late", name: "Café “Ellis” Services" });
    const bytes = Uint8Array.from(
      iconv.encode(JSON.stringify({ ...pkg, releases: [release] }), "windows-1252"),
    );
    const { result, note } = await readOcdsUpload(stored(bytes, 256).pieces);
    expect(note).toMatch(/read as Windows-1252/);
    const names = result.ok ? result.contracts.flatMap((c) => c.suppliers.map((s) => s.name)) : [];
    expect(names).toContain("Café “Ellis” Services");
  });

  it("reads a UTF-16 file with a mark, each piece cutting characters in two", async () => {
    const bytes = Uint8Array.from([0xff, 0xfe, ...iconv.encode(fixture.toString("utf8"), "utf-16le")]);
    const { result, note } = await readOcdsUpload(stored(bytes, 333).pieces);
    expect(note).toBeNull();
    expect(result).toEqual(parseOcdsBytes(fixture));
  });
});
