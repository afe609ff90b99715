import "server-only";
import { notFound, unstable_rethrow } from "next/navigation";
import { currentUser, requireActor } from "@/lib/auth/actor";
import type { Actor, SignedInUser } from "@/lib/auth/types";
import { markDatabaseSuspect } from "@/lib/db/availability";
import { ConflictError, ForbiddenError, NotFoundError, RuleError } from "@/lib/errors";
import type { TypedValues } from "@/lib/questionnaire/form";
import type { FormState } from "./form-state";

/**
 * Every form action goes through here: it finds who is asking (failing closed), runs the work, and
 * turns expected errors into a message for the page. Unexpected errors are logged in full and the
 * person sees a generic message. Redirects and not-found pass through.
 */
export async function runFormAction(
  work: (actor: Actor, keep: (typed: TypedValues) => void) => Promise<FormState>,
): Promise<FormState> {
  // What the person typed, once the work has read it, so an error never loses it.
  let typed: TypedValues | undefined;
  try {
    return await work(await requireActor(), (values) => {
      typed = values;
    });
  } catch (error) {
    return errorState(error, typed);
  }
}

/**
 * The same, for the few actions a signed-in person takes before they act for any organisation
 * (accepting an invitation is how they join one): it asks who is signed in instead, failing closed.
 */
export async function runSignedInFormAction(
  work: (user: SignedInUser) => Promise<FormState>,
): Promise<FormState> {
  try {
    const user = await currentUser();
    if (!user) throw new ForbiddenError("Sign in first.");
    return await work(user);
  } catch (error) {
    return errorState(error, undefined);
  }
}

function errorState(error: unknown, typed: TypedValues | undefined): FormState {
  unstable_rethrow(error);
  if (error instanceof NotFoundError) notFound();
  if (error instanceof ForbiddenError || error instanceof ConflictError || error instanceof RuleError) {
    return { status: "error", message: error.message, errors: [], typed };
  }
  console.error("form action failed", error);
  // Perhaps the database went away: the next page checks before it renders.
  markDatabaseSuspect();
  return {
    status: "error",
    message: "Sorry, something went wrong and your answers were not saved. Try again in a moment.",
    errors: [],
    typed,
  };
}
