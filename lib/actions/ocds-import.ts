"use server";

import { RedirectType, redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { requireForm } from "@/lib/actions/require-form";
import { runFormAction } from "@/lib/actions/run";
import { decodeUpload } from "@/lib/ocds/decode";
import { DEFAULT_MAX_BYTES, READ_IN_REQUEST_BYTES, tooLargeMessage } from "@/lib/ocds/limits";
import { parseOcdsBytes } from "@/lib/ocds/parse";
import { queueImport } from "@/lib/services/import-runs";

export type ImportState = FormState;

const fileError = (message: string): ImportState => ({
  status: "error",
  errors: [{ href: "#field-file", questionKey: "file", message }],
});

/**
 * Stores an uploaded OCDS file and queues its import, then shows the import's own page, where its
 * progress and result appear. A small file that cannot be read is refused here, beside the field;
 * a large one is read in the background and refused on its import's page, beside the field there.
 */
export async function importOcdsAction(_previous: ImportState, form: FormData): Promise<ImportState> {
  let runId: string | undefined;
  const state = await runFormAction(async (actor) => {
    const file = requireForm(form).get("file");
    if (!(file instanceof File) || file.size === 0) return fileError("Choose a JSON file to upload");
    if (file.size > DEFAULT_MAX_BYTES) return fileError(tooLargeMessage(file.size));
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.length <= READ_IN_REQUEST_BYTES) {
      const parsed = parseOcdsBytes(decodeUpload(bytes).utf8);
      if (!parsed.ok) return fileError(parsed.error);
    }
    // Stored as uploaded: the worker decodes and reads it (docs/decisions/0018).
    runId = await queueImport(actor, { fileName: file.name, bytes });
    return { status: "idle", errors: [] };
  });
  if (runId) redirect(`/contracts/import/${runId}`, RedirectType.push);
  return state;
}
