import type { TextareaHTMLAttributes } from "react";
import { describedBy, FieldFrame } from "./field-frame";

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** A GOV.UK textarea: label, optional hint, error message beside the field. */
export function TextArea({ name, label, hint, error, className = "", ...area }: Props) {
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={4}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`w-full max-w-2xl border-2 p-2 ${error ? "border-error" : "border-ink"} ${className}`}
        {...area}
      />
    </FieldFrame>
  );
}
