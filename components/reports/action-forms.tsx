"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RadioGroup } from "@/components/ui/radio-group";
import { TextField } from "@/components/ui/text-field";
import { fieldsOf, initialFormState } from "@/lib/actions/form-state";
import { addPlanItemAction, setActionStatusAction } from "@/lib/actions/replies-and-plans";
import { ACTION_STATUSES } from "@/lib/reports/options";

interface Target {
  contractId: string;
  primeId: string;
}

/** Adds one action to the prime's plan. */
export function AddActionForm({
  contractId,
  primeId,
  principles,
}: Target & { principles: readonly { key: string; title: string }[] }) {
  const [state, action, pending] = useActionState(addPlanItemAction, initialFormState);
  const { error, typed } = fieldsOf(state);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate className="max-w-2xl">
        <input type="hidden" name="contractId" value={contractId} />
        <input type="hidden" name="primeId" value={primeId} />
        <TextField
          key={`action-${typed("action")}`}
          name="action"
          label="What will be done"
          defaultValue={typed("action")}
          error={error("action")}
          autoComplete="off"
          className="max-w-2xl"
        />
        <TextField
          key={`owner-${typed("owner")}`}
          name="owner"
          label="Who is responsible"
          hint="A role or a name"
          defaultValue={typed("owner")}
          error={error("owner")}
          autoComplete="off"
        />
        <TextField
          key={`dueDate-${typed("dueDate")}`}
          name="dueDate"
          label="Due by"
          type="date"
          defaultValue={typed("dueDate")}
          error={error("dueDate")}
        />
        <RadioGroup
          key={`principleKey-${typed("principleKey")}`}
          name="principleKey"
          legend="Which principle is it for?"
          options={[
            { value: "", label: "The contract as a whole" },
            ...principles.map((p) => ({ value: p.key, label: p.title })),
          ]}
          value={typed("principleKey")}
          error={error("principleKey")}
        />
        <Button disabled={pending}>Add to the plan</Button>
      </form>
    </>
  );
}

/** Moves one action on: a small form per row, so it works without JavaScript. */
export function ActionStatusForm({
  itemId,
  status,
  label,
  ...target
}: Target & { itemId: string; status: string; label: string }) {
  const [state, action, pending] = useActionState(setActionStatusAction, initialFormState);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="contractId" value={target.contractId} />
      <input type="hidden" name="primeId" value={target.primeId} />
      <input type="hidden" name="itemId" value={itemId} />
      <label htmlFor={`status-${itemId}`} className="sr-only">
        Status of “{label}”
      </label>
      <select
        id={`status-${itemId}`}
        name="status"
        defaultValue={status}
        className="border-2 border-ink px-2 py-1"
      >
        {ACTION_STATUSES.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      <Button variant="secondary" className="mb-0 px-3 py-1 text-base" disabled={pending}>
        Update<span className="sr-only"> “{label}”</span>
      </Button>
      {state.message ? (
        <span role="alert" className="font-bold text-error">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
