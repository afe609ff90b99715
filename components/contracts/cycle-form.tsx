"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextField } from "@/components/ui/text-field";
import { openCycleAction } from "@/lib/actions/contracts";
import { fieldsOf, initialFormState } from "@/lib/actions/form-state";

interface Props {
  contractId: string;
  /** The framework versions a new cycle can use, newest first; the first is chosen unless changed. */
  versions: readonly { value: string; label: string }[];
}

export function CycleForm({ contractId, versions }: Props) {
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
        <RadioGroup
          key={`frameworkVersion-${typed("frameworkVersion")}`}
          name="frameworkVersion"
          legend="Questions"
          hint="Every rating in the cycle answers the same version. Cycles of one period, on any contract, use one version so their figures can be combined. How scoring works lists each version's questions."
          options={versions}
          value={typed("frameworkVersion") || versions[0]?.value}
          error={error("frameworkVersion")}
        />
        <Button disabled={pending}>Open cycle</Button>
      </form>
    </>
  );
}
