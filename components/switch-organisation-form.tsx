"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { switchOrganisationAction } from "@/lib/actions/account";
import { initialFormState } from "@/lib/actions/form-state";

export function SwitchOrganisationForm({ organisationId, name }: { organisationId: string; name: string }) {
  const [state, action, pending] = useActionState(switchOrganisationAction, initialFormState);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action}>
        <input type="hidden" name="organisationId" value={organisationId} />
        <Button variant="secondary" disabled={pending} className="mb-0">
          Act for <span className="sr-only">{name}</span>
          <span aria-hidden="true">this organisation</span>
        </Button>
      </form>
    </>
  );
}
