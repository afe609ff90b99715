"use server";

import type { FormState } from "@/lib/actions/form-state";
import { requireForm } from "@/lib/actions/require-form";
import { runFormAction } from "@/lib/actions/run";
import { DEFAULT_MAX_BYTES, parseOcds } from "@/lib/ocds/parse";
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
    if (file.size > DEFAULT_MAX_BYTES) return fileError("The file must be smaller than 5 MB");
    const parsed = parseOcds(await file.text());
    if (!parsed.ok) return fileError(parsed.error);
    const report = await importContracts(actor, parsed.contracts);
    const skipped = [...parsed.skipped.map((s) => ({ item: s.item, reason: s.reason })), ...report.skipped];
    return { status: "idle", errors: [], report: { ...report, skipped } };
  });
}
