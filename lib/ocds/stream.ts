import { JSONParser } from "@streamparser/json";

/**
 * Reads an OCDS file's releases out of its UTF-8 bytes one at a time (docs/decisions/0018), so a
 * 50 MB package is never one JSON value in memory: each release or record is handed to `onEntry`
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
const CHUNK = 256 * 1024;

/** Reads the whole document at once: for tests and small files. */
export function streamDocument(
  utf8: Uint8Array,
  onEntry: (list: ListName, value: unknown, index: number) => void,
): StreamedDocument {
  return finish(readDocument(utf8, onEntry));
}

/** A generator's result, run straight through. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs a generator, giving the event loop a turn at each step: a server reading a 50 MB file in
 * the background answers pages between its chunks instead of after the whole file.
 */
export async function finishInTurns<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The reading itself, pausing (yield) after each chunk it writes to the parser. */
export function* readDocument(
  utf8: Uint8Array,
  onEntry: (list: ListName, value: unknown, index: number) => void,
): Generator<void, StreamedDocument> {
  const parser = new JSONParser({ paths: ["$", "$.releases.*", "$.records.*"], keepStack: false });
  let root: unknown;
  let lastToken = 0;
  const counts = { releases: 0, records: 0 };
  parser.onToken = ({ offset }) => {
    lastToken = offset;
  };
  parser.onValue = ({ value, key, parent, stack }) => {
    if (stack.length === 0) {
      root = value;
      return;
    }
    const list = stack[1]?.key;
    // Only entries of the top-level lists; anything else (a "releases" object's fields) stays put.
    if (stack.length !== 2 || (list !== "releases" && list !== "records") || !Array.isArray(parent)) return;
    onEntry(list, value, key as number);
    counts[list]++;
    // The parser keeps an emitted value while an ancestor ("$") is to be emitted too: drop it here.
    parent.length -= 1;
  };
  let written = 0;
  try {
    for (; written < utf8.length; written += CHUNK) {
      parser.write(utf8.subarray(written, written + CHUNK));
      yield;
    }
    // The parser ends by itself after a complete top-level value; ending it again is an error.
    if (!parser.isEnded) parser.end();
  } catch (error) {
    return { ok: false, problem: locate(utf8, error, lastToken) };
  }
  // Nothing but white space: no value, which JSON requires.
  if (!parser.isEnded || root === undefined) return { ok: false, problem: locate(utf8, END, lastToken) };
  return { ok: true, root, ...counts };
}

/**
 * Where the parser stopped, as a line and column. The tokenizer names the byte it could not read
 * ("absolute position"); the token parser, a token out of place, which is the last token read; a
 * file that ends too soon is wrong at its end.
 */
const END = new Error("Parser ended in mid-parsing");

function locate(utf8: Uint8Array, error: unknown, lastToken: number): JsonSyntaxProblem {
  const message = error instanceof Error ? error.message : "";
  const endOfInput = /ended in (mid-parsing|the middle of a token)/.test(message);
  const named = /absolute position "(\d+)"/.exec(message);
  const offset = endOfInput ? utf8.length : named ? Number(named[1]) : lastToken;
  return { ...lineAndColumn(utf8, Math.min(offset, utf8.length)), endOfInput };
}

function lineAndColumn(utf8: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    const byte = utf8[i] as number;
    if (byte === 0x0a) {
      line++;
      column = 1;
    } else if ((byte & 0xc0) !== 0x80) column++; // a character's first byte, not a continuation
  }
  return { line, column };
}
