"use server";

import { RedirectType, redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { readForm } from "@/lib/actions/read-form";
import { runFormAction } from "@/lib/actions/run";
import { addOwnIdentifier, NOT_AN_IDENTIFIER } from "@/lib/services/organisation-identities";

const identifierSchema = z.object({
  identifier: z.string().trim().min(1, NOT_AN_IDENTIFIER).max(80, NOT_AN_IDENTIFIER),
});

/** Records a number the acting administrator's organisation is known by; the service checks who is asking. */
export async function addIdentifierAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor, keep) => {
    const read = readForm(identifierSchema, form, ["identifier"]);
    if (!read.ok) return read.state;
    keep(read.typed);
    const written = await addOwnIdentifier(actor, read.data.identifier);
    redirect(`/account/organisation?added=${encodeURIComponent(written)}`, RedirectType.push);
  });
}
