"use server";

import { RedirectType, redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { readForm } from "@/lib/actions/read-form";
import { runSignedInFormAction } from "@/lib/actions/run";
import { RuleError } from "@/lib/errors";
import { RECORD_ID } from "@/lib/ids";
import { mergeOrganisations } from "@/lib/services/organisation-merge";

const mergeSchema = z.object({
  keptId: z.string().regex(RECORD_ID, "Choose the organisation to keep"),
  duplicateId: z.string().regex(RECORD_ID, "Choose the duplicate to merge into it"),
  q: z.string().max(200),
});

const MERGE_FIELDS = ["keptId", "duplicateId", "q"] as const;

/** Merges two organisations; the service checks, for every call, that the person is an operator. */
export async function mergeOrganisationsAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runSignedInFormAction(async (user) => {
    const read = readForm(mergeSchema, form, MERGE_FIELDS);
    if (!read.ok) return read.state;
    const { keptId, duplicateId, q } = read.data;
    try {
      await mergeOrganisations(user.id, { keptId, duplicateId });
    } catch (error) {
      // A refusal keeps the choices made, so the operator can change one of them.
      if (error instanceof RuleError) {
        return {
          status: "error",
          errors: [{ href: "#field-duplicateId", questionKey: "duplicateId", message: error.message }],
          typed: read.typed,
        };
      }
      throw error;
    }
    redirect(
      `/operator/organisations?merged=${encodeURIComponent(keptId)}&q=${encodeURIComponent(q)}`,
      RedirectType.push,
    );
  });
}
