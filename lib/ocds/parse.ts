/**
 * Reads an OCDS file (a release, a release package or a record package, as published by UK
 * Contracts Finder and Find a Tender) into the contracts and organisations Chainwise imports, with
 * a report of what was skipped and why. Pure: no I/O, no database; never throws.
 *
 * One imported contract per contracting process (ocid), from its latest release: Chainwise keeps
 * one Contract per ocid, and a process let in lots has one award per lot, each of whose suppliers
 * becomes a prime on that one contract. See README.md for the rules in brief.
 *
 * The file is read as a stream (lib/ocds/stream.ts, docs/decisions/0018): each release is turned
 * into its contract as soon as it is read, and only the latest contract per ocid is kept, so a
 * large package is never held whole as objects.
 */
import { DEFAULT_MAX_BYTES, tooLargeMessage } from "./limits";
import { ShapeProbe } from "./lines";
import { LinesReader } from "./read-lines";
import { DOWNLOAD_HINT, fail, isObject, isRecord, ReleaseReader, readEntry } from "./reader";
import { CHUNK, DocumentStream, type JsonSyntaxProblem, type StreamedDocument } from "./stream";
import type { OcdsParseOptions, OcdsParseResult } from "./types";

export { isoDate, readScale, readVcse } from "./contract";
export { DEFAULT_MAX_BYTES } from "./limits";
export * from "./types";

const UNEXPECTED_ERROR =
  "Something went wrong reading this file, and nothing was imported. Please try again, and contact support if it keeps happening.";

/** Reads OCDS text; see {@link parseOcdsBytes}. */
export function parseOcds(text: string, options: OcdsParseOptions = {}): OcdsParseResult {
  if (typeof text !== "string") return fail("No file was received. Choose an OCDS JSON file and try again.");
  return parseOcdsBytes(Buffer.from(text, "utf8"), options);
}

/**
 * Reads OCDS as UTF-8 bytes (lib/ocds/decode.ts makes them) into contracts to import. Returns
 * `{ ok: false, error }` with a message a commissioner can act on when the file cannot be used at
 * all, so nothing should be changed; otherwise the contracts and every skipped item or note.
 * Never throws. The worker reads a stored upload a piece at a time instead (read-upload.ts), with
 * the same {@link OcdsReader}.
 */
export function parseOcdsBytes(utf8: Uint8Array, options: OcdsParseOptions = {}): OcdsParseResult {
  try {
    const maxBytes =
      typeof options.maxBytes === "number" && Number.isFinite(options.maxBytes) && options.maxBytes > 0
        ? options.maxBytes
        : DEFAULT_MAX_BYTES;
    if (utf8.length > maxBytes) return fail(tooLargeMessage(utf8.length, maxBytes));
    const body = utf8[0] === 0xef && utf8[1] === 0xbb && utf8[2] === 0xbf ? utf8.subarray(3) : utf8;
    const read = (reader: OcdsReader) => {
      for (let at = 0; at < body.length; at += CHUNK) {
        const next = reader.write(body.subarray(at, at + CHUNK));
        if (next !== "more") return next;
      }
      return "more";
    };
    const first = new OcdsReader();
    if (read(first) !== "again as lines") return first.end();
    const lines = new OcdsReader("lines");
    read(lines);
    return lines.end();
  } catch {
    // Not expected: the property tests check this message never appears.
    return { ok: false, error: UNEXPECTED_ERROR };
  }
}

/** Exposed for tests, which check no input reaches the catch-all above. */
export const UNEXPECTED_ERROR_MESSAGE = UNEXPECTED_ERROR;

/**
 * Reads an OCDS file's UTF-8 bytes written to it a piece at a time, in order, never holding them.
 * Whether the file is JSON Lines is known only once its first line is read (lines.ts), so it is
 * first read as one document while that is learnt; `write` answers "again as lines" when it turns
 * out to be JSON Lines, and the file is then read again from its start by a reader made with
 * "lines". "done": the file is refused whatever follows, so reading may stop; `end` says why.
 */
export class OcdsReader {
  private readonly probe = new ShapeProbe();
  private readonly readers = { releases: new ReleaseReader(), records: new ReleaseReader() };
  private readonly document: DocumentStream | null;
  private readonly lines: LinesReader | null;
  private documentOk = true;

