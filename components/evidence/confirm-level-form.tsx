"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { initialFormState } from "@/lib/actions/form-state";
import { confirmLevelAction } from "@/lib/actions/levels";

/** The commissioner confirms the level the rule gives, and chooses whether the register shows it. */
export function ConfirmLevelForm({ assessmentId, levelLabel }: { assessmentId: string; levelLabel: string }) {
  const [state, action, pending] = useActionState(confirmLevelAction, initialFormState);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} className="max-w-2xl">
        <input type="hidden" name="assessmentId" value={assessmentId} />
        <div className="mb-6 flex items-start gap-3">
          <input
            id="field-publish"
            type="checkbox"
            name="publish"
            value="yes"
            aria-describedby="field-publish-hint"
            className="mt-1 h-6 w-6 shrink-0"
          />
          <div>
            <label htmlFor="field-publish" className="font-bold">
              Publish it on the public register
            </label>
            <p id="field-publish-hint" className="text-muted">
              The register shows the prime, the contract, the cycle, the level and its date: never a figure.
            </p>
          </div>
        </div>
        <Button disabled={pending}>Confirm “{levelLabel}”</Button>
      </form>
    </>
  );
}
