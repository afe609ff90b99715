/**
 * JSON Lines (https://jsonlines.org): one JSON value per line, as OCDS tools write bulk downloads
 * of releases or packages. Only the shape of the bytes is known here, read a piece at a time as
 * the file arrives; what each line holds is read by read-lines.ts.
 */

const NEWLINE = 0x0a;
const RETURN = 0x0d;

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === RETURN || b === NEWLINE;

/**
 * Whether the text is JSON Lines rather than one JSON document: its first line that is not blank
 * is a whole object on its own (starts with `{`, ends with `}`), and another line that is not blank
 * follows. A pretty-printed document's first line is a bare `{`; a document on one line has no
 * second line. Learnt from the bytes in order, a piece at a time: `decided` turns true as soon as
 * later bytes cannot change the answer, which for a document on one line is only at its end.
 */
export class ShapeProbe {
  /** The first byte that is not white space: undefined for an empty file. */
  first: number | undefined;
  jsonLines = false;
  decided = false;
  private state: "before" | "firstLine" | "after" = "before";
  /** The last byte of the first line that is not white space, so far. */
  private last: number | undefined;

  write(bytes: Uint8Array): void {
    let i = 0;
    while (i < bytes.length && !this.decided) {
      if (this.state === "before") {
        while (i < bytes.length && isSpace(bytes[i])) i++;
        if (i === bytes.length) return;
        this.first = bytes[i];
        this.last = bytes[i];
        if (this.first !== 0x7b /* { */) this.decide(false);
        this.state = "firstLine";
        i++;
      } else if (this.state === "firstLine") {
        const end = bytes.indexOf(NEWLINE, i);
        const stop = end === -1 ? bytes.length : end;
        let j = stop - 1;
        while (j >= i && isSpace(bytes[j])) j--;
        if (j >= i) this.last = bytes[j];
        if (end === -1) return;
        if (this.last !== 0x7d /* } */) this.decide(false);
        this.state = "after";
        i = end + 1;
      } else {
        while (i < bytes.length && isSpace(bytes[i])) i++;
        if (i < bytes.length) this.decide(true);
      }
    }
  }

  /** At the end of the file: a single object with nothing after it is one document. */
  end(): void {
    this.decided = true;
  }

  private decide(jsonLines: boolean) {
    this.jsonLines = jsonLines;
    this.decided = true;
  }
}

/** Where a line's bytes go, with its 1-based number in the file, blank lines counted. */
export interface LineSink {
  part(bytes: Uint8Array, number: number): void;
  end(number: number): void;
}

/**
 * Splits bytes written a piece at a time into lines, without copying: each line's bytes as they
 * come (`part`, perhaps several times for a line split between pieces), then its end. A Windows
 * line ending's carriage return is part of the ending, not the line.
 */
export class LineSplitter {
  private number = 1;
  /** A carriage return at the end of the last piece: the line's ending if a line feed follows. */
  private heldReturn = false;

  constructor(private readonly sink: LineSink) {}

  write(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.heldReturn) {
      this.heldReturn = false;
      if (bytes[0] !== NEWLINE) this.sink.part(Uint8Array.of(RETURN), this.number);
    }
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(NEWLINE, start);
      if (end === -1) {
        let stop = bytes.length;
        if (stop > start && bytes[stop - 1] === RETURN) {
          this.heldReturn = true;
          stop--;
        }
        if (stop > start) this.sink.part(bytes.subarray(start, stop), this.number);
        return;
      }
      const stop = end > start && bytes[end - 1] === RETURN ? end - 1 : end;
      if (stop > start) this.sink.part(bytes.subarray(start, stop), this.number);
      this.sink.end(this.number);
      this.number++;
      start = end + 1;
    }
  }

  /** The last line, which has no line feed after it (a carriage return at its end is dropped too). */
  end(): void {
    this.heldReturn = false;
    this.sink.end(this.number);
  }
}
