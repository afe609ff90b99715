import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import {
  type DecodedUpload,
  decodeUpload as decodeBytes,
  decodedText,
  EncodingDetector,
  utf8Decoder,
} from "./decode";

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

/** A file cut into pieces at the given places, as the worker reads a stored upload. */
function cutAt(bytes: Uint8Array, ...cuts: number[]): Uint8Array[] {
  const at = [0, ...cuts, bytes.length];
  return at.slice(1).map((end, i) => bytes.subarray(at[i], end));
}

/** Detects and decodes a file written in the given pieces, as lib/ocds/read-upload.ts does. */
function decodePieces(pieces: Uint8Array[]) {
  const detector = new EncodingDetector();
  for (const piece of pieces) {
    detector.write(piece);
    if (detector.settled) break;
  }
  const detected = detector.end();
  const decoder = utf8Decoder(detected);
  const out = [...pieces.map((piece) => decoder.write(piece)), decoder.end()];
  return { ...detected, text: Buffer.concat(out).toString("utf8") };
}

describe("decoding a file a piece at a time", () => {
  it("reads a UTF-8 character cut between two pieces as UTF-8, wherever the cut falls", () => {
    const bytes = new TextEncoder().encode(json);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(decodePieces(cutAt(bytes, cut))).toMatchObject({ text: json, encoding: "utf-8", note: null });
    }
  });

  it("reads a UTF-16 surrogate pair cut between pieces, marked or not", () => {
    const text = '{"name":"Clef 𝄞 Music Ltd"}';
    const le = iconv.encode(text, "utf-16le");
    const marked = Uint8Array.from([0xfe, 0xff, ...iconv.encode(text, "utf-16be")]);
    for (let cut = 0; cut <= le.length; cut++) {
      expect(decodePieces(cutAt(le, cut))).toMatchObject({ text, encoding: "utf-16le" });
      expect(decodePieces(cutAt(marked, cut))).toMatchObject({ text, encoding: "utf-16be", note: null });
    }
  });

  it("takes a byte order mark cut into single bytes as the mark, not text", () => {
    const marked = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(json)]);
    expect(decodePieces(cutAt(marked, 1, 2, 3))).toMatchObject({ text: json, encoding: "utf-8", skip: 3 });
  });

  it("reads a file as Windows-1252 when its only byte that is not UTF-8 comes in its last piece", () => {
    const ascii = `{"padding":"${"x".repeat(2 * 1024 * 1024)}","name":"`;
    const bytes = Uint8Array.from([...Buffer.from(ascii), ...iconv.encode('Café “Ellis”"}', "windows-1252")]);
    const pieces = cutAt(bytes, 1024 * 1024, 2 * 1024 * 1024);
    const detector = new EncodingDetector();
    detector.write(pieces[0] as Uint8Array);
    detector.write(pieces[1] as Uint8Array);
    expect(detector.settled).toBe(false);
    const decoded = decodePieces(pieces);
    expect(decoded.encoding).toBe("windows-1252");
    expect(decoded.note).toMatch(/read as Windows-1252/);
    expect(decoded.text.endsWith('"name":"Café “Ellis”"}')).toBe(true);
  });

  it("reads a file whose last UTF-8 character is cut short as Windows-1252", () => {
    const bytes = Uint8Array.from([...Buffer.from('{"a":"Caf'), 0xc3]);
    expect(decodePieces(cutAt(bytes, 4))).toMatchObject({ encoding: "windows-1252", text: '{"a":"CafÃ' });
  });
});
