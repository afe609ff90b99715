"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { initialFormState } from "@/lib/actions/form-state";
import { removeMemberAction } from "@/lib/actions/members";

export function RemoveMemberForm({ membershipId, name }: { membershipId: string; name: string }) {
  const [state, action, pending] = useActionState(removeMemberAction, initialFormState);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action}>
        <input type="hidden" name="membershipId" value={membershipId} />
        <Button variant="warning" disabled={pending}>
          Remove {name}
        </Button>
      </form>
    </>
  );
}
