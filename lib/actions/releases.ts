"use server";

import { RedirectType, redirect } from "next/navigation";
import type { FormState } from "@/lib/actions/form-state";
import { releaseFromForm, thresholdsFromForm } from "@/lib/actions/release-form";
import { runFormAction } from "@/lib/actions/run";

/** Releases a period's closed cycles of the acting administrator's programme, then shows what came of it. */
export async function releasePeriodAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor) => {
    const result = await releaseFromForm(actor, form);
    if (!result.ok) return result.state;
    const { period, releaseId, scopes } = result.outcome;
    const query = new URLSearchParams({ released: period, scopes: releaseId ? String(scopes) : "0" });
    redirect(`/reports/releases?${query}#result`, RedirectType.push);
  });
}

/** Raises the programme's release thresholds; lowering is refused with the reason. */
export async function raiseThresholdsAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor) => {
    const result = await thresholdsFromForm(actor, form);
    if (!result.ok) return result.state;
    const { score, category } = result.thresholds;
    redirect(`/reports/releases?thresholds=${score}-${category}#thresholds`, RedirectType.push);
  });
}
