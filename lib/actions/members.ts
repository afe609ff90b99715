"use server";

import { RedirectType, redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { requireForm } from "@/lib/actions/require-form";
import { runFormAction } from "@/lib/actions/run";
import { NotFoundError } from "@/lib/errors";
import { joinDecisionSchema, removeMemberSchema, roleChangeSchema } from "@/lib/members/forms";
import { decideJoinRequest } from "@/lib/services/join-requests";
import { changeRole, removeMember } from "@/lib/services/members";

/** Who may do this is decided in the service, inside its transaction, for every call. */
export async function changeRoleAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor) => {
    const parsed = roleChangeSchema.safeParse(Object.fromEntries(requireForm(form)));
    if (!parsed.success) {
      const role = parsed.error.issues.find((issue) => issue.path[0] === "role");
      if (!role) throw new NotFoundError();
      return { status: "error", message: role.message, errors: [] };
    }
    await changeRole(actor, parsed.data.membershipId, parsed.data.role);
    redirect(`/account/members?changed=${encodeURIComponent(parsed.data.membershipId)}`, RedirectType.push);
  });
}

export async function removeMemberAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor) => {
    const parsed = removeMemberSchema.safeParse(Object.fromEntries(requireForm(form)));
    if (!parsed.success) throw new NotFoundError();
    await removeMember(actor, parsed.data.membershipId);
    redirect("/account/members?removed=1", RedirectType.push);
  });
}

/** An administrator lets someone join, or not. The service re-checks, under a lock, that they may. */
export async function decideJoinAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor) => {
    const parsed = joinDecisionSchema.safeParse(Object.fromEntries(requireForm(form)));
    if (!parsed.success) {
      const decision = parsed.error.issues.find((issue) => issue.path[0] === "decision");
      if (!decision) throw new NotFoundError();
      return { status: "error", message: decision.message, errors: [] };
    }
    const { approved } = await decideJoinRequest(
      actor,
      parsed.data.requestId,
      parsed.data.decision === "approve",
    );
    redirect(`/account/members?${approved ? "joined" : "declined"}=1`, RedirectType.push);
  });
}
