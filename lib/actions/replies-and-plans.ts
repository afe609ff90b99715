"use server";

import { RedirectType, redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { readForm } from "@/lib/actions/read-form";
import { requireForm } from "@/lib/actions/require-form";
import { runFormAction } from "@/lib/actions/run";
import { NotFoundError } from "@/lib/errors";
import { PRINCIPLE_KEYS } from "@/lib/framework";
import {
  ACTION_FIELDS,
  actionItemSchema,
  actionStatusSchema,
  REPLY_FIELDS,
  replySchema,
} from "@/lib/reports/forms";
import { addActionItem, saveReplies, setActionStatus } from "@/lib/services/replies-and-plans";

const id = z.string().min(1).max(64);
const where = z.object({ contractId: id, primeId: id });
const reportPath = (contractId: string, primeId: string) =>
  `/contracts/${contractId}/primes/${primeId}/report`;

function target(form: FormData) {
  const fields = requireForm(form);
  const parsed = where.safeParse({ contractId: fields.get("contractId"), primeId: fields.get("primeId") });
  if (!parsed.success) throw new NotFoundError();
  return parsed.data;
}

/** "Save replies": the prime's reply to its partners' view of each principle, for one cycle. */
export async function saveRepliesAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor, keep) => {
    const { contractId, primeId } = target(form);
    const cycleId = id.safeParse(form.get("cycleId"));
    if (!cycleId.success) throw new NotFoundError();
    const read = readForm(replySchema, form, REPLY_FIELDS);
    if (!read.ok) return read.state;
    keep(read.typed);
    await saveReplies(actor, {
      contractId,
      primeId,
      cycleId: cycleId.data,
      replies: Object.fromEntries(PRINCIPLE_KEYS.map((key) => [key, read.data[`reply-${key}`]])),
    });
    redirect(
      `${reportPath(contractId, primeId)}?cycle=${cycleId.data}&saved=replies#replies`,
      RedirectType.push,
    );
  });
}

/** "Add to the plan": one action the prime will take. */
export async function addPlanItemAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor, keep) => {
    const { contractId, primeId } = target(form);
    const read = readForm(actionItemSchema, form, ACTION_FIELDS);
    if (!read.ok) return read.state;
    keep(read.typed);
    await addActionItem(actor, { contractId, primeId, ...read.data });
    redirect(`${reportPath(contractId, primeId)}?saved=action#action-plan`, RedirectType.push);
  });
}

/** "Update": moves one action to planned, in progress or done. */
export async function setActionStatusAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor) => {
    const { contractId, primeId } = target(form);
    const itemId = id.safeParse(form.get("itemId"));
    if (!itemId.success) throw new NotFoundError();
    const read = readForm(actionStatusSchema, form, ["status"]);
    if (!read.ok) return read.state;
    await setActionStatus(actor, itemId.data, read.data.status);
    redirect(`${reportPath(contractId, primeId)}?saved=status#action-plan`, RedirectType.push);
  });
}