  constructor(mode: "guess" | "lines" = "guess") {
    this.lines = mode === "lines" ? new LinesReader() : null;
    this.document =
      mode === "lines"
        ? null
        : new DocumentStream((list, value, index) => readEntry(this.readers, list, value, index));
  }

  write(utf8: Uint8Array): "more" | "again as lines" | "done" {
    if (this.lines) return this.lines.write(utf8) ? "more" : "done";
    if (!this.probe.decided) {
      this.probe.write(utf8);
      if (this.probe.jsonLines) return "again as lines";
    }
    if (this.documentOk) this.documentOk = (this.document as DocumentStream).write(utf8);
    // Not JSON, and not JSON Lines either: nothing later changes that.
    return this.documentOk || !this.probe.decided ? "more" : "done";
  }

  end(): OcdsParseResult {
    if (this.lines) return this.lines.end();
    this.probe.end();
    const first = this.probe.first;
    if (first === undefined) {
      return fail(
        "The file is empty. Upload the OCDS JSON file downloaded from Contracts Finder or Find a Tender.",
      );
    }
    return documentResult((this.document as DocumentStream).end(), first, this.readers);
  }
}

/** Which kind of OCDS document the file was, and its contracts. */
function documentResult(
  document: StreamedDocument,
  first: number,
  readers: Record<"releases" | "records", ReleaseReader>,
): OcdsParseResult {
  if (!document.ok) return fail(notJsonMessage(first, document.problem));
  const root = document.root;

  if (Array.isArray(root)) {
    return fail(
      "This file holds a JSON list, not an OCDS release or release package. Upload the file exactly as " +
        'downloaded from Contracts Finder or Find a Tender: it starts with { and has an "ocid" (a single ' +
        'release) or a "releases" list (a release package).',
    );
  }
  if (!isObject(root)) return fail(NOT_OCDS);
  // A single record: its "releases" are links to the releases it compiles, not releases to read.
  if (isRecord(root)) {
    const reader = new ReleaseReader();
    readEntry({ releases: reader, records: reader }, "records", root, 0);
    return reader.finish();
  }
  if ("releases" in root) {
    if (!Array.isArray(root.releases)) {
      return fail(
        `This file's "releases" field should be a list of releases but is not, so it cannot be read. ${DOWNLOAD_HINT}`,
      );
    }
    if (document.releases === 0) {
      return fail(
        "This release package contains no releases, so there is nothing to import. Check you downloaded " +
          "the right notice: a search that matched nothing gives an empty package.",
      );
    }
    return readers.releases.finish();
  }
  if ("records" in root) {
    if (!Array.isArray(root.records)) {
      return fail(
        `This file's "records" field should be a list of records but is not, so it cannot be read. ${DOWNLOAD_HINT}`,
      );
    }
    if (document.records === 0) {
      return fail("This record package contains no records, so there is nothing to import.");
    }
    return readers.records.finish();
  }
  if ("ocid" in root) {
    const single = new ReleaseReader();
    single.add(root, 0);
    return single.finish();
  }
  return fail(NOT_OCDS);
}

// ---------------------------------------------------------------------------------------------
// The file: JSON, and which kind of OCDS document

const NOT_OCDS =
  'This file is JSON but not open contracting data (OCDS): it has no "ocid" or "releases". ' +
  "Upload a release or release package downloaded from Contracts Finder or Find a Tender.";

function notJsonMessage(first: number, problem: JsonSyntaxProblem): string {
  if (first === 0x3c /* < */) {
    return (
      "This file looks like a web page (HTML), not open contracting data. On Contracts Finder or " +
      "Find a Tender, download the notice as OCDS JSON and upload that file."
    );
  }
  const where = `line ${problem.line}, column ${problem.column}`;
  return problem.endOfInput
    ? `This file is not valid JSON: it ends too soon, at ${where}, so it may have been cut short while downloading. ${DOWNLOAD_HINT}`
    : `This file is not valid JSON: there is a problem at ${where}. ${DOWNLOAD_HINT}`;
}
