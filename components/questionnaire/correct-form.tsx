"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { correctAction } from "@/lib/actions/assessments";
import { initialFormState } from "@/lib/actions/form-state";

export function CorrectForm({
  assessmentId,
  label = "Start a correction",
}: {
  assessmentId: string;
  label?: string;
}) {
  const [state, action, pending] = useActionState(correctAction, initialFormState);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action}>
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <Button variant="secondary" disabled={pending}>
          {label}
        </Button>
      </form>
    </>
  );
}
