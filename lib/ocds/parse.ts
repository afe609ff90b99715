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
import { isJsonLines } from "./lines";
import { readLines } from "./read-lines";
import { DOWNLOAD_HINT, fail, isObject, isRecord, ReleaseReader, readEntry } from "./reader";
import { finish, finishInTurns, type JsonSyntaxProblem, readDocument } from "./stream";
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
 * Never throws.
 */
export function parseOcdsBytes(utf8: Uint8Array, options: OcdsParseOptions = {}): OcdsParseResult {
  try {
    return finish(parse(utf8, options));
  } catch {
    // Not expected: the property tests check this message never appears.
    return { ok: false, error: UNEXPECTED_ERROR };
  }
}

/** The same, giving the event loop a turn after each chunk of the file: for the server's worker. */
export async function parseOcdsBytesInTurns(
  utf8: Uint8Array,
  options: OcdsParseOptions = {},
): Promise<OcdsParseResult> {
  try {
    return await finishInTurns(parse(utf8, options));
  } catch {
    return { ok: false, error: UNEXPECTED_ERROR };
  }
}

/** Exposed for tests, which check no input reaches the catch-all above. */
export const UNEXPECTED_ERROR_MESSAGE = UNEXPECTED_ERROR;

function* parse(bytes: Uint8Array, options: OcdsParseOptions): Generator<void, OcdsParseResult> {
  const maxBytes =
    typeof options.maxBytes === "number" && Number.isFinite(options.maxBytes) && options.maxBytes > 0
      ? options.maxBytes
      : DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) return fail(tooLargeMessage(bytes.length, maxBytes));

  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const first = firstNonSpace(body);
  if (first === undefined) {
    return fail(
      "The file is empty. Upload the OCDS JSON file downloaded from Contracts Finder or Find a Tender.",
    );
  }

  if (isJsonLines(body)) return yield* readLines(body);

  const readers = { releases: new ReleaseReader(), records: new ReleaseReader() };
  const document = yield* readDocument(body, (list, value, index) => readEntry(readers, list, value, index));
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

function firstNonSpace(bytes: Uint8Array): number | undefined {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return byte;
  return undefined;
}

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
