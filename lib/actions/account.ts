"use server";

import { cookies } from "next/headers";
import { RedirectType, redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { readForm } from "@/lib/actions/read-form";
import { isForm } from "@/lib/actions/require-form";
import { runSignedInFormAction } from "@/lib/actions/run";
import { currentUser } from "@/lib/auth/actor";
import { ACCOUNT_NOT_DELETABLE } from "@/lib/auth/auth";
import { DEMO_ORG_COOKIE } from "@/lib/auth/demo-cookie";
import { callAuth } from "@/lib/auth/endpoint";
import {
  type AuthFailure,
  deleteAccountSchema,
  forgotSchema,
  resetFailure,
  resetSchema,
  safeNext,
  signInFailure,
  signInSchema,
  signUpFailure,
  signUpSchema,
  TOO_MANY,
} from "@/lib/auth/forms";
import { markDatabaseSuspect } from "@/lib/db/availability";
import { AUDIT_ACTIONS, recordAudit } from "@/lib/services/audit";
import { listMemberships, switchOrganisation } from "@/lib/services/memberships";

export async function signInAction(_previous: FormState, form: FormData): Promise<FormState> {
  const read = readForm(signInSchema, form, ["email", "password"]);
  if (!read.ok) return read.state;
  const result = await callAuth("/sign-in/email", { email: read.data.email, password: read.data.password });
  if (!result.ok) {
    return failed(signInFailure(result.status), "email", read.typed);
  }
  (await cookies()).delete(DEMO_ORG_COOKIE);
  await recordSignIn(result.data);
  redirect(safeNext(form.get("next"), "/account"), RedirectType.push);
}

/** One entry in the log of each organisation the person belongs to. */
async function recordSignIn(data: unknown) {
  const user = (data as { user?: { id?: unknown; name?: unknown } } | null)?.user;
  if (typeof user?.id !== "string") return;
  for (const membership of await listMemberships(user.id)) {
    await recordAudit({
      organisationId: membership.organisationId,
      userId: user.id,
      action: AUDIT_ACTIONS.signIn,
      summary: `${typeof user.name === "string" ? user.name : "A member"} signed in`,
    });
  }
}

/**
 * A failed account form: a problem on our side above the form (and the database checked again),
 * the person's mistake beside the field.
 */
function failed(failure: AuthFailure, field: string, typed: FormState["typed"]): FormState {
  if (failure.kind === "service") {
    markDatabaseSuspect();
    return { status: "error", message: failure.message, errors: [], typed };
  }
  return {
    status: "error",
    errors: [{ href: `#field-${field}`, questionKey: field, message: failure.message }],
    typed,
  };
}

export async function signUpAction(_previous: FormState, form: FormData): Promise<FormState> {
  const read = readForm(signUpSchema, form, ["name", "email", "password"]);
  if (!read.ok) return read.state;
  const result = await callAuth("/sign-up/email", read.data);
  if (!result.ok) {
    return failed(signUpFailure(result.status, result.code), "email", read.typed);
  }
  (await cookies()).delete(DEMO_ORG_COOKIE);
  redirect(safeNext(form.get("next"), "/account"), RedirectType.push);
}

export async function signOutAction(): Promise<void> {
  await callAuth("/sign-out", {});
  redirect("/", RedirectType.push);
}

export async function forgotPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const read = readForm(forgotSchema, form, ["email"]);
  if (!read.ok) return read.state;
  const result = await callAuth("/request-password-reset", {
    email: read.data.email,
    redirectTo: "/reset-password",
  });
  if (!result.ok && result.status === 429) {
    return {
      status: "error",
      errors: [{ href: "#field-email", questionKey: "email", message: TOO_MANY }],
      typed: read.typed,
    };
  }
  // The same answer whether or not an account exists, so the page cannot be used to find accounts.
  redirect("/forgot-password?sent=1", RedirectType.push);
}

export async function resetPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const read = readForm(resetSchema, form, ["token", "password"]);
  if (!read.ok) return read.state;
  const result = await callAuth("/reset-password", {
    token: read.data.token,
    newPassword: read.data.password,
  });
  if (!result.ok) {
    const failure = resetFailure(result.status);
    if (failure.kind === "service") markDatabaseSuspect();
    return { status: "error", message: failure.message, errors: [], typed: {} };
  }
  redirect("/sign-in?reset=1", RedirectType.push);
}

export async function switchOrganisationAction(_previous: FormState, form: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user) redirect("/sign-in?next=/account");
  const organisationId = isForm(form) ? form.get("organisationId") : null;
  if (
    typeof organisationId !== "string" ||
    !(await switchOrganisation(user.sessionId, user.id, organisationId))
  ) {
    return { status: "error", message: "You are not a member of that organisation.", errors: [] };
  }
  redirect("/dashboard", RedirectType.push);
}

/**
 * "Delete my account": Better Auth checks the password (rate limited, through its handler) and
 * calls our erasure (lib/services/account-deletion.ts), then expires the session cookie.
 */
export async function deleteAccountAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runSignedInFormAction(async () => {
    const read = readForm(deleteAccountSchema, form, ["password"]);
    if (!read.ok) return read.state;
    const result = await callAuth("/delete-user", { password: read.data.password });
    if (!result.ok) {
      if (result.code === ACCOUNT_NOT_DELETABLE) {
        return {
          status: "error",
          message: result.message ?? "Your account cannot be deleted yet.",
          errors: [],
        };
      }
      const message =
        result.status === 429
          ? TOO_MANY
          : result.code === "INVALID_PASSWORD"
            ? "That is not your password. Enter the password you sign in with."
            : null;
      if (!message) {
        console.error("account deletion failed", { status: result.status, code: result.code });
        return {
          status: "error",
          message: "Sorry, your account could not be deleted. Try again in a moment.",
          errors: [],
        };
      }
      return { status: "error", errors: [{ href: "#field-password", questionKey: "password", message }] };
    }
    (await cookies()).delete(DEMO_ORG_COOKIE);
    redirect("/account/deleted", RedirectType.push);
  });
}
