/**
 * Finds where a JSON text first goes wrong, so the error can say "line 3, column 14".
 *
 * `JSON.parse` reports a position only on some Node versions, and in differing words, so this
 * small scanner re-reads the text after `JSON.parse` has already rejected it. It checks syntax only
 * (RFC 8259) and keeps its own stack, so deeply nested input cannot overflow the call stack.
 */

export interface JsonSyntaxProblem {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in characters from the start of the line. */
  column: number;
  /** True when the text stops part-way through, as a cut-short download does. */
  endOfInput: boolean;
}

type Expect =
  | "value"
  | "key-or-end" // just after "{"
  | "key" // after "," in an object
  | "colon"
  | "comma-or-end-object"
  | "value-or-end" // just after "["
  | "comma-or-end-array"
  | "nothing"; // after the top-level value

const isWhitespace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isHex = (code: number) =>
  isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);

/** Offset of the first character that breaks JSON syntax, text.length if it ends too soon, or -1 if none. */
export function jsonErrorOffset(text: string): number {
  const stack: ("object" | "array")[] = [];
  let expect: Expect = "value";
  let i = 0;

  /** After a complete value: what may follow depends on the enclosing container. */
  const afterValue = (): Expect => {
    const top = stack[stack.length - 1];
    return top === "object" ? "comma-or-end-object" : top === "array" ? "comma-or-end-array" : "nothing";
  };

  /** Scans a string starting at the opening quote; returns the offset after it, or -(error offset) - 1. */
  const scanString = (start: number): number => {
    let j = start + 1;
    while (j < text.length) {
      const code = text.charCodeAt(j);
      if (code === 0x22) return j + 1;
      if (code < 0x20) return -j - 1;
      if (code === 0x5c) {
        const next = text.charCodeAt(j + 1);
        if (j + 1 >= text.length) return -(j + 1) - 1;
        if (next === 0x75) {
          for (let k = 2; k <= 5; k++) {
            if (j + k >= text.length) return -(j + k) - 1;
            if (!isHex(text.charCodeAt(j + k))) return -(j + k) - 1;
          }
          j += 6;
          continue;
        }
        if ('"\\/bfnrt'.includes(text.charAt(j + 1))) {
          j += 2;
          continue;
        }
        return -(j + 1) - 1;
      }
      j++;
    }
    return -text.length - 1;
  };

  /** Scans a number; returns the offset after it, or -(error offset) - 1. */
  const scanNumber = (start: number): number => {
    let j = start;
    if (text.charCodeAt(j) === 0x2d) j++;
    if (j >= text.length) return -j - 1;
    if (text.charCodeAt(j) === 0x30) j++;
    else if (isDigit(text.charCodeAt(j))) while (isDigit(text.charCodeAt(j))) j++;
    else return -j - 1;
    if (text.charCodeAt(j) === 0x2e) {
      j++;
      if (!isDigit(text.charCodeAt(j))) return -j - 1;
      while (isDigit(text.charCodeAt(j))) j++;
    }
    const e = text.charCodeAt(j);
    if (e === 0x65 || e === 0x45) {
      j++;
      const sign = text.charCodeAt(j);
      if (sign === 0x2b || sign === 0x2d) j++;
      if (!isDigit(text.charCodeAt(j))) return -j - 1;
      while (isDigit(text.charCodeAt(j))) j++;
    }
    return j;
  };

  /** Scans true/false/null; returns the offset after it, or -(error offset) - 1. */
  const scanLiteral = (start: number, word: string): number => {
    for (let k = 0; k < word.length; k++) {
      if (text.charAt(start + k) !== word.charAt(k)) return -(start + k) - 1;
    }
    return start + word.length;
  };

  while (true) {
    while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= text.length) return expect === "nothing" ? -1 : text.length;
    const ch = text.charAt(i);

    switch (expect) {
      case "nothing":
        return i;
      case "colon":
        if (ch !== ":") return i;
        i++;
        expect = "value";
        continue;
      case "comma-or-end-object":
      case "comma-or-end-array": {
        const close = expect === "comma-or-end-object" ? "}" : "]";
        if (ch === ",") {
          i++;
          expect = expect === "comma-or-end-object" ? "key" : "value";
          continue;
        }
        if (ch !== close) return i;
        i++;
        stack.pop();
        expect = afterValue();
        continue;
      }
      case "key-or-end":
      case "key": {
        if (expect === "key-or-end" && ch === "}") {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (ch !== '"') return i;
        const end = scanString(i);
        if (end < 0) return -end - 1;
        i = end;
        expect = "colon";
        continue;
      }
      case "value-or-end":
      case "value": {
        if (expect === "value-or-end" && ch === "]") {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (ch === "{") {
          i++;
          stack.push("object");
          expect = "key-or-end";
          continue;
        }
        if (ch === "[") {
          i++;
          stack.push("array");
          expect = "value-or-end";
          continue;
        }
        let end: number;
        if (ch === '"') end = scanString(i);
        else if (ch === "-" || isDigit(text.charCodeAt(i))) end = scanNumber(i);
        else if (ch === "t") end = scanLiteral(i, "true");
        else if (ch === "f") end = scanLiteral(i, "false");
        else if (ch === "n") end = scanLiteral(i, "null");
        else return i;
        if (end < 0) return -end - 1;
        i = end;
        expect = afterValue();
        continue;
      }
    }
  }
}

/** Line and column of the first syntax error in a text `JSON.parse` rejected, or null if none is found. */
export function locateJsonError(text: string): JsonSyntaxProblem | null {
  const offset = jsonErrorOffset(text);
  if (offset < 0) return null;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, endOfInput: offset >= text.length };
}
