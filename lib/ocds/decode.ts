import iconv from "iconv-lite";

/**
 * Bytes of an uploaded file as text. Publishers' files are UTF-8, but a file saved from a
 * spreadsheet or an older Windows tool may be UTF-16 or Windows-1252; read as UTF-8 those turn
 * "Café" into "Caf�". A byte order mark settles it; otherwise UTF-8 is tried strictly, then
 * UTF-16 when every other byte is zero, then Windows-1252, with a note saying it was a guess.
 * iconv-lite decodes: Node's own TextDecoder reads "windows-1252" as Latin-1, which loses the
 * curly quotes and the euro sign (0x80–0x9F).
 */
export interface DecodedUpload {
  text: string;
  /** The encoding read, as the WHATWG standard names it. */
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
  /** Set when the encoding was guessed rather than declared by a byte order mark or valid UTF-8. */
  note: string | null;
}

export function decodeUpload(bytes: Uint8Array): DecodedUpload {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return read(buffer.subarray(3), "utf-8");
  if (startsWith(bytes, [0xff, 0xfe])) return read(buffer.subarray(2), "utf-16le");
  if (startsWith(bytes, [0xfe, 0xff])) return read(buffer.subarray(2), "utf-16be");

  const utf8 = strictUtf8(bytes);
  if (utf8 !== null && !utf8.includes("\u0000")) return { text: utf8, encoding: "utf-8", note: null };

  const sixteen = zeroPattern(bytes);
  if (sixteen) {
    return {
      ...read(buffer, sixteen),
      note: `The file has no mark saying how its text is stored; it was read as ${sixteen === "utf-16le" ? "UTF-16 (little-endian)" : "UTF-16 (big-endian)"}. Check names with accents or symbols, and save it as UTF-8 next time.`,
    };
  }
  return {
    ...read(buffer, "windows-1252"),
    note: "The file is not in UTF-8, so it was read as Windows-1252 (Western European). Check names with accents or symbols, and save it as UTF-8 next time.",
  };
}

function read(buffer: Buffer, encoding: DecodedUpload["encoding"]): DecodedUpload {
  return { text: iconv.decode(buffer, encoding), encoding, note: null };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
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
