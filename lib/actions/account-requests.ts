"use server";

import { headers } from "next/headers";
import { RedirectType, redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { readForm } from "@/lib/actions/read-form";
import { requireForm } from "@/lib/actions/require-form";
import { runSignedInFormAction } from "@/lib/actions/run";
import { NotFoundError, RuleError } from "@/lib/errors";
import { ACCOUNT_REQUEST_FIELDS, accountDecisionSchema, accountRequestSchema } from "@/lib/onboarding/forms";
import { decideAccountRequest, requestAccount } from "@/lib/services/account-requests";

/** Anyone may ask; nothing is made until an operator approves. Limited per client address. */
export async function requestAccountAction(_previous: FormState, form: FormData): Promise<FormState> {
  const read = readForm(accountRequestSchema, form, ACCOUNT_REQUEST_FIELDS);
  if (!read.ok) return read.state;
  // The load balancer's X-Forwarded-For, as Better Auth reads it for its own limits (docs/deploy.md).
  const client = (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() || "direct";
  try {
    await requestAccount(read.data, { client });
  } catch (error) {
    if (error instanceof RuleError)
      return { status: "error", message: error.message, errors: [], typed: read.typed };
    throw error;
  }
  redirect("/request-account?sent=1", RedirectType.push);
}

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
