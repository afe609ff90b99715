/**
 * Reads a JSON Lines file (lines.ts) a piece at a time: each line a release, a record, a release
 * package or a record package, every release of every line going to one reader, so one contract
 * per ocid across the file. A line is parsed as its bytes arrive, never held whole as text. A line
 * that is not JSON refuses the file, naming the line and column; a line that is JSON but not OCDS
 * is skipped, named by its line.
 */
import { LineSplitter } from "./lines";
import { DOWNLOAD_HINT, fail, isObject, isRecord, ReleaseReader, readEntry } from "./reader";
import { DocumentStream, type ListName } from "./stream";
import type { OcdsParseResult } from "./types";

interface OpenLine {
  document: DocumentStream;
  /** Only spaces and tabs so far. */
  blank: boolean;
  /** The number of the line's first entry, counted across the file. */
  base: number;
  /** Held to the end of the line: a line that is a single record lists links, not releases. */
  entries: { list: ListName; value: unknown; index: number }[];
}

export class LinesReader {
  // Entries are numbered across the file, in order; each remembers its line.
  private readonly lineOfEntry: number[] = [];
  private readonly reader = new ReleaseReader((index) => this.lineOfEntry[index] ?? 0);
  private next = 0;
  private line: OpenLine | null = null;
  private failure: OcdsParseResult | null = null;
  private readonly splitter = new LineSplitter({
    part: (bytes, number) => this.part(bytes, number),
    end: (number) => this.endLine(number),
  });

  /** False once the file is refused: nothing more needs reading. */
  write(utf8: Uint8Array): boolean {
    if (this.failure === null) this.splitter.write(utf8);
    return this.failure === null;
  }

  end(): OcdsParseResult {
    if (this.failure === null) this.splitter.end();
    return this.failure ?? this.reader.finish();
  }

  private open(number: number): OpenLine {
    const base = this.next;
    const entries: OpenLine["entries"] = [];
    const document = new DocumentStream((list, value, i) => {
      this.lineOfEntry[base + i] = number;
      entries.push({ list, value, index: base + i });
    });
    this.line = { document, blank: true, base, entries };
    return this.line;
  }

  private part(bytes: Uint8Array, number: number) {
    if (this.failure !== null) return;
    const line = this.line ?? this.open(number);
    if (line.blank) line.blank = bytes.every((b) => b === 0x20 || b === 0x09);
    line.document.write(bytes);
  }

  private endLine(number: number) {
    const line = this.line;
    this.line = null;
    if (this.failure !== null || line === null || line.blank) return;
    const { base, entries } = line;
    const document = line.document.end();
    if (!document.ok) {
      const { column, endOfInput } = document.problem;
      this.failure = fail(
        endOfInput
          ? `Line ${number} of this file is not valid JSON: it ends too soon, at column ${column}. Each line must be one whole release or package. ${DOWNLOAD_HINT}`
          : `Line ${number} of this file is not valid JSON: there is a problem at column ${column}. ${DOWNLOAD_HINT}`,
      );
      return;
    }
    this.next = base + Math.max(entries.length, 1);
    const root = document.root;
    const reader = this.reader;
    const readers = { releases: reader, records: reader };
    this.lineOfEntry[base] = number;
    if (isObject(root) && isRecord(root)) {
      readEntry(readers, "records", root, base);
      return;
    }
    for (const entry of entries) readEntry(readers, entry.list, entry.value, entry.index);
    if (isObject(root) && (Array.isArray(root.releases) || Array.isArray(root.records))) return;
    if (isObject(root) && "ocid" in root) reader.add(root, base);
    else {
      reader.skipAt(base, {
        code: "not-a-release",
        ocid: null,
        releaseId: null,
        item: `Line ${number}`,
        reason: "This line is not a release, a release package or a record package, so it was skipped.",
      });
    }
  }
}
