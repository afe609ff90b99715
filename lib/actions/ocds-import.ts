"use server";

import { RedirectType, redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { requireForm } from "@/lib/actions/require-form";
import { runFormAction } from "@/lib/actions/run";
import { decodeUpload } from "@/lib/ocds/decode";
import { DEFAULT_MAX_BYTES, tooLargeMessage } from "@/lib/ocds/limits";
import { parseOcds } from "@/lib/ocds/parse";
import { queueImport } from "@/lib/services/import-runs";

export type ImportState = FormState;

const fileError = (message: string): ImportState => ({
  status: "error",
  errors: [{ href: "#field-file", questionKey: "file", message }],
});

/**
 * Reads an uploaded OCDS file and queues its import, then shows the import's own page, where its
 * progress and result appear. A file that cannot be read gets one clear message and changes nothing.
 */
export async function importOcdsAction(_previous: ImportState, form: FormData): Promise<ImportState> {
  let runId: string | undefined;
  const state = await runFormAction(async (actor) => {
    const file = requireForm(form).get("file");
    if (!(file instanceof File) || file.size === 0) return fileError("Choose a JSON file to upload");
    if (file.size > DEFAULT_MAX_BYTES) return fileError(tooLargeMessage(file.size));
    const decoded = decodeUpload(new Uint8Array(await file.arrayBuffer()));
    const parsed = parseOcds(decoded.text);
    if (!parsed.ok) return fileError(parsed.error);
    runId = await queueImport(actor, {
      fileName: file.name,
      contracts: parsed.contracts,
      skipped: parsed.skipped.map((s) => ({ item: s.item, reason: s.reason })),
      notes: decoded.note ? [{ item: "The file", reason: decoded.note }] : [],
    });
    return { status: "idle", errors: [] };
  });
  if (runId) redirect(`/contracts/import/${runId}`, RedirectType.push);
  return state;
}
