"use client";

import { useActionState } from "react";
import { decideAccountRequestAction } from "@/app/operator/requests/actions";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/lib/actions/form-state";

/** Approve or decline one council's request: two buttons in one form, each sending its decision. */
export function AccountDecisionForm({ requestId, name }: { requestId: string; name: string }) {
  const [state, action, pending] = useActionState(decideAccountRequestAction, initialFormState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="requestId" value={requestId} />
      <Button name="decision" value="approve" disabled={pending} className="mb-0">
        Approve<span className="sr-only"> {name}</span>
      </Button>
      <Button name="decision" value="decline" variant="secondary" disabled={pending} className="mb-0">
        Decline<span className="sr-only"> {name}</span>
      </Button>
      {state.message ? (
        <p role="alert" className="w-full font-bold text-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
