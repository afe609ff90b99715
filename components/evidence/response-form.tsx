"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FileField } from "@/components/ui/file-field";
import { TextArea } from "@/components/ui/text-area";
import { fieldsOf, initialFormState } from "@/lib/actions/form-state";
import { respondAction } from "@/lib/actions/verification";
import { COMMENT_MAX } from "@/lib/evidence/verdicts";

/** The prime's response to the review of one principle, with a file of evidence if it adds one. */
export function ResponseForm({
  assessmentId,
  principleKey,
  accepted,
}: {
  assessmentId: string;
  principleKey: string;
  /** What files are accepted, in words. */
  accepted: string;
}) {
  const [state, action, pending] = useActionState(respondAction, initialFormState);
  const { error, typed } = fieldsOf(state);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate className="max-w-2xl">
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <input type="hidden" name="principleKey" value={principleKey} />
        <TextArea
          key={`response-${typed("response")}`}
          name="response"
          label="Your response"
          hint={`The commissioner reads it with the evidence. Up to ${COMMENT_MAX.toLocaleString("en-GB")} characters.`}
          defaultValue={typed("response")}
          error={error("response")}
        />
        <FileField
          name="file"
          label="Add a file of evidence (optional)"
          hint={accepted}
          error={error("file")}
        />
        <Button disabled={pending}>Send response</Button>
      </form>
    </>
  );
}
