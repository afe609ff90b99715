import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { streamDocument } from "./stream";

const read = (text: string) => streamDocument(Buffer.from(text, "utf8"), () => {});

describe("streamDocument", () => {
  it.each([
    ['{"a": 1,}', 1, 9, false],
    ["[1, 2", 1, 6, true],
    ['{"a":\n  tru}', 2, 6, false],
    ['"tab\there"', 1, 5, false],
    ['{"a": 01}', 1, 8, false],
    ['{"a": 1} x', 1, 10, false],
    ['{"a" 1}', 1, 6, false],
    ['"\\x"', 1, 3, false],
    ['"\\u12G4"', 1, 6, false],
    ["-", 1, 2, true],
    ["1.", 1, 3, true],
    ["1e+", 1, 4, true],
    ['{"é": 1,\n "ü" 2}', 2, 6, false],
  ])("%j fails at line %d, column %d, as the parser reports it", (text, line, column, endOfInput) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(read(text)).toEqual({ ok: false, problem: { line, column, endOfInput } });
  });

  it("hands over each release as it is read and keeps none of them in the document", () => {
    const seen: unknown[] = [];
    const text = JSON.stringify({ uri: "u", releases: [{ ocid: "a" }, { ocid: "b" }], extra: [1] });
    const result = streamDocument(Buffer.from(text), (list, value, index) => seen.push([list, value, index]));
    expect(seen).toEqual([
      ["releases", { ocid: "a" }, 0],
      ["releases", { ocid: "b" }, 1],
    ]);
    expect(result).toEqual({
      ok: true,
      root: { uri: "u", releases: [], extra: [1] },
      releases: 2,
      records: 0,
    });
  });

  it("agrees with JSON.parse on what is valid", () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(read(text).ok).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary-ascii", maxLength: 40 }), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(read(text).ok).toBe(valid);
      }),
    );
  });
});
