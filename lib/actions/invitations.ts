"use server";

import { RedirectType, redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { readForm } from "@/lib/actions/read-form";
import { requireForm } from "@/lib/actions/require-form";
import { runFormAction } from "@/lib/actions/run";
import { NotFoundError } from "@/lib/errors";
import { INVITE_FIELDS, inviteSchema } from "@/lib/invitations/form";
import { createInvitation } from "@/lib/services/invitations";

/** "Send invitation": the service decides whether this actor may invite this organisation. */
export async function inviteAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor, keep) => {
    const contractId = requireForm(form).get("contractId");
    if (typeof contractId !== "string" || contractId.length === 0 || contractId.length > 64) {
      throw new NotFoundError();
    }
    const read = readForm(inviteSchema, form, INVITE_FIELDS);
    if (!read.ok) return read.state;
    keep(read.typed);
    const sent = await createInvitation(actor, { contractId, ...read.data.invitee, email: read.data.email });
    // The banner names the address from the invitation itself, so no address travels in the URL.
    redirect(`/contracts/${contractId}/invitations?sent=${sent.id}`, RedirectType.push);
  });
}
