"use client";

import { useActionState } from "react";
import { type FormState, fieldsOf, initialFormState } from "@/lib/actions/form-state";
import { Button } from "./button";
import { ErrorSummary } from "./error-summary";
import { TextArea } from "./text-area";
import { TextField } from "./text-field";

export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  hint?: string;
  /** A textarea instead of a one-line field. */
  multiline?: boolean;
}

interface Props {
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  fields: FieldSpec[];
  submitLabel: string;
  /** "warning" for a button that destroys something, like deleting an account. */
  submitVariant?: "primary" | "warning";
  hidden?: Record<string, string>;
}

/**
 * A simple form of text fields posting to a server action: error summary, a message beside each
 * field, typed values kept (passwords excepted). Works with JavaScript off.
 */
export function ActionForm({ action, fields, submitLabel, submitVariant = "primary", hidden = {} }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const { error: errorFor, typed } = fieldsOf(state);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={formAction} noValidate className="max-w-xl">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {fields.map((field) =>
          field.multiline ? (
            <TextArea
              key={`${field.name}-${typed(field.name)}`}
              name={field.name}
              label={field.label}
              hint={field.hint}
              defaultValue={typed(field.name)}
              error={errorFor(field.name)}
            />
          ) : (
            <TextField
              key={`${field.name}-${typed(field.name)}`}
              name={field.name}
              label={field.label}
              hint={field.hint}
              type={field.type ?? "text"}
              autoComplete={field.autoComplete}
              spellCheck={false}
              defaultValue={field.type === "password" ? undefined : typed(field.name)}
              error={errorFor(field.name)}
            />
          ),
        )}
        <Button variant={submitVariant} disabled={pending}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}
