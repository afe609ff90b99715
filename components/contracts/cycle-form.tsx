"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { openCycleAction } from "@/lib/actions/contracts";
import { fieldsOf, initialFormState } from "@/lib/actions/form-state";

export function CycleForm({ contractId }: { contractId: string }) {
  const [state, action, pending] = useActionState(openCycleAction, initialFormState);
  const { error, typed } = fieldsOf(state);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate className="max-w-2xl">
        <input type="hidden" name="contractId" value={contractId} />
        <TextField
          key={`cycleName-${typed("cycleName")}`}
          name="cycleName"
          label="Cycle name"
          hint="For example, 2027–28"
          defaultValue={typed("cycleName")}
          error={error("cycleName")}
          autoComplete="off"
        />
        <TextField
          key={`opensAt-${typed("opensAt")}`}
          name="opensAt"
          label="Opens on"
          type="date"
          defaultValue={typed("opensAt")}
          error={error("opensAt")}
        />
        <TextField
          key={`closesAt-${typed("closesAt")}`}
          name="closesAt"
          label="Closes at the end of"
          type="date"
          defaultValue={typed("closesAt")}
          error={error("closesAt")}
        />
        <Button disabled={pending}>Open cycle</Button>
      </form>
    </>
  );
}
