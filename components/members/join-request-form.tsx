"use client";

import { useActionState } from "react";
import { decideJoinAction } from "@/app/account/members/actions";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/lib/actions/form-state";

/** Let one person join, or decline: two buttons in one form, each sending its own decision. */
export function JoinRequestForm({ requestId, name }: { requestId: string; name: string }) {
  const [state, action, pending] = useActionState(decideJoinAction, initialFormState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="requestId" value={requestId} />
      <Button name="decision" value="approve" disabled={pending} className="mb-0">
        Let {name} join
      </Button>
      <Button name="decision" value="decline" variant="secondary" disabled={pending} className="mb-0">
        Decline<span className="sr-only"> {name}'s request</span>
      </Button>
      {state.message ? (
        <p role="alert" className="w-full font-bold text-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
