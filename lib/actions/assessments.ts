"use server";

import { RedirectType, redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/lib/actions/form-state";
import { requireForm } from "@/lib/actions/require-form";
import { runFormAction } from "@/lib/actions/run";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { PERSPECTIVES, PRINCIPLE_KEYS, principleQuestions } from "@/lib/framework";
import { readPage } from "@/lib/questionnaire/form";
import { nextPageAfter } from "@/lib/questionnaire/routes";
import {
  getOwnAssessment,
  savePrinciple,
  startCorrection,
  startOrResume,
  submit,
} from "@/lib/services/assessments";

const pageFields = z.object({
  assessmentId: z.string().min(1).max(64),
  principle: z.enum(PRINCIPLE_KEYS),
  revision: z.coerce.number().int().min(0),
  intent: z.enum(["continue", "save"]).catch("save"),
});

/** Saves one principle page. "Save and continue" needs every question answered; "save" does not. */
export async function savePrincipleAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor, keep) => {
    const fields = pageFields.safeParse(Object.fromEntries(requireForm(form)));
    if (!fields.success) throw new NotFoundError();
    const { assessmentId, principle, revision, intent } = fields.data;
    const assessment = await getOwnAssessment(actor, assessmentId);
    const questions = principleQuestions(assessment.framework, principle, assessment.perspective);
    const page = readPage(questions, form, { requireAll: intent === "continue" });
    keep(page.typed);
    if (page.errors.length > 0) return { status: "error", errors: page.errors, typed: page.typed, revision };
    try {
      await savePrinciple(actor, { id: assessmentId, revision, principle, answers: page.answers });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const fresh = await getOwnAssessment(actor, assessmentId);
      return {
        status: "error",
        message: error.message,
        errors: [],
        typed: page.typed,
        revision: fresh.revision,
      };
    }
    const saved = await getOwnAssessment(actor, assessmentId);
    redirect(
      intent === "continue"
        ? nextPageAfter(saved, principle)
        : `/assessments/${assessmentId}?saved=${principle}`,
      RedirectType.push,
    );
  });
}

const submitFields = z.object({
  assessmentId: z.string().min(1).max(64),
  revision: z.coerce.number().int().min(0),
  shareNotes: z.literal("yes").optional().catch(undefined),
});

export async function submitAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor) => {
    const fields = submitFields.safeParse(Object.fromEntries(requireForm(form)));
    if (!fields.success) throw new NotFoundError();
    await submit(actor, fields.data.assessmentId, fields.data.revision, {
      shareNotesWithPrime: fields.data.shareNotes === "yes",
    });
    redirect(`/assessments/${fields.data.assessmentId}/confirmation`, RedirectType.push);
  });
}

export async function correctAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor) => {
    const id = z.string().min(1).max(64).safeParse(requireForm(form).get("assessmentId"));
    if (!id.success) throw new NotFoundError();
    const draft = await startCorrection(actor, id.data);
    redirect(`/assessments/${draft}`, RedirectType.push);
  });
}

const startFields = z.object({
  contractId: z.string().min(1).max(64),
  primeId: z.string().min(1).max(64),
  perspective: z.enum(PERSPECTIVES),
});

/** "Start now": opens the actor's draft for the open cycle, creating it the first time. */
export async function startAction(_previous: FormState, form: FormData): Promise<FormState> {
  return runFormAction(async (actor) => {
    const parsed = startFields.safeParse(Object.fromEntries(requireForm(form)));
    if (!parsed.success) throw new NotFoundError();
    const id = await startOrResume(actor, parsed.data);
    redirect(`/assessments/${id}`, RedirectType.push);
  });
}
