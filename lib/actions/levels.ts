"use server";

import { RedirectType, redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { requireForm } from "@/lib/actions/require-form";
import { runFormAction } from "@/lib/actions/run";
import { NotFoundError } from "@/lib/errors";
import { isRecordId } from "@/lib/ids";
import { confirmLevel } from "@/lib/services/levels";

/** "Confirm level": the commissioner confirms the level the rule gives now; the service works it out again. */
export async function confirmLevelAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor) => {
    const fields = requireForm(form);
    const assessmentId = fields.get("assessmentId");
    if (!isRecordId(assessmentId)) throw new NotFoundError();
    // A checkbox: sent as "yes" when ticked, absent otherwise.
    const confirmed = await confirmLevel(actor, { assessmentId, publish: fields.get("publish") === "yes" });
    // A new address each time: redirecting to the page already shown would not fetch it again.
    redirect(`/evidence/${assessmentId}?confirmed=${confirmed.id}#level-heading`, RedirectType.push);
  });
}
