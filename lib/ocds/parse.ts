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
import { type Built, buildContract, isoDate, type ReadRelease } from "./contract";
import { DEFAULT_MAX_BYTES, tooLargeMessage } from "./limits";
import { releaseSchema, tidy } from "./schema";
import { finish, finishInTurns, type JsonSyntaxProblem, type ListName, readDocument } from "./stream";
import type { ImportedContract, OcdsParseOptions, OcdsParseResult, SkipCode, SkippedItem } from "./types";

export { isoDate, readScale, readVcse } from "./contract";
export { DEFAULT_MAX_BYTES } from "./limits";
export * from "./types";

const UNEXPECTED_ERROR =
  "Something went wrong reading this file, and nothing was imported. Please try again, and contact support if it keeps happening.";

const DOWNLOAD_HINT =
  "Download the OCDS JSON file again from Contracts Finder or Find a Tender and upload it without editing.";

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

const fail = (error: string): OcdsParseResult => ({ ok: false, error });

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

/** A release from the releases list, or a record's compiled release from the records list. */
function readEntry(
  readers: Record<ListName, ReleaseReader>,
  list: ListName,
  value: unknown,
  index: number,
): void {
  const reader = readers[list];
  if (list === "releases") {
    reader.add(value, index);
    return;
  }
  const compiled = isObject(value) ? value.compiledRelease : undefined;
  if (isObject(compiled)) {
    reader.add(compiled, index);
    return;
  }
  const ocid = isObject(value) && typeof value.ocid === "string" ? tidy(value.ocid) || null : null;
  reader.skipAt(index, {
    code: "no-compiled-release",
    ocid,
    releaseId: null,
    item: ocid ? `Record "${ocid}"` : `Record ${index + 1} in the file`,
    reason: "This record has no compiled release, so the contract's current state cannot be read.",
  });
}

// ---------------------------------------------------------------------------------------------
// Releases: one per ocid, the latest

/** A skipped release or record, with its position so the report follows the file's order. */
interface PlacedSkip {
  index: number;
  skip: SkippedItem;
}

/** The latest release read so far for one ocid, already built into its contract. */
interface Candidate {
  index: number;
  label: string;
  releaseId: string | null;
  date: string | undefined;
  time: number;
  built: Built;
}

type Older = Pick<Candidate, "index" | "label" | "releaseId">;

/**
 * Takes releases one at a time and keeps, per ocid, only the latest one's contract: the latest by
 * date, undated releases counting as oldest, a tie going to the one later in the file.
 */
class ReleaseReader {
  private readonly byOcid = new Map<string, { latest: Candidate; older: Older[] }>();
  private readonly placed: PlacedSkip[] = [];

  skipAt(index: number, skip: SkippedItem): void {
    this.placed.push({ index, skip });
  }

  add(value: unknown, index: number): void {
    if (!isObject(value)) {
      this.skipAt(index, {
        code: "not-a-release",
        ocid: null,
        releaseId: null,
        item: `Entry ${index + 1} in the file`,
        reason: "This entry is not a release (it is not a JSON object), so it was skipped.",
      });
      return;
    }
    const release = releaseSchema.parse(value);
    const label = release.id ? `Release "${release.id}"` : `Release ${index + 1} in the file`;
    if (!release.ocid) {
      this.skipAt(index, {
        code: "missing-ocid",
        ocid: null,
        releaseId: release.id ?? null,
        item: label,
        reason: "This release has no ocid (Open Contracting ID), so it cannot be matched to a contract.",
      });
      return;
    }
    const time = release.date ? Date.parse(release.date) : Number.NaN;
    const group = this.byOcid.get(release.ocid);
    const rank = (t: number) => (Number.isNaN(t) ? -Infinity : t);
    const meta = { index, label, releaseId: release.id ?? null };
    if (group && rank(time) < rank(group.latest.time)) {
      group.older.push(meta);
      return;
    }
    const read: ReadRelease = { release: { ...release, ocid: release.ocid }, index, label, time };
    const candidate: Candidate = { ...meta, date: release.date, time, built: buildContract(read) };
    if (group) {
      group.older.push(group.latest);
      group.latest = candidate;
    } else this.byOcid.set(release.ocid, { latest: candidate, older: [] });
  }

  finish(): OcdsParseResult {
    const contracts: ImportedContract[] = [];
    const notes: SkippedItem[] = [];
    for (const [ocid, { latest, older }] of this.byOcid) {
      for (const release of older) {
        this.skipAt(release.index, {
          code: "older-release",
          ocid,
          releaseId: release.releaseId,
          item: release.label,
          reason:
            "An older release of the same contract; the latest release " +
            `(${latest.releaseId ? `"${latest.releaseId}"` : `number ${latest.index + 1} in the file`}, ` +
            `${describeDate(latest.date)}) was read instead.`,
        });
      }
      const built = latest.built;
      if ("error" in built) return fail(built.error);
      if ("skip" in built) this.skipAt(latest.index, built.skip);
      else {
        contracts.push(built.contract);
        notes.push(...built.notes);
      }
    }
    // Release-level skips in file order (a stable sort keeps each release's own order).
    const releaseSkips = this.placed.sort((a, b) => a.index - b.index).map(({ skip }) => skip);
    if (contracts.length === 0) return fail(nothingImported(releaseSkips));
    return { ok: true, contracts, skipped: [...releaseSkips, ...notes] };
  }
}

function describeDate(date: string | undefined): string {
  const day = date ? isoDate(date) : null;
  return day ? `dated ${day}` : "undated";
}

const NOTHING_LABELS: Partial<Record<SkipCode, (n: number) => string>> = {
  "no-award-yet": (n) => `${n} not awarded yet`,
  "no-award-details": (n) => `${n} with no award details`,
  cancelled: (n) => `${n} cancelled before award`,
  "award-cancelled": (n) => `${n} with every award cancelled or unsuccessful`,
  "missing-ocid": (n) => `${n} with no ocid`,
  "not-a-release": (n) =>
    `${n} ${n === 1 ? "entry" : "entries"} that ${n === 1 ? "is" : "are"} not a release`,
  "no-compiled-release": (n) => `${n} ${n === 1 ? "record" : "records"} with no compiled release`,
};

/** The error when a readable file has nothing to import: the one reason, or a count of each. */
function nothingImported(skips: SkippedItem[]): string {
  const decisive = skips.filter((skip) => skip.code !== "older-release");
  const only = decisive.length === 1 ? decisive[0] : undefined;
  if (only) {
    const hint =
      only.code === "no-award-yet"
        ? " Upload the contract award notice once the contract has been awarded."
        : only.code === "missing-ocid" || only.code === "not-a-release"
          ? ` ${DOWNLOAD_HINT}`
          : "";
    return `Nothing to import. ${only.reason}${hint}`;
  }
  if (decisive.length > 0 && decisive.every((skip) => skip.code === "no-award-yet")) {
    return (
      `Nothing to import: none of the ${decisive.length} contracts in this file has been awarded yet ` +
      "(they are planning or tender notices). Upload the contract award notices instead."
    );
  }
  const counts = new Map<SkipCode, number>();
  for (const skip of decisive) counts.set(skip.code, (counts.get(skip.code) ?? 0) + 1);
  const parts = [...counts].map(([code, n]) => NOTHING_LABELS[code]?.(n) ?? `${n} skipped`);
  if (parts.length === 0) return `Nothing in this file could be imported. ${DOWNLOAD_HINT}`;
  return `Nothing in this file could be imported: ${parts.join(", ")}.`;
}

//

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
