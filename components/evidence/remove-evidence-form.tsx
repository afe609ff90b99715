"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RadioGroup } from "@/components/ui/radio-group";
import { removeEvidenceAction } from "@/lib/actions/evidence";
import { fieldsOf, initialFormState } from "@/lib/actions/form-state";

/** One form for every file, so it works without JavaScript and keeps the table a plain table. */
export function RemoveEvidenceForm({ files }: { files: { value: string; label: string }[] }) {
  const [state, action, pending] = useActionState(removeEvidenceAction, initialFormState);
  const { error } = fieldsOf(state);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} className="max-w-2xl">
        <RadioGroup
          name="fileId"
          legend="File to remove"
          hint="It is removed for you and the commissioner. Your organisation's activity log records who removed it."
          options={files}
          error={error("fileId")}
        />
        <Button variant="warning" disabled={pending}>
          Remove file
        </Button>
      </form>
    </>
  );
}
