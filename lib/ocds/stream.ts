import { JSONParser } from "@streamparser/json";

/**
 * Reads an OCDS file's releases out of its UTF-8 bytes one at a time (docs/decisions/0018), so a
 * 50 MB package is never one JSON value in memory, nor its text one buffer (the bytes are written
 * a piece at a time, as they are read from the database): each release or record is handed to `onEntry`
 * as soon as it is complete and then dropped from the document. What is left of the document
 * (its package metadata, or a single release whole) comes back at the end, with where the JSON
 * went wrong, from the parser's own positions, when it is not JSON.
 */

export interface JsonSyntaxProblem {
  /** 1-based line. */
  line: number;
  /** 1-based column, in characters from the start of the line. */
  column: number;
  /** True when the text stops part-way through, as a cut-short download does. */
  endOfInput: boolean;
}

export type StreamedDocument =
  | { ok: true; root: unknown; releases: number; records: number }
  | { ok: false; problem: JsonSyntaxProblem };

export type ListName = "releases" | "records";

/** Bytes written to the parser at a time: small enough that nothing waits long on one write. */
export const CHUNK = 256 * 1024;

/** Reads the whole document at once, a chunk at a time: for tests and small files. */
export function streamDocument(
  utf8: Uint8Array,
  onEntry: (list: ListName, value: unknown, index: number) => void,
): StreamedDocument {
  const document = new DocumentStream(onEntry);
  for (let written = 0; written < utf8.length; written += CHUNK) {
    if (!document.write(utf8.subarray(written, written + CHUNK))) break;
  }
  return document.end();
}

/**
 * One JSON document written a piece at a time, in order, as the pieces arrive (from the database,
 * decoded): `write` says whether to carry on (false once the JSON has gone wrong), `end` gives the
 * document or where it went wrong.
 */
export class DocumentStream {
  private readonly parser = new JSONParser({
    paths: ["$", "$.releases.*", "$.records.*"],
    keepStack: false,
  });
  private root: unknown;
  private lastToken = 0;
  private readonly counts = { releases: 0, records: 0 };
  private readonly positions = new Positions();
  private failure: unknown = null;

  constructor(onEntry: (list: ListName, value: unknown, index: number) => void) {
    this.parser.onToken = ({ offset }) => {
      this.lastToken = offset;
    };
    this.parser.onValue = ({ value, key, parent, stack }) => {
      if (stack.length === 0) {
        this.root = value;
        return;
      }
      const list = stack[1]?.key;
      // Only entries of the top-level lists; anything else (a "releases" object's fields) stays put.
      if (stack.length !== 2 || (list !== "releases" && list !== "records") || !Array.isArray(parent)) return;
      onEntry(list, value, key as number);
      this.counts[list]++;
      // The parser keeps an emitted value while an ancestor ("$") is to be emitted too: drop it here.
      parent.length -= 1;
    };
  }

  write(utf8: Uint8Array): boolean {
    if (this.failure !== null) return false;
    this.positions.add(utf8);
    try {
      this.parser.write(utf8);
    } catch (error) {
      this.failure = error;
      return false;
    }
    // An error later names a byte after the last token read, or that token itself.
    this.positions.forget(this.lastToken);
    return true;
  }

  end(): StreamedDocument {
    if (this.failure === null) {
      try {
        // The parser ends by itself after a complete top-level value; ending it again is an error.
        if (!this.parser.isEnded) this.parser.end();
      } catch (error) {
        this.failure = error;
      }
    }
    // Nothing but white space: no value, which JSON requires.
    if (this.failure === null && (!this.parser.isEnded || this.root === undefined)) this.failure = END;
    if (this.failure !== null) return { ok: false, problem: this.locate(this.failure) };
    return { ok: true, root: this.root, ...this.counts };
  }

  /**
   * Where the parser stopped, as a line and column. The tokenizer names the byte it could not read
   * ("absolute position"); the token parser, a token out of place, which is the last token read; a
   * file that ends too soon is wrong at its end.
   */
  private locate(error: unknown): JsonSyntaxProblem {
    const message = error instanceof Error ? error.message : "";
    const endOfInput = /ended in (mid-parsing|the middle of a token)/.test(message);
    const named = /absolute position "(\d+)"/.exec(message);
    const offset = endOfInput ? Number.POSITIVE_INFINITY : named ? Number(named[1]) : this.lastToken;
    return { ...this.positions.at(offset), endOfInput };
  }
}

const END = new Error("Parser ended in mid-parsing");

/**
 * Lines and columns of the bytes written, without keeping them all: the pieces from the last
 * token on are kept, and the line and column where the first of them starts.
 */
class Positions {
  private pieces: { from: number; bytes: Uint8Array }[] = [];
  private written = 0;
  private line = 1;
  private column = 1;

  add(bytes: Uint8Array) {
    if (bytes.length === 0) return;
    this.pieces.push({ from: this.written, bytes });
    this.written += bytes.length;
  }

  /** Counts past, and drops, the pieces wholly before `offset`. */
  forget(offset: number) {
    for (;;) {
      const first = this.pieces[0];
      if (!first || first.from + first.bytes.length > offset) return;
      this.advance(first.bytes);
      this.pieces.shift();
    }
  }

  /** The line and column of a byte written (or of the end, for an offset past it). */
  at(offset: number): { line: number; column: number } {
    const saved = { line: this.line, column: this.column };
    for (const { from, bytes } of this.pieces) {
      if (from >= offset) break;
      this.advance(bytes.subarray(0, offset - from));
    }
    const position = { line: this.line, column: this.column };
    Object.assign(this, saved);
    return position;
  }

  private advance(bytes: Uint8Array) {
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i] as number;
      if (byte === 0x0a) {
        this.line++;
        this.column = 1;
      } else if ((byte & 0xc0) !== 0x80) this.column++; // a character's first byte, not a continuation
    }
  }
}
