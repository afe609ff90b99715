import type { InputHTMLAttributes } from "react";
import { describedBy, FieldFrame } from "./field-frame";

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** A GOV.UK text input: label, optional hint, error message beside the field, nothing clever. */
export function TextField({ name, label, hint, error, className = "", ...input }: Props) {
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`w-full max-w-md border-2 px-2 py-1.5 ${error ? "border-error" : "border-ink"} ${className}`}
        {...input}
      />
    </FieldFrame>
  );
}
