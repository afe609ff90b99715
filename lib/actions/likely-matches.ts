"use server";

import { RedirectType, redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { requireForm } from "@/lib/actions/require-form";
import { runFormAction } from "@/lib/actions/run";
import { NotFoundError } from "@/lib/errors";
import { recordId } from "@/lib/ids";
import { decideLikelyMatch } from "@/lib/services/likely-matches";

const decisionSchema = z.object({
  matchId: recordId,
  decision: z.enum(["approve", "decline"], { error: "Choose whether they are the same organisation" }),
});

/** "The same organisation" (approve) or "different" (decline); the service checks who is asking. */
export async function decideLikelyMatchAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor) => {
    const parsed = decisionSchema.safeParse(Object.fromEntries(requireForm(form)));
    if (!parsed.success) {
      const decision = parsed.error.issues.find((issue) => issue.path[0] === "decision");
      if (!decision) throw new NotFoundError();
      return { status: "error", message: decision.message, errors: [] };
    }
    const same = parsed.data.decision === "approve";
    const { runId } = await decideLikelyMatch(actor, { matchId: parsed.data.matchId, same });
    redirect(`/contracts/import/${runId ?? ""}?decided=${same ? "same" : "different"}`, RedirectType.push);
  });
}
