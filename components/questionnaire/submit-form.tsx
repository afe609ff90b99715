"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { submitAction } from "@/lib/actions/assessments";
import { initialFormState } from "@/lib/actions/form-state";

/**
 * Submit, and for a partner the choice to let the prime read its notes. Off unless ticked: a note
 * can say more about who wrote it than the partner means to.
 */
export function SubmitForm({
  assessmentId,
  revision,
  primeName,
  notesRule,
}: {
  assessmentId: string;
  revision: number;
  /** The prime a partner is rating; null for a self-assessment. */
  primeName: string | null;
  /** Who reads a partner's notes (lib/questionnaire/who-sees.ts), worked out on the server. */
  notesRule?: string;
}) {
  const [state, action, pending] = useActionState(submitAction, initialFormState);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action}>
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <input type="hidden" name="revision" value={revision} />
        {primeName ? (
          <div className="mb-6 flex items-start gap-3">
            <input
              id="field-shareNotes"
              type="checkbox"
              name="shareNotes"
              value="yes"
              aria-describedby="field-shareNotes-hint"
              className="mt-1 h-6 w-6 shrink-0"
            />
            <div>
              <label htmlFor="field-shareNotes" className="font-bold">
                Let {primeName} read my notes
              </label>
              <p id="field-shareNotes-hint" className="text-muted">
                {notesRule} Leave it unticked if a note could show who wrote it.
              </p>
            </div>
          </div>
        ) : null}
        <Button disabled={pending}>Submit your answers</Button>
      </form>
    </>
  );
}
