import "server-only";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { AnswersWithheldError } from "@/lib/access/answers";
import { currentActor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { type AssessmentView, getOwnAssessment } from "@/lib/services/assessments";

/**
 * For questionnaire pages: the actor's own assessment, or the demo chooser when nobody is acting,
 * or "not found" when it belongs to someone else (its existence is not revealed).
 */
export async function loadOwnAssessment(id: string, returnTo: string): Promise<AssessmentView> {
  await connection();
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  try {
    return await getOwnAssessment(actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof AnswersWithheldError) redirect("/dashboard?withheld=1");
    throw error;
  }
}
