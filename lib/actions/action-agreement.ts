"use server";

import { RedirectType, redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { requireForm } from "@/lib/actions/require-form";
import { runFormAction } from "@/lib/actions/run";
import type { Actor } from "@/lib/auth/types";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { agreeAction, markActionDone } from "@/lib/services/action-agreement";

const id = z.string().min(1).max(64);
const target = z.object({ contractId: id, primeId: id, itemId: id, cycleId: id.optional() });

/** The hidden fields of an agreement form; tampered ones are "not found". */
function read(form: unknown) {
  const fields = requireForm(form);
  const parsed = target.safeParse({
    contractId: fields.get("contractId"),
    primeId: fields.get("primeId"),
    itemId: fields.get("itemId"),
    cycleId: fields.get("cycleId") || undefined,
  });
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}

const packPath = (t: { contractId: string; primeId: string; cycleId?: string }, saved: string) =>
  `/contracts/${t.contractId}/primes/${t.primeId}/report/pack?${t.cycleId ? `cycle=${t.cycleId}&` : ""}saved=${saved}#actions`;

/**
 * Runs one change, then shows the pack again. When a colleague got there first (another tab, another
 * person), nothing is overwritten and the pack says so: it shows who did it and when, which is what
 * the person wanted to see, so it is a notice rather than an error beside a form that has gone.
 */
async function change(
  form: FormData,
  work: (actor: Actor, itemId: string) => Promise<void>,
  saved: string,
): Promise<FormState> {
  return runFormAction(async (actor) => {
    const t = read(form);
    let outcome = saved;
    try {
      await work(actor, t.itemId);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      outcome = `already-${saved}`;
    }
    redirect(packPath(t, outcome), RedirectType.push);
  });
}

/** "Mark agreed": the commissioner agrees one of the prime's actions (the service checks who). */
export async function agreeActionAction(_previous: FormState, form: FormData): Promise<FormState> {
  return change(form, (actor, itemId) => agreeAction(actor, itemId), "agreed");
}

/** "Mark done": the commissioner confirms one of the prime's actions was carried out. */
export async function markActionDoneAction(_previous: FormState, form: FormData): Promise<FormState> {
  return change(form, (actor, itemId) => markActionDone(actor, itemId), "done");
}
