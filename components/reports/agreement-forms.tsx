"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { agreeActionAction, markActionDoneAction } from "@/lib/actions/action-agreement";
import { initialFormState } from "@/lib/actions/form-state";

interface Target {
  contractId: string;
  primeId: string;
  cycleId: string | null;
  itemId: string;
  /** The action's text, so each button says which action it is for. */
  label: string;
}

function Hidden({ contractId, primeId, cycleId, itemId }: Target) {
  return (
    <>
      <input type="hidden" name="contractId" value={contractId} />
      <input type="hidden" name="primeId" value={primeId} />
      <input type="hidden" name="itemId" value={itemId} />
      {cycleId ? <input type="hidden" name="cycleId" value={cycleId} /> : null}
    </>
  );
}

/** "Mark agreed": a one-button form, so it works without JavaScript. */
export function AgreeActionForm(target: Target) {
  const [state, action, pending] = useActionState(agreeActionAction, initialFormState);
  return (
    <form action={action} className="no-print">
      <ErrorSummary errors={state.errors} message={state.message} />
      <Hidden {...target} />
      <Button disabled={pending} className="mb-0">
        Mark agreed<span className="sr-only"> for “{target.label}”</span>
      </Button>
    </form>
  );
}

/** "Mark done": the commissioner confirms the action was carried out. */
export function MarkDoneForm(target: Target) {
  const [state, action, pending] = useActionState(markActionDoneAction, initialFormState);
  return (
    <form action={action} className="no-print">
      <ErrorSummary errors={state.errors} message={state.message} />
      <Hidden {...target} />
      <Button variant="secondary" disabled={pending} className="mb-0">
        Mark done<span className="sr-only"> for “{target.label}”</span>
      </Button>
    </form>
  );
}
