"use server";

import type { FormState } from "@/lib/actions/form-state";
import { requireForm } from "@/lib/actions/require-form";
import { runFormAction } from "@/lib/actions/run";
import { decodeUpload } from "@/lib/ocds/decode";
import { DEFAULT_MAX_BYTES, tooLargeMessage } from "@/lib/ocds/limits";
import { parseOcds } from "@/lib/ocds/parse";
import { type ImportReport, importContracts } from "@/lib/services/ocds-import";

export type ImportState = FormState & { report?: ImportReport };

const fileError = (message: string): ImportState => ({
  status: "error",
  errors: [{ href: "#field-file", questionKey: "file", message }],
});

/** Imports an uploaded OCDS file. An invalid file gets one clear message and changes nothing. */
export async function importOcdsAction(_previous: ImportState, form: FormData): Promise<ImportState> {
  return runFormAction(async (actor) => {
    const file = requireForm(form).get("file");
    if (!(file instanceof File) || file.size === 0) return fileError("Choose a JSON file to upload");
    if (file.size > DEFAULT_MAX_BYTES) return fileError(tooLargeMessage(file.size));
    const decoded = decodeUpload(new Uint8Array(await file.arrayBuffer()));
    const parsed = parseOcds(decoded.text);
    if (!parsed.ok) return fileError(parsed.error);
    const report = await importContracts(actor, parsed.contracts);
    const skipped = [...parsed.skipped.map((s) => ({ item: s.item, reason: s.reason })), ...report.skipped];
    const notes = [...(decoded.note ? [{ item: "The file", reason: decoded.note }] : []), ...report.notes];
    return { status: "idle", errors: [], report: { ...report, skipped, notes } };
  });
}
