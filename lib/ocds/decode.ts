import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";

/**
 * Bytes of an uploaded file as UTF-8 bytes, which the streaming parser reads (lib/ocds/stream.ts).
 * Publishers' files are UTF-8, but a file saved from a spreadsheet or an older Windows tool may be
 * UTF-16 or Windows-1252; read as UTF-8 those turn "Café" into "Caf�". A byte order mark settles
 * it; otherwise UTF-8 is checked strictly, then UTF-16 when every other byte is zero, then
 * Windows-1252, with a note saying it was a guess. A UTF-8 file is passed on as it is, with no
 * copy and no string; only the others are converted. iconv-lite decodes: Node's own TextDecoder
 * reads "windows-1252" as Latin-1, which loses the curly quotes and the euro sign (0x80–0x9F).
 */
export interface DecodedUpload {
  utf8: Uint8Array;
  /** The encoding read, as the WHATWG standard names it. */
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
  /** Set when the encoding was guessed rather than declared by a byte order mark or valid UTF-8. */
  note: string | null;
}

export function decodeUpload(bytes: Uint8Array): DecodedUpload {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    return { utf8: buffer.subarray(3), encoding: "utf-8", note: null };
  if (startsWith(bytes, [0xff, 0xfe])) return convert(buffer.subarray(2), "utf-16le");
  if (startsWith(bytes, [0xfe, 0xff])) return convert(buffer.subarray(2), "utf-16be");

  if (isUtf8(buffer) && !buffer.includes(0)) return { utf8: buffer, encoding: "utf-8", note: null };

  const sixteen = zeroPattern(bytes);
  if (sixteen) {
    return {
      ...convert(buffer, sixteen),
      note: `The file has no mark saying how its text is stored; it was read as ${sixteen === "utf-16le" ? "UTF-16 (little-endian)" : "UTF-16 (big-endian)"}. Check names with accents or symbols, and save it as UTF-8 next time.`,
    };
  }
  return {
    ...convert(buffer, "windows-1252"),
    note: "The file is not in UTF-8, so it was read as Windows-1252 (Western European). Check names with accents or symbols, and save it as UTF-8 next time.",
  };
}

/** The decoded text, for tests and small files. */
export function decodedText(decoded: DecodedUpload): string {
  return Buffer.from(decoded.utf8.buffer, decoded.utf8.byteOffset, decoded.utf8.byteLength).toString("utf8");
}

function convert(buffer: Buffer, encoding: DecodedUpload["encoding"]): DecodedUpload {
  return { utf8: Buffer.from(iconv.decode(buffer, encoding), "utf8"), encoding, note: null };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** JSON text in UTF-16 without a mark: ASCII punctuation leaves every other byte zero. */
function zeroPattern(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 512) & ~1);
  if (sample.length < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZero++;
    if (sample[i + 1] === 0) oddZero++;
  }
  const pairs = sample.length / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.1) return "utf-16le";
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.1) return "utf-16be";
  return null;
}
