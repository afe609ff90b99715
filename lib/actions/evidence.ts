"use server";

import { RedirectType, redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { requireForm } from "@/lib/actions/require-form";
import { runFormAction } from "@/lib/actions/run";
import { NotFoundError } from "@/lib/errors";
import { addEvidence, removeEvidence } from "@/lib/services/evidence";

const fileError = (message: string): FormState => ({
  status: "error",
  errors: [{ href: "#field-file", questionKey: "file", message }],
});

/** Adds a file to the prime's own self-assessment; the service checks who is asking and what the file is. */
export async function addEvidenceAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor, keep) => {
    const fields = requireForm(form);
    const assessmentId = fields.get("assessmentId");
    if (typeof assessmentId !== "string") throw new NotFoundError();
    const principleKey = String(fields.get("principleKey") ?? "");
    keep({ principleKey });
    if (!principleKey) {
      return {
        status: "error",
        errors: [
          {
            href: "#field-principleKey",
            questionKey: "principleKey",
            message: "Choose the principle the file is evidence for",
          },
        ],
        typed: { principleKey },
      };
    }
    const file = fields.get("file");
    if (!(file instanceof File) || file.size === 0)
      return { ...fileError("Choose a file to upload"), typed: { principleKey } };
    const added = await addEvidence(actor, {
      assessmentId,
      principleKey,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    redirect(`/evidence/${assessmentId}?added=${added.id}`, RedirectType.push);
  });
}

/** Removes one of the prime's own files; the service checks who is asking and that nothing is locked. */
export async function removeEvidenceAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor) => {
    const fileId = requireForm(form).get("fileId");
    if (typeof fileId !== "string" || !fileId) {
      return {
        status: "error",
        errors: [{ href: "#field-fileId", questionKey: "fileId", message: "Choose the file to remove" }],
      };
    }
    const { assessmentId } = await removeEvidence(actor, fileId);
    redirect(`/evidence/${assessmentId}?removed=1`, RedirectType.push);
  });
}
