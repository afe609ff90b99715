/**
 * One contract per contracting process (ocid), from its latest release: releases are taken one at
 * a time as the file is read (parse.ts), each built into its contract at once (contract.ts), and
 * only the latest per ocid kept. Also the messages for a file with nothing to import.
 */
import { type Built, buildContract, isoDate, type ReadRelease } from "./contract";
import { releaseSchema, tidy } from "./schema";
import type { ListName } from "./stream";
import type { ImportedContract, OcdsParseResult, SkipCode, SkippedItem } from "./types";

export const DOWNLOAD_HINT =
  "Download the OCDS JSON file again from Contracts Finder or Find a Tender and upload it without editing.";

export const fail = (error: string): OcdsParseResult => ({ ok: false, error });

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An OCDS record on its own (not in a record package): an ocid with its compiled release. */
export function isRecord(value: Record<string, unknown>): boolean {
  return "ocid" in value && isObject(value.compiledRelease);
}

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
export class ReleaseReader {
  private readonly byOcid = new Map<string, { latest: Candidate; older: Older[] }>();
  private readonly placed: PlacedSkip[] = [];

  /** `lineOf` says which line of a JSON Lines file an entry is on, so labels can name it. */
  constructor(private readonly lineOf?: (index: number) => number) {}

  /** How an entry is named: by its id when it has one, else by where it is. */
  label(kind: "Release" | "Entry" | "Record", index: number, id?: string | null): string {
    const line = this.lineOf ? ` on line ${this.lineOf(index)}` : "";
    if (id) return `${kind} "${id}"${line}`;
    return line ? `${kind}${line}` : `${kind} ${index + 1} in the file`;
  }

  skipAt(index: number, skip: SkippedItem): void {
    this.placed.push({ index, skip });
  }

  add(value: unknown, index: number): void {
    if (!isObject(value)) {
      this.skipAt(index, {
        code: "not-a-release",
        ocid: null,
        releaseId: null,
        item: this.label("Entry", index),
        reason: "This entry is not a release (it is not a JSON object), so it was skipped.",
      });
      return;
    }
    const release = releaseSchema.parse(value);
    const label = this.label("Release", index, release.id);
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

/** A release from the releases list, or a record's compiled release from the records list. */
export function readEntry(
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
    item: reader.label("Record", index, ocid),
    reason: "This record has no compiled release, so the contract's current state cannot be read.",
  });
}
