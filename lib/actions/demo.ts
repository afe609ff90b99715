"use server";

import { cookies } from "next/headers";
import { notFound, RedirectType, redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { isForm } from "@/lib/actions/require-form";
import { DEMO_ORG_COOKIE } from "@/lib/auth/demo-cookie";
import { safeNext } from "@/lib/auth/forms";
import { env } from "@/lib/env";
import { findDemoOrganisation } from "@/lib/services/organisations";

const fields = z.object({
  organisationId: z.string().min(1, "Choose an organisation").max(64),
  next: z.string().optional(),
});

export async function chooseOrganisationAction(_previous: FormState, form: FormData): Promise<FormState> {
  if (!isForm(form)) notFound();
  const parsed = fields.safeParse({
    organisationId: form.get("organisationId") ?? "",
    next: form.get("next") ?? undefined,
  });
  const error = (message: string): FormState => ({
    status: "error",
    errors: [{ href: "#organisation", questionKey: "organisationId", message }],
  });
  if (env().DEMO_MODE !== "on")
    return { status: "error", message: "The demo is switched off here.", errors: [] };
  if (!parsed.success) return error("Choose an organisation");
  const organisation = await findDemoOrganisation(parsed.data.organisationId);
  if (!organisation) return error("Choose one of the organisations listed");
  // Acting for an invented demo organisation needs no account, so this cookie carries no secret:
  // it names a demo organisation, and currentActor() honours it only for those, with the demo on.
  (await cookies()).set(DEMO_ORG_COOKIE, organisation.id, {
    httpOnly: true,
    sameSite: "lax",
    secure: env().APP_URL.startsWith("https://"),
    path: "/",
  });
  redirect(safeNext(parsed.data.next), RedirectType.push);
}

/** Stop acting for a demo organisation: the visitor is back where nobody is acting for anyone. */
export async function leaveDemoAction(): Promise<void> {
  (await cookies()).delete(DEMO_ORG_COOKIE);
  redirect("/", RedirectType.push);
}
