/**
 * Reads a JSON Lines file (lines.ts): each line a release, a record, a release package or a record package,
 * every release of every line going to one reader, so one contract per ocid across the file. A
 * line that is not JSON refuses the file, naming the line and column; a line that is JSON but not
 * OCDS is skipped, named by its line.
 */
import { type Line, lines } from "./lines";
import { DOWNLOAD_HINT, fail, isObject, isRecord, ReleaseReader, readEntry } from "./reader";
import { type ListName, readDocument } from "./stream";
import type { OcdsParseResult } from "./types";

export function* readLines(utf8: Uint8Array): Generator<void, OcdsParseResult> {
  // Entries are numbered across the file, in order; each remembers its line.
  const lineOfEntry: number[] = [];
  const reader = new ReleaseReader((index) => lineOfEntry[index] ?? 0);
  const readers = { releases: reader, records: reader };
  let next = 0;
  for (const line of lines(utf8)) {
    if (line.bytes.every((b) => b === 0x20 || b === 0x09)) continue;
    const base = next;
    // Held to the end of the line: a line that is a single record lists links, not releases.
    const entries: { list: ListName; value: unknown; index: number }[] = [];
    const document = yield* readDocument(line.bytes, (list, value, i) => {
      lineOfEntry[base + i] = line.number;
      entries.push({ list, value, index: base + i });
    });
    if (!document.ok) {
      const { column, endOfInput } = document.problem;
      return fail(
        endOfInput
          ? `Line ${line.number} of this file is not valid JSON: it ends too soon, at column ${column}. Each line must be one whole release or package. ${DOWNLOAD_HINT}`
          : `Line ${line.number} of this file is not valid JSON: there is a problem at column ${column}. ${DOWNLOAD_HINT}`,
      );
    }
    next = base + Math.max(entries.length, 1);
    const root = document.root;
    lineOfEntry[base] = line.number;
    if (isObject(root) && isRecord(root)) {
      readEntry(readers, "records", root, base);
      continue;
    }
    for (const entry of entries) readEntry(readers, entry.list, entry.value, entry.index);
    if (isObject(root) && (Array.isArray(root.releases) || Array.isArray(root.records))) continue;
    if (isObject(root) && "ocid" in root) reader.add(root, base);
    else skipLine(reader, line, base);
  }
  return reader.finish();
}

function skipLine(reader: ReleaseReader, line: Line, index: number) {
  reader.skipAt(index, {
    code: "not-a-release",
    ocid: null,
    releaseId: null,
    item: `Line ${line.number}`,
    reason: "This line is not a release, a release package or a record package, so it was skipped.",
  });
}
