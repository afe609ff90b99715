"use server";

import { RedirectType, redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { readForm } from "@/lib/actions/read-form";
import { requireForm } from "@/lib/actions/require-form";
import { runFormAction } from "@/lib/actions/run";
import { NotFoundError, RuleError } from "@/lib/errors";
import {
  RESPONSE_FIELDS,
  responseSchema,
  VERDICT_FIELDS,
  verdictSchema,
} from "@/lib/evidence/verification-forms";
import { isRecordId } from "@/lib/ids";
import { addEvidence } from "@/lib/services/evidence";
import { recordVerdict, respondToReview } from "@/lib/services/verification";

/** The self-assessment and principle a form is about, from its hidden fields; anything odd is "not found". */
function target(form: FormData) {
  const fields = requireForm(form);
  const assessmentId = fields.get("assessmentId");
  const principleKey = fields.get("principleKey");
  if (!isRecordId(assessmentId) || typeof principleKey !== "string") throw new NotFoundError();
  return { assessmentId, principleKey };
}

const principlePath = (assessmentId: string, principleKey: string) =>
  `/evidence/${assessmentId}/principles/${principleKey}`;

/** "Record verdict": the commissioner's verdict on one principle; the service checks it is theirs to give. */
export async function recordVerdictAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor, keep) => {
    const { assessmentId, principleKey } = target(form);
    const read = readForm(verdictSchema, form, VERDICT_FIELDS);
    if (!read.ok) return read.state;
    keep(read.typed);
    await recordVerdict(actor, { assessmentId, principleKey, ...read.data });
    redirect(`${principlePath(assessmentId, principleKey)}?saved=verdict#history`, RedirectType.push);
  });
}

/**
 * "Send response": the prime's answer to the review of one principle, with a file of evidence if it
 * adds one. The file is checked and stored first: if it is refused, nothing is sent and what was
 * typed stays in the box.
 */
export async function respondAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor, keep) => {
    const { assessmentId, principleKey } = target(form);
    const read = readForm(responseSchema, form, RESPONSE_FIELDS);
    if (!read.ok) return read.state;
    keep(read.typed);
    const file = form.get("file");
    if (file instanceof File && file.size > 0) {
      try {
        await addEvidence(actor, {
          assessmentId,
          principleKey,
          fileName: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
        });
      } catch (error) {
        if (!(error instanceof RuleError)) throw error;
        return {
          status: "error",
          errors: [{ href: "#field-file", questionKey: "file", message: error.message }],
          typed: read.typed,
        };
      }
    }
    await respondToReview(actor, { assessmentId, principleKey, text: read.data.response });
    redirect(`${principlePath(assessmentId, principleKey)}?saved=response#history`, RedirectType.push);
  });
}
