"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RadioGroup } from "@/components/ui/radio-group";
import { fieldsOf, initialFormState } from "@/lib/actions/form-state";
import { mergeOrganisationsAction } from "@/lib/actions/organisation-merge";

export interface MergeChoice {
  id: string;
  label: string;
}

/** Which organisation is kept and which duplicate goes into it: one choice each, from a search's results. */
export function MergeForm({ choices, query }: { choices: readonly MergeChoice[]; query: string }) {
  const [state, action, pending] = useActionState(mergeOrganisationsAction, initialFormState);
  const { error, typed } = fieldsOf(state);
  const options = choices.map((c) => ({ value: c.id, label: c.label }));
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate className="max-w-3xl">
        <input type="hidden" name="q" value={query} />
        <RadioGroup
          key={`kept-${typed("keptId")}`}
          name="keptId"
          legend="Organisation to keep"
          hint="Its name stays. Keep the one whose name is right, or the one released figures rest on."
          options={options}
          value={typed("keptId")}
          error={error("keptId")}
        />
        <RadioGroup
          key={`duplicate-${typed("duplicateId")}`}
          name="duplicateId"
          legend="Duplicate to merge into it"
          hint="Its members, numbers, contracts, partners, ratings and invitations move to the one kept, and it is deleted."
          options={options}
          value={typed("duplicateId")}
          error={error("duplicateId")}
        />
        <Button variant="warning" disabled={pending}>
          Merge
        </Button>
      </form>
    </>
  );
}
