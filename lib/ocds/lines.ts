/**
 * JSON Lines (https://jsonlines.org): one JSON value per line, as OCDS tools write bulk downloads
 * of releases or packages. Only the shape of the bytes is known here; what each line holds is
 * read by parse.ts.
 */

const NEWLINE = 0x0a;

/** One line's bytes (without its line ending) and its 1-based number in the file. */
export interface Line {
  number: number;
  bytes: Uint8Array;
}

/**
 * Whether the text is JSON Lines rather than one JSON document: its first line that is not blank
 * is a whole object on its own (starts with `{`, ends with `}`), and another line that is not blank
 * follows. A pretty-printed document's first line is a bare `{`; a document on one line has no
 * second line.
 */
export function isJsonLines(utf8: Uint8Array): boolean {
  let seen = 0;
  for (const line of lines(utf8)) {
    if (isBlank(line.bytes)) continue;
    if (seen === 0) {
      const [first, last] = ends(line.bytes);
      if (first !== 0x7b /* { */ || last !== 0x7d /* } */) return false;
    }
    seen++;
    if (seen === 2) return true;
  }
  return false;
}

/** The lines of the text, blank ones included (so their numbers are the file's), without copying. */
export function* lines(utf8: Uint8Array): Generator<Line> {
  let start = 0;
  let number = 1;
  while (start <= utf8.length) {
    let end = utf8.indexOf(NEWLINE, start);
    if (end === -1) end = utf8.length;
    // A Windows line ending's carriage return is part of the ending, not the line.
    const stop = end > start && utf8[end - 1] === 0x0d ? end - 1 : end;
    yield { number, bytes: utf8.subarray(start, stop) };
    start = end + 1;
    number++;
  }
}

export function isBlank(bytes: Uint8Array): boolean {
  return ends(bytes)[0] === undefined;
}

/** The first and last bytes that are not white space. */
function ends(bytes: Uint8Array): [number | undefined, number | undefined] {
  const space = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a;
  let i = 0;
  let j = bytes.length - 1;
  while (i <= j && space(bytes[i])) i++;
  while (j >= i && space(bytes[j])) j--;
  return i > j ? [undefined, undefined] : [bytes[i], bytes[j]];
}
