import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { type DecodedUpload, decodeUpload as decodeBytes, decodedText } from "./decode";

/** The decoded text beside what was read, as the tests compare them. */
function decodeUpload(bytes: Uint8Array): Omit<DecodedUpload, "utf8"> & { text: string } {
  const { utf8: _, ...rest } = decodeBytes(bytes);
  return { ...rest, text: decodedText(decodeBytes(bytes)) };
}

const json = '{"parties":[{"name":"Café “Ellis” Services – €5"}]}';

describe("decodeUpload", () => {
  it("reads UTF-8 with or without its mark, and says nothing", () => {
    const plain = new TextEncoder().encode(json);
    expect(decodeUpload(plain)).toEqual({ text: json, encoding: "utf-8", note: null });
    const marked = Uint8Array.from([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeUpload(marked)).toEqual({ text: json, encoding: "utf-8", note: null });
  });

  it("reads UTF-16 by its mark, or by its zero bytes with a note", () => {
    const le = iconv.encode(json, "utf-16le");
    expect(decodeUpload(Uint8Array.from([0xff, 0xfe, ...le]))).toMatchObject({ text: json, note: null });
    const be = iconv.encode(json, "utf-16be");
    expect(decodeUpload(Uint8Array.from([0xfe, 0xff, ...be]))).toMatchObject({ text: json, note: null });
    const unmarked = decodeUpload(Uint8Array.from(le));
    expect(unmarked).toMatchObject({ text: json, encoding: "utf-16le" });
    expect(unmarked.note).toMatch(/read as UTF-16/);
  });

  it("reads a Windows-1252 file with its curly quotes and euro sign, and says it guessed", () => {
    const bytes = Uint8Array.from(iconv.encode(json, "windows-1252"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const decoded = decodeUpload(bytes);
    expect(decoded.text).toBe(json);
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.note).toBe(
      "The file is not in UTF-8, so it was read as Windows-1252 (Western European). Check names with accents or symbols, and save it as UTF-8 next time.",
    );
  });
});
