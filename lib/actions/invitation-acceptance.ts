"use server";

import { RedirectType, redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { requireForm } from "@/lib/actions/require-form";
import { runSignedInFormAction } from "@/lib/actions/run";
import { acceptInvitation, UNUSABLE_MESSAGE } from "@/lib/services/invitation-acceptance";

/** "Accept and start": joins the invited organisation (or asks to) and opens the questionnaire. */
export async function acceptInvitationAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runSignedInFormAction(async (user) => {
    const token = requireForm(form).get("token");
    if (typeof token !== "string") return { status: "error", message: UNUSABLE_MESSAGE, errors: [] };
    const outcome = await acceptInvitation(token, user);
    if (outcome.kind === "asked") redirect("/account?asked=1", RedirectType.push);
    redirect(`/assessments/${outcome.assessmentId}`, RedirectType.push);
  });
}
