"use server";

import { RedirectType, redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { requireForm } from "@/lib/actions/require-form";
import { runFormAction } from "@/lib/actions/run";
import { NotFoundError } from "@/lib/errors";
import { PERSPECTIVES } from "@/lib/framework";
import { startOrResume } from "@/lib/services/assessments";

const fields = z.object({
  contractId: z.string().min(1).max(64),
  primeId: z.string().min(1).max(64),
  perspective: z.enum(PERSPECTIVES),
});

/** "Start now": opens the actor's draft for the open cycle, creating it the first time. */
export async function startAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor) => {
    const parsed = fields.safeParse(Object.fromEntries(requireForm(form)));
    if (!parsed.success) throw new NotFoundError();
    const id = await startOrResume(actor, parsed.data);
    redirect(`/assessments/${id}`, RedirectType.push);
  });
}
