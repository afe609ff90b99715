"use server";

import { RedirectType, redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { requireForm } from "@/lib/actions/require-form";
import { runFormAction } from "@/lib/actions/run";
import { DEFAULT_MAX_BYTES, tooLargeMessage } from "@/lib/ocds/limits";
import { queueImport } from "@/lib/services/import-runs";

export type ImportState = FormState;

const fileError = (message: string): ImportState => ({
  status: "error",
  errors: [{ href: "#field-file", questionKey: "file", message }],
});

/**
 * Stores an uploaded OCDS file and queues its import, then shows the import's own page, where its
 * progress and result appear; a file the worker cannot read is refused there, beside the field.
 */
export async function importOcdsAction(_previous: ImportState, form: FormData): Promise<ImportState> {
  let runId: string | undefined;
  const state = await runFormAction(async (actor) => {
    const file = requireForm(form).get("file");
    if (!(file instanceof File) || file.size === 0) return fileError("Choose a JSON file to upload");
    if (file.size > DEFAULT_MAX_BYTES) return fileError(tooLargeMessage(file.size));
    // Stored as uploaded: the worker decodes and reads it (docs/decisions/0018).
    runId = await queueImport(actor, {
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return { status: "idle", errors: [] };
  });
  if (runId) redirect(`/contracts/import/${runId}`, RedirectType.push);
  return state;
}
