"use client";

import { useActionState } from "react";
import { submitAction } from "@/app/assessments/[id]/actions";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { initialFormState } from "@/lib/actions/form-state";

export function SubmitForm({ assessmentId, revision }: { assessmentId: string; revision: number }) {
  const [state, action, pending] = useActionState(submitAction, initialFormState);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action}>
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <input type="hidden" name="revision" value={revision} />
        <Button disabled={pending}>Submit your answers</Button>
      </form>
    </>
  );
}
