import iconv from "iconv-lite";

/**
 * An uploaded file's encoding, and its bytes as UTF-8, which the streaming parser reads
 * (lib/ocds/stream.ts). Publishers' files are UTF-8, but a file saved from a spreadsheet or an
 * older Windows tool may be UTF-16 or Windows-1252; read as UTF-8 those turn "Café" into "Caf�".
 * A byte order mark settles it; otherwise UTF-8 is checked strictly, then UTF-16 when every other
 * byte is zero, then Windows-1252, with a note saying it was a guess. iconv-lite decodes: Node's
 * own TextDecoder reads "windows-1252" as Latin-1, which loses the curly quotes and the euro sign
 * (0x80–0x9F).
 *
 * Both halves work a piece at a time (docs/decisions/0018), so the worker never holds the file
 * whole, raw or decoded: {@link EncodingDetector} checks each piece as it is read (a UTF-8 file to
 * its end, since a byte that is not UTF-8 may be the last), {@link utf8Decoder} decodes it.
 */

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DetectedEncoding {
  /** The encoding read, as the WHATWG standard names it. */
  encoding: Encoding;
  /** Bytes of the byte order mark at the start, not part of the text. */
  skip: number;
  /** Set when the encoding was guessed rather than declared by a byte order mark or valid UTF-8. */
  note: string | null;
}

export interface DecodedUpload extends Omit<DetectedEncoding, "skip"> {
  utf8: Uint8Array;
}

/** Bytes looked at for a byte order mark or UTF-16's zero bytes. */
const HEAD_BYTES = 512;

const WINDOWS_1252_NOTE =
  "The file is not in UTF-8, so it was read as Windows-1252 (Western European). Check names with accents or symbols, and save it as UTF-8 next time.";

export const WINDOWS_1252: DetectedEncoding = { encoding: "windows-1252", skip: 0, note: WINDOWS_1252_NOTE };

const sixteenNote = (encoding: "utf-16le" | "utf-16be") =>
  `The file has no mark saying how its text is stored; it was read as ${encoding === "utf-16le" ? "UTF-16 (little-endian)" : "UTF-16 (big-endian)"}. Check names with accents or symbols, and save it as UTF-8 next time.`;

/**
 * Learns a file's encoding from its bytes, written a piece at a time in order. `guess` is what the
 * first 512 bytes say; `settled` turns true as soon as later bytes cannot change the answer (a
 * mark, UTF-16's zeros, or a byte that is not UTF-8, then `notUtf8`); a UTF-8 file is read to its
 * end.
 */
export class EncodingDetector {
  private head: Uint8Array = new Uint8Array(0);
  private start: DetectedEncoding | null = null;
  private readonly utf8 = new TextDecoder("utf-8", { fatal: true });
  private bad = false;

  get guess(): DetectedEncoding | null {
    return this.start;
  }

  /** A byte that is not UTF-8 was read where the first bytes said UTF-8: it is Windows-1252. */
  get notUtf8(): boolean {
    return this.bad;
  }

  get settled(): boolean {
    return this.bad || (this.start !== null && this.start.encoding !== "utf-8") || this.start?.skip === 3;
  }

  write(bytes: Uint8Array): void {
    if (this.settled) return;
    if (this.start === null) {
      // The head is kept until it is long enough to look at; then read on a piece at a time.
      this.head = concat(this.head, bytes);
      if (this.head.length >= HEAD_BYTES) this.decideStart();
      return;
    }
    this.check(bytes);
  }

  end(): DetectedEncoding {
    if (this.start === null) this.decideStart();
    const start = this.start as DetectedEncoding;
    if (this.settled) return this.bad ? WINDOWS_1252 : start;
    try {
      this.utf8.decode(); // a character cut short at the end is not UTF-8
    } catch {
      this.bad = true;
    }
    return this.bad ? WINDOWS_1252 : start;
  }

  private decideStart() {
    const head = this.head;
    if (startsWith(head, [0xef, 0xbb, 0xbf])) this.start = { encoding: "utf-8", skip: 3, note: null };
    else if (startsWith(head, [0xff, 0xfe])) this.start = { encoding: "utf-16le", skip: 2, note: null };
    else if (startsWith(head, [0xfe, 0xff])) this.start = { encoding: "utf-16be", skip: 2, note: null };
    else {
      // UTF-16's zeros in the head mean a file that is not UTF-8 without zeros: the same answer as
      // checking the whole file for UTF-8 first.
      const sixteen = zeroPattern(head);
      this.start = sixteen
        ? { encoding: sixteen, skip: 0, note: sixteenNote(sixteen) }
        : { encoding: "utf-8", skip: 0, note: null };
    }
    this.head = new Uint8Array(0);
    if (!this.settled) this.check(head);
  }

  /** Strict UTF-8, with no zero byte (JSON in UTF-8 has none; UTF-16 has many). */
  private check(bytes: Uint8Array) {
    if (bytes.includes(0)) {
      this.bad = true;
      return;
    }
    try {
      // `stream`: a character cut between two pieces is held until the next one completes it.
      this.utf8.decode(bytes, { stream: true });
    } catch {
      this.bad = true;
    }
  }
}

/**
 * Turns pieces of a file in the given encoding into pieces of UTF-8, in order; a character split
 * between pieces comes out whole with the later one. UTF-8 is passed on as it is, with no copy and
 * no string (the streaming parser joins a character split between pieces itself).
 */
export function utf8Decoder({ encoding, skip }: DetectedEncoding): {
  write(bytes: Uint8Array): Uint8Array;
  end(): Uint8Array;
} {
  let toSkip = skip;
  const skipMark = (bytes: Uint8Array) => {
    const from = Math.min(toSkip, bytes.length);
    toSkip -= from;
    return bytes.subarray(from);
  };
  if (encoding === "utf-8") return { write: skipMark, end: () => new Uint8Array(0) };
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  // A UTF-16 pair cut between pieces comes out of iconv as its first half at the end of one
  // piece's text: held back to join the second, as UTF-8 has no way to write half a pair.
  let held = "";
  const utf8 = (decoded: string | undefined, last: boolean) => {
    let text = held + (decoded ?? "");
    held = "";
    const code = text.charCodeAt(text.length - 1);
    if (!last && code >= 0xd800 && code <= 0xdbff) {
      held = text.slice(-1);
      text = text.slice(0, -1);
    }
    return Buffer.from(text, "utf8");
  };
  return {
    write: (bytes) => {
      const rest = skipMark(bytes);
      return utf8(decoder.write(Buffer.from(rest.buffer, rest.byteOffset, rest.byteLength)), false);
    },
    end: () => utf8(decoder.end(), true),
  };
}

/** A whole file at once: for the upload's request (files of at most 1 MB) and tests. */
export function decodeUpload(bytes: Uint8Array): DecodedUpload {
  const detector = new EncodingDetector();
  detector.write(bytes);
  const detected = detector.end();
  const decoder = utf8Decoder(detected);
  const body = decoder.write(bytes);
  const tail = decoder.end();
  return {
    utf8: tail.length === 0 ? body : concat(body, tail),
    encoding: detected.encoding,
    note: detected.note,
  };
}

/** The decoded text, for tests and small files. */
export function decodedText(decoded: DecodedUpload): string {
  return Buffer.from(decoded.utf8.buffer, decoded.utf8.byteOffset, decoded.utf8.byteLength).toString("utf8");
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** JSON text in UTF-16 without a mark: ASCII punctuation leaves every other byte zero. */
function zeroPattern(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, HEAD_BYTES) & ~1);
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
