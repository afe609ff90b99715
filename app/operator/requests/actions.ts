"use server";

import { RedirectType, redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { requireForm } from "@/lib/actions/require-form";
import { runSignedInFormAction } from "@/lib/actions/run";
import { NotFoundError } from "@/lib/errors";
import { accountDecisionSchema } from "@/lib/onboarding/forms";
import { decideAccountRequest } from "@/lib/services/account-requests";

/** The service checks, for every call, that the person is an operator. */
export async function decideAccountRequestAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runSignedInFormAction(async (user) => {
    const parsed = accountDecisionSchema.safeParse(Object.fromEntries(requireForm(form)));
    if (!parsed.success) {
      const decision = parsed.error.issues.find((issue) => issue.path[0] === "decision");
      if (!decision) throw new NotFoundError();
      return { status: "error", message: decision.message, errors: [] };
    }
    const { approved } = await decideAccountRequest(
      user.id,
      parsed.data.requestId,
      parsed.data.decision === "approve",
    );
    redirect(`/operator/requests?${approved ? "approved" : "declined"}=1`, RedirectType.push);
  });
}
