"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextArea } from "@/components/ui/text-area";
import { fieldsOf, initialFormState } from "@/lib/actions/form-state";
import { recordVerdictAction } from "@/lib/actions/verification";
import { COMMENT_MAX, VERDICT_HINT, VERDICT_LABEL, VERDICTS } from "@/lib/evidence/verdicts";

/** The commissioner's verdict on one principle, with the comment the prime reads. Works without JavaScript. */
export function VerdictForm({ assessmentId, principleKey }: { assessmentId: string; principleKey: string }) {
  const [state, action, pending] = useActionState(recordVerdictAction, initialFormState);
  const { error, typed } = fieldsOf(state);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate className="max-w-2xl">
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <input type="hidden" name="principleKey" value={principleKey} />
        <RadioGroup
          key={`verdict-${typed("verdict")}`}
          name="verdict"
          legend="Your verdict"
          options={VERDICTS.map((v) => ({ value: v, label: `${VERDICT_LABEL[v]}: ${VERDICT_HINT[v]}` }))}
          value={typed("verdict")}
          error={error("verdict")}
        />
        <TextArea
          key={`comment-${typed("comment")}`}
          name="comment"
          label="Comment for the prime"
          hint={`The prime reads it. Needed unless you verify; up to ${COMMENT_MAX.toLocaleString("en-GB")} characters.`}
          defaultValue={typed("comment")}
          error={error("comment")}
        />
        <Button disabled={pending}>Record verdict</Button>
      </form>
    </>
  );
}
