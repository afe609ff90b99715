"use server";

import { headers } from "next/headers";
import { RedirectType, redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { readForm } from "@/lib/actions/read-form";
import { RuleError } from "@/lib/errors";
import { ACCOUNT_REQUEST_FIELDS, accountRequestSchema } from "@/lib/onboarding/forms";
import { requestAccount } from "@/lib/services/account-requests";

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
