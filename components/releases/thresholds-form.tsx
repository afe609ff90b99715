"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { fieldsOf, initialFormState } from "@/lib/actions/form-state";
import { raiseThresholdsAction } from "@/lib/actions/releases";

/**
 * The programme's two release thresholds, which can be raised and never lowered. A plain form post,
 * so it works without JavaScript; what was typed stays in the fields when it is refused.
 */
export function ThresholdsForm({
  score,
  category,
  lowest,
}: {
  score: number;
  category: number;
  lowest: number;
}) {
  const [state, action, pending] = useActionState(raiseThresholdsAction, initialFormState);
  const { error, typed } = fieldsOf(state);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate className="max-w-3xl">
        <TextField
          name="score"
          label="Partners every figure must combine"
          hint={`Also the fewest any comparison of two figures may narrow down to. Now ${score}; at least ${lowest}.`}
          inputMode="numeric"
          defaultValue={typed("score", String(score))}
          error={error("score")}
          className="max-w-24"
        />
        <TextField
          name="category"
          label="Partners needed on each side of a count"
          hint={`A count such as "6 of 12 partners raise this flag" needs this many raising it and as many not. Now ${category}; at least ${lowest}.`}
          inputMode="numeric"
          defaultValue={typed("category", String(category))}
          error={error("category")}
          className="max-w-24"
        />
        <Button disabled={pending}>Raise the thresholds</Button>
      </form>
    </>
  );
}
