"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { fieldsOf, initialFormState, refusalOnField } from "@/lib/actions/form-state";
import { addIdentifierAction } from "@/lib/actions/organisation";

export function IdentifierForm() {
  const [raw, action, pending] = useActionState(addIdentifierAction, initialFormState);
  // A refusal from the service (a number held by another organisation) belongs to the field.
  const state = refusalOnField(raw, "identifier");
  const { error, typed } = fieldsOf(state);
  return (
    <>
      <ErrorSummary errors={state.errors} />
      <form action={action} noValidate className="max-w-2xl">
        <TextField
          key={`identifier-${typed("identifier")}`}
          name="identifier"
          label="Identifier"
          hint="As it appears on your published notices or in a register: for example GB-CFS-204871 (Contracts Finder), GB-PPON-PQRT-4821-LMNX (Find a Tender) or GB-COH-01234567 (Companies House)."
          spellCheck={false}
          defaultValue={typed("identifier")}
          error={error("identifier")}
        />
        <Button disabled={pending}>Add identifier</Button>
      </form>
    </>
  );
}
